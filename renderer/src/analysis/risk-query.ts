import type { RiskRow } from '../api/types.ts';

/** Columns the core sorts a risk list by. */
export type RiskSortKey = 'probability' | 'time' | 'clinic' | 'specialty';
/** A sort: key and direction. */
export interface Sort<K extends string> {
  key: K;
  descending: boolean;
}
/** A risk band. */
export type Band = RiskRow['band'];

/** The scored list: run and dates, as sent when the analyst asked to score. */
export interface RiskQuery {
  runId: string;
  from?: string;
  to?: string;
}

/** What the screen shows of a scored list: one clinic or all, one band or all, a sort. */
export interface RiskFilter {
  clinic: string | null;
  band: Band | null;
  sort: Sort<RiskSortKey>;
}

/** The filter as risk.list, risk.csv and risk.export take it (empty filters left out). */
export function riskFilterInput(filter: RiskFilter): { clinics?: string[]; bandFilter?: Band[]; sort: { key: RiskSortKey; direction: 'asc' | 'desc' } } {
  return {
    ...(filter.clinic !== null ? { clinics: [filter.clinic] } : {}),
    ...(filter.band !== null ? { bandFilter: [filter.band] } : {}),
    sort: { key: filter.sort.key, direction: filter.sort.descending ? 'desc' : 'asc' },
  };
}

/** The sort after choosing a column heading: the same column flips, a new one starts highest risk first or A to Z. */
export function nextSort(current: Sort<RiskSortKey>, key: RiskSortKey): Sort<RiskSortKey> {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: key === 'probability' };
}

/** A key that changes whenever a different list or view of it is asked for. */
export function viewKey(query: RiskQuery, filter: RiskFilter): string {
  return JSON.stringify([query.runId, query.from ?? null, query.to ?? null, filter.clinic, filter.band, filter.sort.key, filter.sort.descending]);
}
