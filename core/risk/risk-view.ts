import { fillReasons, type RiskList, type RiskRow, type SessionRow } from './risk-list.ts';

/** Columns a risk list can be sorted by. */
export const RISK_SORT_KEYS = ['probability', 'time', 'clinic', 'specialty'] as const;
export type RiskSortKey = (typeof RISK_SORT_KEYS)[number];

/** Which part of a risk list to show. */
export interface RiskViewOptions {
  /** Only these clinic codes (all when absent or empty). */
  clinics?: string[];
  /** Only these bands. */
  bandFilter?: RiskRow['band'][];
  /** Default: probability, highest first. */
  sort?: { key: RiskSortKey; direction: 'asc' | 'desc' };
  /** First row of the page (default 0) and page size (default all). */
  offset?: number;
  limit?: number;
}

/** A filtered, sorted page of a risk list, with the totals the screen needs. */
export type RiskView = Omit<RiskList, 'rows' | 'sessions' | 'expectedDnas'> & {
  rows: RiskRow[];
  /** Rows after the filters, before paging. */
  total: number;
  offset: number;
  /** Every clinic code on the unfiltered list, sorted. */
  clinics: string[];
  /** Sessions and expected DNAs of the filtered rows. */
  sessions: SessionRow[];
  expectedDnas: number;
};

function compare(key: RiskSortKey): (a: RiskRow, b: RiskRow) => number {
  const text = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');
  switch (key) {
    case 'probability':
      return (a, b) => a.probability - b.probability;
    case 'time':
      return (a, b) => (a.appointmentAt < b.appointmentAt ? -1 : a.appointmentAt > b.appointmentAt ? 1 : 0);
    case 'clinic':
      return (a, b) => text(a.clinicCode, b.clinicCode);
    case 'specialty':
      return (a, b) => text(a.specialty, b.specialty);
  }
}

/**
 * Filter, sort and page a computed risk list, explaining only the rows returned. A million-row list stays on the
 * core's side; the screen asks for the window it shows.
 */
export function riskView(list: RiskList, opts: RiskViewOptions = {}): RiskView {
  const { rows, sessions, expectedDnas } = filteredRows(list, opts);
  const offset = Math.max(0, opts.offset ?? 0);
  const page = opts.limit === undefined ? rows.slice(offset) : rows.slice(offset, offset + opts.limit);
  // Reasons (TreeSHAP) are worked out for the rows shown, once each.
  fillReasons(list, page);
  const { rows: _all, sessions: _s, expectedDnas: _e, ...rest } = list;
  return { ...rest, rows: page, total: rows.length, offset, clinics: clinicsOf(list), sessions, expectedDnas };
}

interface Filtered {
  rows: RiskRow[];
  sessions: SessionRow[];
  expectedDnas: number;
}

// Paging through a long list asks for the same filter and order many times:
// the last few orders of each list are kept (the list itself is cached per run).
const orders = new WeakMap<RiskList, Map<string, Filtered>>();
const clinicLists = new WeakMap<RiskList, string[]>();
const ORDERS_KEPT = 4;

function clinicsOf(list: RiskList): string[] {
  let c = clinicLists.get(list);
  if (!c) {
    c = [...new Set(list.rows.map((r) => r.clinicCode ?? ''))].filter((x) => x !== '').sort();
    clinicLists.set(list, c);
  }
  return c;
}

function filteredRows(list: RiskList, opts: RiskViewOptions): Filtered {
  const clinicSet = opts.clinics && opts.clinics.length > 0 ? [...new Set(opts.clinics)].sort() : null;
  const bandSet = opts.bandFilter && opts.bandFilter.length > 0 ? [...new Set(opts.bandFilter)].sort() : null;
  const sort = opts.sort ?? { key: 'probability', direction: 'desc' };
  const key = JSON.stringify([clinicSet, bandSet, sort.key, sort.direction]);
  let memo = orders.get(list);
  const hit = memo?.get(key);
  if (hit) return hit;
  const clinics = clinicSet ? new Set(clinicSet) : null;
  const bands = bandSet ? new Set(bandSet) : null;
  const rows = list.rows.filter((r) => (!clinics || clinics.has(r.clinicCode ?? '')) && (!bands || bands.has(r.band)));
  const by = compare(sort.key);
  const sign = sort.direction === 'asc' ? 1 : -1;
  // Ties fall back to the appointment id so pages never overlap or skip rows.
  rows.sort((a, b) => sign * by(a, b) || (a.appointmentId < b.appointmentId ? -1 : a.appointmentId > b.appointmentId ? 1 : 0));
  const sessions = clinics ? list.sessions.filter((s) => clinics.has(s.clinicCode ?? '')) : list.sessions;
  const result = { rows, sessions, expectedDnas: rows.reduce((s, r) => s + r.probability, 0) };
  if (!memo) {
    memo = new Map();
    orders.set(list, memo);
  }
  if (memo.size >= ORDERS_KEPT) memo.delete(memo.keys().next().value as string);
  memo.set(key, result);
  return result;
}
