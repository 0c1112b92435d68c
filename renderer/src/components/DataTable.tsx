import type { ReactNode } from 'react';

/** A column of a plain data table. */
export interface TableColumn {
  header: string;
  numeric?: boolean;
}

interface Props {
  caption: string;
  /** Visible caption, or only for screen readers. */
  showCaption?: boolean;
  columns: TableColumn[];
  rows: ReactNode[][];
  /** First cell of each row is its header. */
  rowHeaders?: boolean;
  /** Scroll long tables inside a box (keyboard-scrollable). */
  scroll?: boolean;
}

/** The numbers behind a chart, as a real table. */
export function DataTable({ caption, showCaption, columns, rows, rowHeaders = true, scroll }: Props) {
  const table = (
    <table>
      <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, r) => (
          <tr key={r}>
            {cells.map((cell, c) =>
              c === 0 && rowHeaders ? (
                <th key={c} scope="row" className={columns[c]?.numeric ? 'num' : undefined}>
                  {cell}
                </th>
              ) : (
                <td key={c} className={columns[c]?.numeric ? 'num' : undefined}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!scroll) return <div className="table-wrap">{table}</div>;
  return (
    <div className="table-wrap scroll-y" tabIndex={0} role="region" aria-label={caption}>
      {table}
    </div>
  );
}
