import { auc as aucOf } from './auc.ts';
import { brierScore } from './brier.ts';
import { calibrationBins, type CalibrationBin } from './calibration-bins.ts';
import { costThreshold, type CostThreshold, type ReminderCosts } from './cost-threshold.ts';
import { decisionCurve, type DecisionPoint } from './decision-curve.ts';
import { delongAuc } from './delong.ts';
import { downsampleIndices, pickPoints, DEFAULT_MAX_POINTS } from './downsample.ts';
import { expectedCalibrationError } from './ece.ts';
import { liftTable, type LiftRow } from './lift.ts';
import { logLoss } from './logloss.ts';
import { averagePrecision, precisionRecallCurve, type PrCurve } from './pr-curve.ts';
import { calibrationInTheLargeIntercept, calibrationSlopeIntercept, meanCalibrationDifference, type Estimate } from './recalibration.ts';
import { rocCurve, type RocCurve } from './roc-curve.ts';
import { descendingOrder, scoreSteps } from './score-steps.ts';
import { subgroupTable, type SubgroupRow, type SubgroupVariable } from './subgroups.ts';
import { thresholdTable, type ThresholdRow } from './threshold-table.ts';

/** Options of evaluatePredictions; every field has a documented default. */
export interface EvaluateOptions {
  /** Quantile bins of the reliability diagram; default 10. */
  reliabilityBins?: number;
  /** Equal-width bins of the ECE; default 10. */
  eceBins?: number;
  /** Most points kept per curve (ROC, PR); default 500. */
  maxCurvePoints?: number;
  /** Fixed thresholds of the threshold table; default 0.05..0.50 by 0.05. */
  thresholds?: number[];
  /** Top shares of risk of the threshold table; default 5%, 10%, 20%, 30%. */
  topShares?: number[];
  /** Decision curve grid; default 0.01..0.50 by 0.01. */
  decisionGrid?: number[];
  /** Lift groups; default 10 (deciles). */
  liftGroups?: number;
  /** Costs for the cost-minimising threshold; default £120 per DNA, £3 per reminder, 30% prevented (illustrative). */
  costs?: ReminderCosts;
  /** Subgroup variables; default none. */
  subgroups?: SubgroupVariable[];
}

/** Default illustrative costs: £120 per missed appointment, £3 per reminder call, reminders prevent 30% of DNAs. */
export const DEFAULT_COSTS: ReminderCosts = { missedAppointment: 120, reminder: 3, preventedShare: 0.3 };

/** Every metric and chart of a set of predictions; plain JSON (no typed arrays, no Infinity except as null). */
export interface EvaluationReport {
  n: number;
  events: number;
  prevalence: number;
  auc: number | null;
  aucCi: [number, number] | null;
  averagePrecision: number | null;
  brier: number;
  logloss: number;
  calibrationSlope: number | null;
  calibrationIntercept: number | null;
  calibrationSlopeCi: [number, number] | null;
  calibrationInterceptCi: [number, number] | null;
  /** Mean observed minus mean predicted. */
  calibrationInTheLarge: number;
  /** Intercept of the offset logistic model (slope fixed at 1). */
  calibrationInTheLargeIntercept: Estimate | null;
  ece: number;
  reliability: CalibrationBin[];
  /** Downsampled curves; the first ROC threshold (Infinity) is written as null. */
  roc: (Omit<RocCurve, 'thresholds'> & { thresholds: (number | null)[]; points: number }) | null;
  pr: (PrCurve & { points: number }) | null;
  thresholds: { byThreshold: ThresholdRow[]; byTopShare: (ThresholdRow & { share: number })[] };
  costOptimal: CostThreshold & { costs: ReminderCosts };
  decisionCurve: DecisionPoint[];
  lift: LiftRow[];
  subgroups: SubgroupRow[];
}

