export { riskList, fillReasons, DEFAULT_BANDS } from './risk-list.ts';
export type { RiskList, RiskOptions, RiskRow, SessionRow } from './risk-list.ts';
export { riskCsv, writeRiskCsv } from './risk-csv.ts';
export { reasonInWords } from './reason-words.ts';
export { RISK_SORT_KEYS, riskView } from './risk-view.ts';
export type { RiskSortKey, RiskView, RiskViewOptions } from './risk-view.ts';
export { cachedRiskList } from './risk-cache.ts';
