export { auc } from './auc.ts';
export { brierScore } from './brier.ts';
export { logLoss } from './logloss.ts';