/** Check labels are 0/1 and probabilities in [0, 1], naming the first bad prediction (1-based). */
export function checkPredictions(labels: ArrayLike<number>, probabilities: ArrayLike<number>): void {
  if (labels.length !== probabilities.length) throw new Error(`${labels.length} labels but ${probabilities.length} probabilities`);
  if (labels.length === 0) throw new Error('no predictions to evaluate');
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new Error(`prediction ${i + 1}: label must be 0 or 1, got ${labels[i]}`);
    const p = probabilities[i];
    if (!(p >= 0 && p <= 1)) throw new Error(`prediction ${i + 1}: probability must be in [0, 1], got ${p}`);
  }
}

/** All evaluation metrics and (downsampled) curves of labels (0/1) and predicted probabilities. */
export function evaluatePredictions(labels: ArrayLike<number>, probabilities: ArrayLike<number>, opts: EvaluateOptions = {}): EvaluationReport {
  checkPredictions(labels, probabilities);
  const n = labels.length;
  const order = descendingOrder(probabilities);
  const steps = scoreSteps(labels, probabilities, order);
  const events = steps.positives;
  const maxPoints = opts.maxCurvePoints ?? DEFAULT_MAX_POINTS;
  const delong = delongAuc(labels, probabilities);
  const recal = calibrationSlopeIntercept(labels, probabilities);
  const roc = rocCurve(labels, probabilities, steps);
  const pr = precisionRecallCurve(labels, probabilities, steps);
  const costs = opts.costs ?? DEFAULT_COSTS;
  let prOut: EvaluationReport['pr'] = null;
  if (pr) {
    // thresholds has one entry fewer: pad for picking, then drop the pad.
    const idx = downsampleIndices(pr.recall, pr.precision, maxPoints);
    const picked = pickPoints({ precision: pr.precision, recall: pr.recall, thresholds: [...pr.thresholds, NaN] }, idx);
    prOut = { ...picked, thresholds: picked.thresholds.slice(0, -1), points: pr.recall.length };
  }
  let rocOut: EvaluationReport['roc'] = null;
  if (roc) {
    const picked = pickPoints({ fpr: roc.fpr, tpr: roc.tpr, thresholds: roc.thresholds }, downsampleIndices(roc.fpr, roc.tpr, maxPoints));
    rocOut = { ...picked, thresholds: picked.thresholds.map((t) => (Number.isFinite(t) ? t : null)), points: roc.fpr.length };
  }
  return {
    n,
    events,
    prevalence: events / n,
    auc: delong ? aucOf(labels, probabilities) : null,
    aucCi: delong?.ci ?? null,
    averagePrecision: averagePrecision(labels, probabilities, steps),
    brier: brierScore(labels, probabilities),
    logloss: logLoss(labels, probabilities),
    calibrationSlope: recal?.slope.value ?? null,
    calibrationIntercept: recal?.intercept.value ?? null,
    calibrationSlopeCi: recal?.slope.ci ?? null,
    calibrationInterceptCi: recal?.intercept.ci ?? null,
    calibrationInTheLarge: meanCalibrationDifference(labels, probabilities),
    calibrationInTheLargeIntercept: calibrationInTheLargeIntercept(labels, probabilities),
    ece: expectedCalibrationError(labels, probabilities, { bins: opts.eceBins ?? 10 }),
    reliability: calibrationBins(labels, probabilities, { bins: opts.reliabilityBins ?? 10, strategy: 'quantile' }),
    roc: rocOut,
    pr: prOut,
    thresholds: thresholdTable(labels, probabilities, { thresholds: opts.thresholds, topShares: opts.topShares }),
    costOptimal: { ...costThreshold(labels, probabilities, costs, steps), costs },
    decisionCurve: decisionCurve(labels, probabilities, opts.decisionGrid, steps),
    lift: n >= (opts.liftGroups ?? 10) ? liftTable(labels, probabilities, opts.liftGroups ?? 10, order) : [],
    subgroups: subgroupTable(labels, probabilities, opts.subgroups ?? []),
  };
}
