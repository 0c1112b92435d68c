import {
  bestTreeCount,
  engineVersion,
  logLossByTreePrefix,
  predictProbability,
  readTreeEnsemble,
  resolveBoosterParams,
  trainBooster,
  truncateModel,
  type BoosterParams,
} from '../engine/index.ts';
import {
  buildMatrixFromTable,
  defaultFeatureSpec,
  featureSpecHash,
  fitPipelineOnTable,
  loadDatasetTable,
  selectFeatures,
  validateFeatureSpec,
  type AppointmentTable,
  type FeatureMatrix,
  type FeatureSpec,
} from '../features/index.ts';
import { applyCalibrationToAll, fitCalibration, type Calibration } from '../calibrate/index.ts';
import { evaluatePredictions, type EvaluationReport } from '../evaluate/index.ts';
import { insertRun, newRunId } from '../journal/index.ts';
import { findDataset } from '../profile/dataset-lookup.ts';
import { OUTCOMES } from '../profile/groups.ts';
import type { Workspace } from '../workspace/index.ts';
import { appVersion } from './app-version.ts';
import type { TrainConfig } from './config.ts';
import { matrixFingerprint } from './fingerprint.ts';
import { holdoutMetrics, type HoldoutMetrics } from './holdout-metrics.ts';
import { patientFolds } from './kfold.ts';
import { fitLogistic, predictLogistic } from './logistic.ts';
import { takeRows, takeValues } from './rows.ts';
import { DEFAULT_SPLIT, temporalSlices, type SplitSpec } from './split.ts';
import { subgroupVariables } from './subgroup-variables.ts';

/** What `train` reports: the run, its trees and holdout metrics beside the baselines. */
export interface TrainResult {
  runId: string;
  dataset: string;
  trees: number;
  params: BoosterParams;
  featureSpecHash: string;
  columns: string[];
  split: SplitSpec & { rows: { train: number; validation: number; test: number }; events?: { train: number; validation: number; test: number }; validationFrom?: string; testFrom?: string };
  /** Holdout metrics of the probabilities the run hands out (recalibrated when a calibration was fitted). */
  metrics: HoldoutMetrics;
  /** Holdout metrics of the engine's raw probabilities. */
  uncalibratedMetrics: HoldoutMetrics;
  /** Fitted on the validation slice; null with calibration 'none' or a k-fold split. */
  calibration: Calibration | null;
  baselines: { priorDnaRate: HoldoutMetrics; logistic: HoldoutMetrics };
  datasetFingerprint: string;
  engineVersion: string;
  seconds: number;
}

/** Options of a run beside its configuration. */
export interface TrainRunOptions {
  signal?: AbortSignal;
  onProgress?: (stage: string, done: number, total: number) => void;
}

const MINUTES_PER_DAY = 1440;

function sumOf(y: Float32Array, index: Int32Array): number {
  let n = 0;
  for (let i = 0; i < index.length; i++) n += y[index[i]];
  return n;
}
// Outcome codes as the appointment table stores them (indexes into profile's OUTCOMES).
const ATTENDED = OUTCOMES.indexOf('attended');
const DNA = OUTCOMES.indexOf('dna');

function specOf(config: TrainConfig): FeatureSpec {
  const spec = validateFeatureSpec(structuredClone(config.spec ?? defaultFeatureSpec()));
  return config.features ? selectFeatures(spec, config.features) : spec;
}

/** Days of the appointments a run can learn from (attended or DNA), before any matrix exists. */
function labelledDays(table: AppointmentTable): Int32Array {
  const days: number[] = [];
  for (let i = 0; i < table.length; i++) {
    const o = table.outcome[i];
    if (o === ATTENDED || o === DNA) days.push(Math.floor(table.minute[i] / MINUTES_PER_DAY));
  }
  return Int32Array.from(days);
}

