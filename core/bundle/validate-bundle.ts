import { applyCalibrationToAll, fitCalibration, type Calibration, type CalibrationMethod } from '../calibrate/index.ts';
import { predictProbability } from '../engine/index.ts';
import { evaluatePredictions, type EvaluationReport } from '../evaluate/index.ts';
import { buildMatrixFromTable, loadDatasetTable, type AppointmentTable, type FeaturePipeline } from '../features/index.ts';
import { insertRun, newRunId } from '../journal/index.ts';
import { findDataset } from '../profile/dataset-lookup.ts';
import {
  appVersion,
  holdoutMetrics,
  matrixFingerprint,
  runsLeaderboard,
  subgroupVariables,
  takeValues,
  temporalSlices,
  type HoldoutMetrics,
  type LeaderboardRow,
} from '../train/index.ts';
import { withTransaction, type Workspace } from '../workspace/index.ts';
import { openBundle, type OpenedBundle } from './read-bundle.ts';

/** Options of an external validation. */
export interface ValidateOptions {
  /** Key fingerprints the bundle must be signed by. */
  trustedKeys?: string[];
  /** Also recalibrate on local outcomes (fitted on the validation slice) and record that as a second run. */
  recalibrate?: CalibrationMethod;
  /** The local slices the leaderboard compares on; default 91 and 91 days as local training uses. */
  validationDays?: number;
  testDays?: number;
}

/** Share of local values a category feature has never seen (pooled as "other"): a sign of dataset shift. */
export interface CategoryCoverage {
  feature: string;
  column: string;
  /** Local appointments with a value in this column. */
  valued: number;
  /** Of those, the share whose value is not among the levels the model learned (pooled as other). */
  unseenShare: number;
  /** The same share on the model's own training rows (rare values pooled there too); null for bundles that do not record it. */
  trainingShare: number | null;
}

/** What an external validation found and recorded. */
export interface BundleValidation {
  bundle: {
    name: string;
    version: string;
    created: string;
    sourceRunId: string;
    engineVersion: string;
    signed: boolean;
    keyFingerprint: string | null;
    featureSpecHash: string;
    calibration: string;
  };
  dataset: string;
  /** The imported model's run in this workspace's journal. */
  runId: string;
  /** Every labelled local appointment: the external validation proper. */
  external: EvaluationReport;
  /** The latest local days, the same slice local runs are measured on (for the leaderboard). */
  testSlice: { from: string; metrics: HoldoutMetrics };
  coverage: CategoryCoverage[];
  recalibrated: { runId: string; method: CalibrationMethod; calibration: Calibration; testSlice: HoldoutMetrics; fittedOn: { from: string; rows: number } } | null;
  leaderboard: LeaderboardRow[];
}

function coverage(table: AppointmentTable, features: FeaturePipeline): CategoryCoverage[] {
  const out: CategoryCoverage[] = [];
  for (const f of features.spec.features) {
    if (f.kind !== 'category') continue;
    const col = table.text[f.column];
    if (!col) continue;
    const known = new Set(features.categories[f.name].levels);
    const seen = col.labels.map((l) => known.has(l));
    let valued = 0;
    let unseen = 0;
    for (let i = 0; i < col.codes.length; i++) {
      if (col.codes[i] < 0) continue;
      valued++;
      if (!seen[col.codes[i]]) unseen++;
    }
    const trainingShare = features.categories[f.name].otherShare ?? null;
    out.push({ feature: f.name, column: f.column, valued, unseenShare: valued === 0 ? 0 : unseen / valued, trainingShare });
  }
  return out;
}

function bundleSummary(b: OpenedBundle): BundleValidation['bundle'] {
  const m = b.manifest;
  return {
    name: m.name,
    version: m.version,
    created: m.created,
    sourceRunId: m.runId,
    engineVersion: m.engine.version,
    signed: b.signature.signed,
    keyFingerprint: b.signature.signed ? b.signature.keyFingerprint : null,
    featureSpecHash: m.featureSpecHash,
    calibration: b.pipeline.calibration?.method ?? 'none',
  };
}

/**
 * Check a bundle, import its model into the journal and validate it on a local
 * dataset: every evaluation metric on all labelled local appointments, plus the
 * latest local days so it sits on the leaderboard beside local runs. With
 * `recalibrate`, a local recalibration (fitted on the slice before the test
 * days, never on them) is recorded as a second run. Nothing in the bundle runs.
 */
