export { riskList, DEFAULT_BANDS } from './risk-list.ts';
export type { RiskList, RiskOptions, RiskRow, SessionRow } from './risk-list.ts';
export { riskCsv, writeRiskCsv } from './risk-csv.ts';
export { reasonInWords } from './reason-words.ts';
