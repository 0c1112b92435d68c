/**
 * The parts of a journal run a model card reports, checked and typed: the
 * journal stores them as JSON, so a run from an older schema or a damaged
 * workspace gets an error naming the run and the field instead of a card
 * with holes.
 */
import { parseCalibration, type Calibration } from '../calibrate/index.ts';
import { resolveBoosterParams, type BoosterParams } from '../engine/index.ts';
import type { EvaluationReport } from '../evaluate/index.ts';
import { parsePipeline, type FeaturePipeline } from '../features/index.ts';
import type { RunRecord } from '../journal/index.ts';
import type { HoldoutMetrics } from '../train/holdout-metrics.ts';

/** Rows (and DNAs, when the run recorded them) of each slice. */
export interface SliceCounts {
  train: number;
  validation: number;
  test: number;
}

/** How the run divided its labelled appointments. */
export type CardSplit =
  | {
      kind: 'temporal';
      validationDays: number;
      testDays: number;
      rows: SliceCounts;
      /** DNAs per slice when the journal recorded them (the test slice's are always known from its metrics). */
      events: SliceCounts | null;
      validationFrom: string;
      testFrom: string;
    }
  | { kind: 'patient-kfold'; folds: number; seed: number; rows: number };

/** A run's figures as the model card needs them. */
export interface CardFacts {
  params: BoosterParams;
  pipeline: FeaturePipeline;
  split: CardSplit;
  /** Trees kept (after early stopping on a temporal split). */
  trees: number;
  calibration: Calibration | null;
  /** Metrics of the probabilities the bundle hands out (calibrated when a calibration was fitted). */
  holdout: HoldoutMetrics;
  /** Metrics of the raw engine probabilities; null for runs that did not record them. */
  uncalibrated: HoldoutMetrics | null;
  baselines: { priorDnaRate: HoldoutMetrics; logistic: HoldoutMetrics };
  evaluation: EvaluationReport;
}

type Obj = Record<string, unknown>;

function fail(run: RunRecord, field: string, rule: string): never {
  throw new Error(`run '${run.id}': ${field} ${rule}`);
}

function object(run: RunRecord, value: unknown, field: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(run, field, 'must be an object');
  return value as Obj;
}

function num(run: RunRecord, value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(run, field, `must be a finite number, got ${JSON.stringify(value)}`);
  return value;
}

function whole(run: RunRecord, value: unknown, field: string): number {
  const n = num(run, value, field);
  if (!Number.isInteger(n) || n < 0) fail(run, field, `must be a whole number >= 0, got ${n}`);
  return n;
}

function isoDay(run: RunRecord, value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) fail(run, field, `must be a date (yyyy-mm-dd), got ${JSON.stringify(value)}`);
  return value;
}

function optionalCi(run: RunRecord, value: unknown, field: string): void {
  if (value === null) return;
  if (!Array.isArray(value) || value.length !== 2) fail(run, field, 'must be null or [lower, upper]');
  num(run, value[0], `${field}[0]`);
  num(run, value[1], `${field}[1]`);
}

function holdoutOf(run: RunRecord, value: unknown, field: string): HoldoutMetrics {
  const m = object(run, value, field);
  if (m.auc !== null) num(run, m.auc, `${field}.auc`);
  optionalCi(run, m.aucCi, `${field}.aucCi`);
  num(run, m.brier, `${field}.brier`);
  num(run, m.logloss, `${field}.logloss`);
  whole(run, m.n, `${field}.n`);
  whole(run, m.events, `${field}.events`);
  return m as unknown as HoldoutMetrics;
}

