export { auc } from './auc.ts';
export { brierScore } from './brier.ts';
export { logLoss } from './logloss.ts';
export { Z_95 } from './normal.ts';
export { scoreSteps, descendingOrder, type ScoreSteps } from './score-steps.ts';
export { rocCurve, type RocCurve } from './roc-curve.ts';
export { delongAuc, type AucWithCi } from './delong.ts';
export { precisionRecallCurve, averagePrecision, type PrCurve } from './pr-curve.ts';
export { wilsonInterval } from './wilson.ts';
export { binEdges, calibrationBins, calibrationCurve, type BinStrategy, type CalibrationBin } from './calibration-bins.ts';
export { expectedCalibrationError } from './ece.ts';
export {
  calibrationSlopeIntercept,
  calibrationInTheLargeIntercept,
  meanCalibrationDifference,
  clippedLogit,
  type Estimate,
  type Recalibration,
} from './recalibration.ts';
export {
  thresholdRow,
  topShareRow,
  thresholdTable,
  DEFAULT_THRESHOLDS,
  DEFAULT_TOP_SHARES,
  type ThresholdRow,
} from './threshold-table.ts';
export { costThreshold, DEFAULT_PREVENTED_SHARE, type ReminderCosts, type CostThreshold } from './cost-threshold.ts';
export { decisionCurve, DEFAULT_DECISION_GRID, type DecisionPoint } from './decision-curve.ts';
export { liftTable, type LiftRow } from './lift.ts';
export { downsampleIndices, pickPoints, DEFAULT_MAX_POINTS } from './downsample.ts';
export { subgroupTable, type SubgroupVariable, type SubgroupRow } from './subgroups.ts';
export { evaluatePredictions, checkPredictions, DEFAULT_COSTS, type EvaluateOptions, type EvaluationReport } from './evaluate-predictions.ts';
export { readPredictionsCsv, type PredictionsFile } from './read-predictions.ts';