/** The prior-DNA-rate baseline's scores: the smoothed rate feature, built whatever the run's spec. */
function priorRateScores(table: AppointmentTable, matrix: FeatureMatrix, dataset: string): Float32Array {
  const column = matrix.columns.indexOf('prior_dna_rate');
  if (column >= 0) {
    const out = new Float32Array(matrix.rows);
    for (let r = 0; r < matrix.rows; r++) out[r] = matrix.x[r * matrix.cols + column];
    return out;
  }
  const spec: FeatureSpec = { version: defaultFeatureSpec().version, features: defaultFeatureSpec().features.filter((f) => f.name === 'prior_dna_rate') };
  const m = buildMatrixFromTable(table, fitPipelineOnTable(table, spec, { dataset }), { rows: 'training' });
  return m.x;
}

/**
 * Train one model on a dataset: fit the feature pipeline on the training slice,
 * train the engine, stop early on the validation slice, measure on the test
 * slice beside the baselines, and record the run in the journal.
 */
export async function trainRun(ws: Workspace, dataset: string, config: TrainConfig = {}, opts: TrainRunOptions = {}): Promise<TrainResult> {
  const started = performance.now();
  const { id: datasetId } = await findDataset(ws.db, dataset);
  const spec = specOf(config);
  const params = resolveBoosterParams(config.params ?? {});
  const split = config.split ?? DEFAULT_SPLIT;
  opts.onProgress?.('loading', 0, 1);
  const table = await loadDatasetTable(ws, dataset, spec);

  let fitBefore: string | undefined;
  if (split.kind === 'temporal') fitBefore = temporalSlices(labelledDays(table), split.validationDays, split.testDays).validationFrom;
  const pipeline = fitPipelineOnTable(table, spec, { dataset, before: fitBefore });
  const matrix = buildMatrixFromTable(table, pipeline, { rows: 'training' });
  const y = matrix.y as Float32Array;
  const cols = matrix.cols;
  const priorRate = priorRateScores(table, matrix, dataset);
  const progress = (done: number, total: number) => opts.onProgress?.('training', done, total);

  let model: Uint8Array;
  let trees: number;
  let metrics: HoldoutMetrics;
  let uncalibratedMetrics: HoldoutMetrics;
  let calibration: Calibration | null = null;
  let evaluation: EvaluationReport;
  let baselines: TrainResult['baselines'];
  let splitReport: TrainResult['split'];

  if (split.kind === 'temporal') {
    const s = temporalSlices(matrix.appointmentDay, split.validationDays, split.testDays);
    const xTrain = takeRows(matrix.x, cols, s.train);
    const yTrain = takeValues(y, s.train);
    const trained = await trainBooster({ x: xTrain, y: yTrain, rows: s.train.length, cols }, params, { signal: opts.signal, onProgress: progress });
    const xValidation = takeRows(matrix.x, cols, s.validation);
    const losses = logLossByTreePrefix(readTreeEnsemble(trained.model), xValidation, takeValues(y, s.validation), s.validation.length, cols);
    trees = bestTreeCount(losses);
    model = truncateModel(trained.model, trees);
    const xTest = takeRows(matrix.x, cols, s.test);
    const yTest = takeValues(y, s.test);
    const ensemble = readTreeEnsemble(model);
    const raw = predictProbability(ensemble, xTest, s.test.length, cols);
    uncalibratedMetrics = holdoutMetrics(yTest, raw);
    const method = config.calibration ?? 'platt';
    if (method !== 'none') {
      // The calibration slice is the validation slice: the test slice never shapes the model.
      const yValidation = takeValues(y, s.validation);
      calibration = fitCalibration(method, yValidation, predictProbability(ensemble, xValidation, s.validation.length, cols));
      const calibrated = applyCalibrationToAll(calibration, raw);
      metrics = holdoutMetrics(yTest, calibrated);
      evaluation = evaluatePredictions(yTest, calibrated, { subgroups: subgroupVariables(matrix, s.test) });
    } else {
      metrics = uncalibratedMetrics;
      evaluation = evaluatePredictions(yTest, raw, { subgroups: subgroupVariables(matrix, s.test) });
    }
    const logistic = fitLogistic(xTrain, yTrain, s.train.length, cols);
    baselines = {
      priorDnaRate: holdoutMetrics(yTest, takeValues(priorRate, s.test)),
      logistic: holdoutMetrics(yTest, predictLogistic(logistic, xTest, s.test.length, cols)),
    };
    splitReport = {
      ...split,
      rows: { train: s.train.length, validation: s.validation.length, test: s.test.length },
      // DNAs per slice, for the model card's sample size and events per predictor.
      events: { train: sumOf(y, s.train), validation: sumOf(y, s.validation), test: sumOf(y, s.test) },
      validationFrom: s.validationFrom,
      testFrom: s.testFrom,
    };
  } else {
    // Patient-grouped k-fold: out-of-fold predictions with the configured trees, then one model on all rows.
    const folds = patientFolds(matrix.patientKeys, split.folds, split.seed);
    const oof = new Float32Array(matrix.rows);
    const oofLogistic = new Float64Array(matrix.rows);
    for (let k = 0; k < split.folds; k++) {
      const inFold: number[] = [];
      const outFold: number[] = [];
      for (let r = 0; r < matrix.rows; r++) (folds[r] === k ? outFold : inFold).push(r);
      const train = Int32Array.from(inFold);
      const held = Int32Array.from(outFold);
      const xTrain = takeRows(matrix.x, cols, train);
      const yTrain = takeValues(y, train);
      const trained = await trainBooster({ x: xTrain, y: yTrain, rows: train.length, cols }, params, {
        signal: opts.signal,
        onProgress: (d, t) => progress(k * t + d, (split.folds + 1) * t),
      });
      const xHeld = takeRows(matrix.x, cols, held);
      const p = predictProbability(readTreeEnsemble(trained.model), xHeld, held.length, cols);
      const lp = predictLogistic(fitLogistic(xTrain, yTrain, train.length, cols), xHeld, held.length, cols);
      for (let i = 0; i < held.length; i++) {
        oof[held[i]] = p[i];
        oofLogistic[held[i]] = lp[i];
      }
    }
    const final = await trainBooster({ x: matrix.x, y, rows: matrix.rows, cols }, params, {
      signal: opts.signal,
      onProgress: (d, t) => progress(split.folds * t + d, (split.folds + 1) * t),
    });
    model = final.model;
    trees = params.trees;
    metrics = holdoutMetrics(y, oof);
    // Out-of-fold predictions are the evaluation here, so none is spent on calibration.
    uncalibratedMetrics = metrics;
    evaluation = evaluatePredictions(y, oof, { subgroups: subgroupVariables(matrix, Int32Array.from({ length: matrix.rows }, (_, i) => i)) });
    baselines = { priorDnaRate: holdoutMetrics(y, priorRate), logistic: holdoutMetrics(y, oofLogistic) };
    splitReport = { ...split, rows: { train: matrix.rows, validation: 0, test: matrix.rows } };
  }

  const runId = newRunId();
  const seconds = (performance.now() - started) / 1000;
  const result: TrainResult = {
    runId,
    dataset,
    trees,
    params,
    featureSpecHash: featureSpecHash(spec),
    columns: matrix.columns,
    split: splitReport,
    metrics,
    uncalibratedMetrics,
    calibration,
    baselines,
    datasetFingerprint: matrixFingerprint(matrix),
    engineVersion: engineVersion(),
    seconds,
  };
  await insertRun(
    ws.db,
    datasetId,
    {
      id: runId,
      createdAt: new Date().toISOString(),
      kind: params.booster === 'gbtree' ? 'xgboost' : 'xgboost-linear',
      parentRunId: null,
      params,
      featureSpec: spec,
      featureSpecHash: result.featureSpecHash,
      pipeline,
      split: splitReport,
      datasetFingerprint: result.datasetFingerprint,
      engineVersion: result.engineVersion,
      appVersion: appVersion(),
      seconds,
      trees,
      metrics: { holdout: metrics, uncalibrated: uncalibratedMetrics, baselines, evaluation },
      calibration,
      note: config.note ?? '',
    },
    model,
  );
  return result;
}