function evaluationOf(run: RunRecord, value: unknown): EvaluationReport {
  const field = 'metrics.evaluation';
  if (value === undefined) fail(run, field, 'is missing: the run was trained before the journal kept full evaluations; train it again to export it');
  const e = object(run, value, field);
  whole(run, e.n, `${field}.n`);
  whole(run, e.events, `${field}.events`);
  for (const key of ['prevalence', 'brier', 'logloss', 'calibrationInTheLarge', 'ece']) num(run, e[key], `${field}.${key}`);
  for (const key of ['auc', 'averagePrecision', 'calibrationSlope', 'calibrationIntercept']) if (e[key] !== null) num(run, e[key], `${field}.${key}`);
  for (const key of ['aucCi', 'calibrationSlopeCi', 'calibrationInterceptCi']) optionalCi(run, e[key], `${field}.${key}`);
  if (!Array.isArray(e.subgroups)) fail(run, `${field}.subgroups`, 'must be a list');
  if (!Array.isArray(e.reliability)) fail(run, `${field}.reliability`, 'must be a list');
  const thresholds = object(run, e.thresholds, `${field}.thresholds`);
  if (!Array.isArray(thresholds.byTopShare)) fail(run, `${field}.thresholds.byTopShare`, 'must be a list');
  return e as unknown as EvaluationReport;
}

function splitOf(run: RunRecord): CardSplit {
  const s = object(run, run.split, 'split');
  if (s.kind === 'patient-kfold') {
    const rows = object(run, s.rows, 'split.rows');
    return { kind: 'patient-kfold', folds: whole(run, s.folds, 'split.folds'), seed: num(run, s.seed, 'split.seed'), rows: whole(run, rows.test, 'split.rows.test') };
  }
  if (s.kind !== 'temporal') fail(run, 'split.kind', `must be "temporal" or "patient-kfold", got ${JSON.stringify(s.kind)}`);
  const r = object(run, s.rows, 'split.rows');
  const counts = (o: Obj, field: string): SliceCounts => ({
    train: whole(run, o.train, `${field}.train`),
    validation: whole(run, o.validation, `${field}.validation`),
    test: whole(run, o.test, `${field}.test`),
  });
  return {
    kind: 'temporal',
    validationDays: whole(run, s.validationDays, 'split.validationDays'),
    testDays: whole(run, s.testDays, 'split.testDays'),
    rows: counts(r, 'split.rows'),
    events: s.events === undefined ? null : counts(object(run, s.events, 'split.events'), 'split.events'),
    validationFrom: isoDay(run, s.validationFrom, 'split.validationFrom'),
    testFrom: isoDay(run, s.testFrom, 'split.testFrom'),
  };
}

function wrap<T>(run: RunRecord, field: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw new Error(`run '${run.id}': ${field}: ${(e as Error).message}`);
  }
}

/** The card's figures of a journal run, or an error naming the run and the field that is missing or wrong. */
export function cardFacts(run: RunRecord): CardFacts {
  const metrics = object(run, run.metrics, 'metrics');
  const baselines = object(run, metrics.baselines, 'metrics.baselines');
  const rawParams = object(run, run.params, 'params') as Partial<BoosterParams>;
  const params = wrap(run, 'params', () => resolveBoosterParams(rawParams));
  const trees = run.trees ?? params.trees;
  return {
    params,
    pipeline: wrap(run, 'pipeline', () => parsePipeline(run.pipeline)),
    split: splitOf(run),
    trees: whole(run, trees, 'trees'),
    calibration: run.calibration === null ? null : wrap(run, 'calibration', () => parseCalibration(run.calibration)),
    holdout: holdoutOf(run, metrics.holdout, 'metrics.holdout'),
    uncalibrated: metrics.uncalibrated === undefined ? null : holdoutOf(run, metrics.uncalibrated, 'metrics.uncalibrated'),
    baselines: {
      priorDnaRate: holdoutOf(run, baselines.priorDnaRate, 'metrics.baselines.priorDnaRate'),
      logistic: holdoutOf(run, baselines.logistic, 'metrics.baselines.logistic'),
    },
    evaluation: evaluationOf(run, metrics.evaluation),
  };
}
