/**
 * One small trained run shared by the bundle tests: a 10k-row demo extract,
 * imported and trained, with model.json and pipeline.json written to a folder
 * and the app's own calibrated probabilities for every appointment.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundlePipeline, type BundlePipeline } from '../../../core/bundle/bundle-pipeline.ts';
import { modelJson, modelJsonText } from '../../../core/bundle/index.ts';
import { applyCalibrationToAll, parseCalibration } from '../../../core/calibrate/index.ts';
import { writeDemoExtract } from '../../../core/demo/index.ts';
import { predictProbability, readTreeEnsemble, type TreeEnsemble } from '../../../core/engine/index.ts';
import { buildMatrixFromTable, loadDatasetTable, parsePipeline, type FeatureMatrix } from '../../../core/features/index.ts';
import { importExtract } from '../../../core/import/index.ts';
import { getRun, getRunModel } from '../../../core/journal/index.ts';
import { trainRun } from '../../../core/train/index.ts';
import { openWorkspace, type Workspace } from '../../../core/workspace/index.ts';

export interface TrainedBundle {
  /** Temp folder holding demo.csv, ws.sqlite and bundle/ (model.json, pipeline.json). */
  dir: string;
  csv: string;
  bundleDir: string;
  ws: Workspace;
  runId: string;
  ensemble: TreeEnsemble;
  pipeline: BundlePipeline;
  /** The app's matrix of every imported appointment (rows 'all'). */
  matrix: FeatureMatrix;
  /** The app's calibrated probability per appointment id (every imported appointment). */
  appScores: Map<string, number>;
}

/** Train a small model on a seeded 10k-row extract; `calibration` picks the run's recalibration. */
export async function trainedBundle(opts: { rows?: number; seed?: number; calibration?: 'platt' | 'isotonic' | 'none' } = {}): Promise<TrainedBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'attend-bundle-'));
  const csv = join(dir, 'demo.csv');
  await writeDemoExtract({ out: csv, rows: opts.rows ?? 10_000, seed: opts.seed ?? 11 });
  const ws = await openWorkspace(join(dir, 'ws.sqlite'));
  await importExtract(ws, csv, { dataset: 'demo' });
  const result = await trainRun(ws, 'demo', { params: { trees: 40, maxDepth: 4, eta: 0.15 }, calibration: opts.calibration ?? 'platt' });
  const run = await getRun(ws.db, result.runId);
  const ensemble = readTreeEnsemble(await getRunModel(ws.db, result.runId));
  const features = parsePipeline(run.pipeline);
  const calibration = run.calibration === null ? null : parseCalibration(run.calibration);
  const pipeline = bundlePipeline(features, calibration);
  const bundleDir = join(dir, 'bundle');
  mkdirSync(bundleDir);
  writeFileSync(join(bundleDir, 'model.json'), modelJsonText(modelJson(ensemble, { featureNames: features.columns })));
  writeFileSync(join(bundleDir, 'pipeline.json'), JSON.stringify(pipeline, null, 2));

  const table = await loadDatasetTable(ws, 'demo', features.spec);
  const matrix = buildMatrixFromTable(table, features, { rows: 'all' });
  const raw = predictProbability(ensemble, matrix.x, matrix.rows, matrix.cols);
  const probs = calibration ? applyCalibrationToAll(calibration, raw) : Float64Array.from(raw);
  const appScores = new Map(matrix.appointmentIds.map((id, i) => [id, probs[i]]));
  return { dir, csv, bundleDir, ws, runId: result.runId, ensemble, pipeline, matrix, appScores };
}
