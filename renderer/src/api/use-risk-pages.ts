import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PageStore, pagesFor } from '../analysis/page-store.ts';
import { riskFilterInput, viewKey, type Band, type RiskFilter, type RiskQuery } from '../analysis/risk-query.ts';
import type { PagedRows } from '../components/VirtualTable.tsx';
import { call } from './client.ts';
import type { RiskPage, RiskRow } from './types.ts';

/** Rows per risk.list request. */
export const RISK_PAGE_SIZE = 200;
// Rows fetched beyond either edge of the drawn window, so scrolling rarely meets a gap.
const AHEAD = 60;
// Requests in flight at once: enough to fill a window, few enough that a fast scroll does not queue dozens.
const CONCURRENT = 2;

/** A view's totals and sessions: an answer of risk.list without its rows. */
export type RiskViewMeta = Omit<RiskPage, 'rows'>;

/** What the Risk list screen draws from the core's paged list. */
export interface RiskPages {
  /** The view on screen (the previous one stays while a new one loads), or null before any. */
  shown: { key: string; meta: RiskViewMeta; rows: PagedRows<RiskRow> } | null;
  /** A new list or view is being fetched. */
  loading: boolean;
  error: string | null;
  /** Appointments in the high and medium bands under the clinic and band filters (null while counting). */
  bandCounts: Record<'high' | 'medium', number | null>;
  /** The table reports the rows it draws; missing pages are fetched. */
  onRange(start: number, end: number): void;
}

interface Live {
  key: string;
  input: RiskQuery & ReturnType<typeof riskFilterInput>;
  store: PageStore<RiskRow>;
  meta: RiskViewMeta | null;
  inFlight: Set<number>;
  failed: Set<number>;
  wanted: number[];
}

/**
 * Page through a risk list kept by the core: the first page brings the totals,
 * then the table asks for the pages around what it shows, two requests at a time,
 * nearest first. Answers for a superseded view are dropped. `attempt` forces a
 * fresh start (such as after an error) for the same view.
 */
export function useRiskPages(query: RiskQuery | null, filter: RiskFilter, attempt: number): RiskPages {
  const key = query ? `${viewKey(query, filter)}#${attempt}` : null;
  const [shown, setShown] = useState<{ key: string; meta: RiskViewMeta; store: PageStore<RiskRow> } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [bandCounts, setBandCounts] = useState<RiskPages['bandCounts']>({ high: null, medium: null });
  const live = useRef<Live | null>(null);
  const range = useRef<[number, number]>([0, 0]);

  const pump = useCallback(() => {
    const l = live.current;
    if (!l || !l.meta) return;
    while (l.inFlight.size < CONCURRENT) {
      const page = l.wanted.find((p) => !l.store.has(p) && !l.inFlight.has(p) && !l.failed.has(p));
      if (page === undefined) return;
      l.inFlight.add(page);
      call('risk.list', { ...l.input, offset: page * RISK_PAGE_SIZE, limit: RISK_PAGE_SIZE }).then(
        (answer) => {
          if (live.current !== l) return;
          l.inFlight.delete(page);
          l.store.put(page, answer.rows);
          setVersion((v) => v + 1);
          pump();
        },
        (err: unknown) => {
          if (live.current !== l) return;
          l.inFlight.delete(page);
          l.failed.add(page);
          setError((err as Error).message);
        },
      );
    }
  }, []);

  const want = useCallback(() => {
    const l = live.current;
    if (!l?.meta) return;
    l.wanted = pagesFor(range.current[0], range.current[1], l.meta.total, RISK_PAGE_SIZE, AHEAD);
    l.store.touch(l.wanted);
    pump();
  }, [pump]);

  const onRange = useCallback(
    (start: number, end: number) => {
      range.current = [start, end];
      want();
    },
    [want],
  );

  useEffect(() => {
    if (key === null || query === null) {
      live.current = null;
      setShown(null);
      setLoading(false);
      return;
    }
    const l: Live = { key, input: { ...query, ...riskFilterInput(filter) }, store: new PageStore(RISK_PAGE_SIZE), meta: null, inFlight: new Set([0]), failed: new Set(), wanted: [0] };
    live.current = l;
    setLoading(true);
    setError(null);
    call('risk.list', { ...l.input, offset: 0, limit: RISK_PAGE_SIZE }).then(
      (answer) => {
        if (live.current !== l) return;
        const { rows, ...meta } = answer;
        l.inFlight.delete(0);
        l.store.put(0, rows);
        l.meta = meta;
        // The new view starts at the top; the table reports its window once drawn.
        range.current = [0, Math.min(meta.total, RISK_PAGE_SIZE)];
        setShown({ key, meta, store: l.store });
        setLoading(false);
        want();
      },
      (err: unknown) => {
        if (live.current !== l) return;
        setError((err as Error).message);
        setLoading(false);
      },
    );
    // The key stands for query and filter, which callers rebuild on every render.
  }, [key]);

  // Band counts follow the run, dates and filters but not the sort.
  const countsKey = query ? JSON.stringify([query, filter.clinic, filter.band, attempt]) : null;
  useEffect(() => {
    if (query === null) return;
    let current = true;
    setBandCounts({ high: null, medium: null });
    for (const band of ['high', 'medium'] as const satisfies readonly Band[]) {
      if (filter.band !== null && filter.band !== band) {
        setBandCounts((c) => ({ ...c, [band]: 0 }));
        continue;
      }
      const { sort: _sort, ...filters } = riskFilterInput({ ...filter, band });
      call('risk.list', { ...query, ...filters, limit: 1 }).then(
        (answer) => current && setBandCounts((c) => ({ ...c, [band]: answer.total })),
        () => undefined,
      );
    }
    return () => {
      current = false;
    };
  }, [countsKey]);

  const rows = useMemo<PagedRows<RiskRow> | null>(() => (shown ? { count: shown.meta.total, at: (i) => shown.store.at(i) } : null), [shown, version]);
  return {
    shown: shown && rows ? { key: shown.key, meta: shown.meta, rows } : null,
    loading,
    error,
    bandCounts,
    onRange,
  };
}