export async function validateBundle(ws: Workspace, bundlePath: string, dataset: string, opts: ValidateOptions = {}): Promise<BundleValidation> {
  const bundle = openBundle(bundlePath, { trustedKeys: opts.trustedKeys });
  const { id: datasetId } = await findDataset(ws.db, dataset);
  const features = bundle.pipeline.features;
  const table = await loadDatasetTable(ws, dataset, features.spec);
  const matrix = buildMatrixFromTable(table, features, { rows: 'training' });
  if (matrix.rows === 0) throw new Error(`dataset "${dataset}" has no attended or DNA appointments to validate on`);
  const labels = matrix.y as Float32Array;
  const raw = predictProbability(bundle.ensemble, matrix.x, matrix.rows, matrix.cols);
  const calibration = bundle.pipeline.calibration;
  const probabilities = calibration ? applyCalibrationToAll(calibration, raw) : raw;
  const all = Int32Array.from({ length: matrix.rows }, (_, i) => i);
  const external = evaluatePredictions(labels, probabilities, { subgroups: subgroupVariables(matrix, all) });

  const validationDays = opts.validationDays ?? 91;
  const testDays = opts.testDays ?? 91;
  const s = temporalSlices(matrix.appointmentDay, validationDays, testDays, opts.recalibrate ? ['training'] : ['training', 'validation']);
  const yTest = takeValues(labels, s.test);
  const pTest = Float64Array.from(s.test, (i) => probabilities[i]);
  const testMetrics = holdoutMetrics(yTest, pTest);
  const split = {
    kind: 'temporal',
    validationDays,
    testDays,
    rows: { train: 0, validation: s.validation.length, test: s.test.length },
    validationFrom: s.validationFrom,
    testFrom: s.testFrom,
    external: true,
  };
  const summary = bundleSummary(bundle);
  const fingerprint = matrixFingerprint(matrix);
  const started = new Date();
  const runId = newRunId(started);
  const signer = summary.signed ? `signed by ${summary.keyFingerprint}` : 'unsigned';
  const common = {
    params: { bundle: { name: summary.name, version: summary.version, created: summary.created, sourceRunId: summary.sourceRunId, signer: summary.keyFingerprint } },
    featureSpec: features.spec,
    featureSpecHash: features.specHash,
    pipeline: features,
    split,
    datasetFingerprint: fingerprint,
    engineVersion: summary.engineVersion,
    appVersion: appVersion(),
    seconds: 0,
    trees: bundle.ensemble.numTrees,
  };
  // Everything is computed before anything is written: a failure (say, one class
  // only in the recalibration slice) leaves the journal as it was.
  let recalibrated: BundleValidation['recalibrated'] = null;
  let recalRun: Parameters<typeof insertRun>[2] | null = null;
  if (opts.recalibrate) {
    let events = 0;
    for (const i of s.validation) events += labels[i];
    if (events === 0 || events === s.validation.length) {
      throw new Error(
        `cannot recalibrate on dataset "${dataset}": the ${s.validation.length} appointments from ${s.validationFrom} before the test days are all ${events === 0 ? 'attended' : 'DNAs'}; both outcomes are needed`,
      );
    }
    const local = fitCalibration(opts.recalibrate, takeValues(labels, s.validation), takeValues(raw, s.validation));
    const pLocal = applyCalibrationToAll(local, takeValues(raw, s.test));
    const metrics = holdoutMetrics(yTest, pLocal);
    const recalId = newRunId(new Date(started.getTime() + 1000));
    recalRun = {
      ...common,
      id: recalId,
      createdAt: new Date(started.getTime() + 1).toISOString(),
      kind: 'bundle-recalibrated',
      parentRunId: runId,
      metrics: {
        holdout: metrics,
        uncalibrated: holdoutMetrics(yTest, takeValues(raw, s.test)),
        baselines: null,
        evaluation: evaluatePredictions(yTest, pLocal, { subgroups: subgroupVariables(matrix, s.test) }),
      },
      calibration: local,
      note: `bundle ${summary.name} ${summary.version}, recalibrated locally (${opts.recalibrate}) on ${s.validation.length} appointments from ${s.validationFrom}`,
    };
    recalibrated = { runId: recalId, method: opts.recalibrate, calibration: local, testSlice: metrics, fittedOn: { from: s.validationFrom, rows: s.validation.length } };
  }
  const importedRun: Parameters<typeof insertRun>[2] = {
    ...common,
    id: runId,
    createdAt: started.toISOString(),
    kind: 'bundle',
    parentRunId: null,
    metrics: {
      holdout: testMetrics,
      uncalibrated: holdoutMetrics(yTest, takeValues(raw, s.test)),
      baselines: null,
      evaluation: evaluatePredictions(yTest, pTest, { subgroups: subgroupVariables(matrix, s.test) }),
      external,
    },
    calibration,
    note: `bundle ${summary.name} ${summary.version} (${signer})`,
  };
  await withTransaction(ws.db, async () => {
    await insertRun(ws.db, datasetId, importedRun, bundle.modelJson);
    if (recalRun) await insertRun(ws.db, datasetId, recalRun, bundle.modelJson);
  });
  return {
    bundle: summary,
    dataset,
    runId,
    external,
    testSlice: { from: s.testFrom, metrics: testMetrics },
    coverage: coverage(table, features),
    recalibrated,
    leaderboard: await runsLeaderboard(ws, dataset),
  };
}
