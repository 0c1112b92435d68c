import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { scrolledWindow } from '../analysis/windowing.ts';

/** A column of a windowed table. */
export interface VirtualColumn<T, K extends string> {
  id: string;
  header: string;
  /** Width as CSS (fixed layout keeps columns still while rows change). */
  width: string;
  numeric?: boolean;
  /** Sort key when the column can sort. */
  sortKey?: K;
  render(row: T): ReactNode;
}

/** Rows that live elsewhere (pages fetched from the core): how many, and those loaded so far. */
export interface PagedRows<T> {
  count: number;
  /** The row at an index, or undefined while its page is loading. */
  at(index: number): T | undefined;
}

interface Props<T, K extends string> {
  caption: string;
  /** Every row, or a paged source. */
  rows: readonly T[] | PagedRows<T>;
  columns: VirtualColumn<T, K>[];
  rowKey(row: T): string;
  rowHeight?: number;
  /** Height of the scrolling box in pixels. */
  height?: number;
  sort?: { key: K; descending: boolean };
  onSort?(key: K): void;
  /** Said when there are no rows. */
  empty?: string;
  /** Told which rows [start, end) are drawn, so a paged source can fetch them. */
  onRange?(start: number, end: number): void;
  /** The box scrolls back to the top when this changes (default: when `rows` changes). */
  resetKey?: unknown;
}

const isPaged = <T,>(rows: readonly T[] | PagedRows<T>): rows is PagedRows<T> => !Array.isArray(rows);

/**
 * A table that renders only the rows in view (plus a few either side), so a
 * million rows scroll as smoothly as twenty. Rows have a fixed height; spacer
 * rows keep the scroll bar true (scaled past the height browsers can lay out).
 * aria-rowcount / aria-rowindex tell assistive technology the full size and where
 * each rendered row sits; rows still loading say so.
 */
export function VirtualTable<T, K extends string>({ caption, rows, columns, rowKey, rowHeight = 44, height = 480, sort, onSort, empty = 'No rows.', onRange, resetKey }: Props<T, K>) {
  const box = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [headHeight, setHeadHeight] = useState(44);
  const frame = useRef(0);
  const count = isPaged(rows) ? rows.count : rows.length;
  const at = (i: number): T | undefined => (isPaged(rows) ? rows.at(i) : rows[i]);

  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      setScrollTop(box.current?.scrollTop ?? 0);
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  useLayoutEffect(() => {
    if (head.current) setHeadHeight(head.current.offsetHeight);
  }, []);
  // A new list (filter, sort) starts at the top.
  const reset = resetKey === undefined ? rows : resetKey;
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  }, [reset]);

  const w = scrolledWindow(scrollTop, Math.max(rowHeight, height - headHeight), rowHeight, count);
  useEffect(() => {
    onRange?.(w.start, w.end);
  }, [onRange, w.start, w.end]);

  const indices = Array.from({ length: w.end - w.start }, (_, i) => w.start + i);
  const pending = indices.some((i) => at(i) === undefined);

  return (
    <div className="virtual-table" ref={box} style={{ maxHeight: height }} onScroll={onScroll} tabIndex={0} role="region" aria-label={`${caption} (scrollable)`}>
      <table aria-rowcount={count + 1} aria-busy={pending || undefined} className="fixed">
        <caption className="visually-hidden">
          {caption}: {count.toLocaleString('en-GB')} rows
        </caption>
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead ref={head}>
          <tr aria-rowindex={1}>
            {columns.map((c) => {
              const active = sort && c.sortKey === sort.key;
              const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : c.sortKey ? 'none' : undefined;
              return (
                <th key={c.id} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={ariaSort}>
                  {c.sortKey && onSort ? (
                    <button type="button" className="sort-button" onClick={() => onSort(c.sortKey as K)}>
                      {c.header}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {count === 0 && (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          )}
          {w.top > 0 && <tr aria-hidden="true" className="spacer" style={{ height: w.top }} />}
          {indices.map((index) => {
            const row = at(index);
            return row === undefined ? (
              <tr key={`pending-${index}`} aria-rowindex={index + 2} className="pending" style={{ height: rowHeight }}>
                <td colSpan={columns.length}>Loading row {(index + 1).toLocaleString('en-GB')}…</td>
              </tr>
            ) : (
              <tr key={rowKey(row)} aria-rowindex={index + 2} style={{ height: rowHeight }}>
                {columns.map((c) => (
                  <td key={c.id} className={c.numeric ? 'num' : undefined}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            );
          })}
          {w.bottom > 0 && <tr aria-hidden="true" className="spacer" style={{ height: w.bottom }} />}
        </tbody>
      </table>
    </div>
  );
}
