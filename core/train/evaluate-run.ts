import { applyCalibrationToAll, parseCalibration } from '../calibrate/index.ts';
import { predictProbability } from '../engine/index.ts';
import { evaluatePredictions, type EvaluationReport } from '../evaluate/index.ts';
import { meanAbsShap, rankFeatures, totalGain, type RankedFeature } from '../explain/index.ts';
import { buildMatrixFromTable, loadDatasetTable, parsePipeline } from '../features/index.ts';
import { getRun, getRunEnsemble, type RunRecord } from '../journal/index.ts';
import type { Workspace } from '../workspace/index.ts';
import { takeRows, takeValues } from './rows.ts';
import { subgroupVariables } from './subgroup-variables.ts';

/** Everything known about how a run performs on its test slice. */
export interface RunEvaluation {
  run: Omit<RunRecord, 'pipeline' | 'featureSpec'>;
  /** Test slice dates and size. */
  slice: { from: string; rows: number };
  /** Metrics and curves of the probabilities the run hands out (recalibrated when it has a calibration). */
  evaluation: EvaluationReport;
  importance: { meanAbsShap: RankedFeature[]; totalGain: RankedFeature[] };
}

const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/**
 * Recompute a temporal run's test slice from the workspace with the run's own
 * pipeline, model and calibration, and evaluate it fully: discrimination with
 * CIs, calibration, thresholds, decision curve, subgroups and importance.
 */
export async function evaluateRun(ws: Workspace, runId: string): Promise<RunEvaluation> {
  const run = await getRun(ws.db, runId);
  const split = run.split as { kind: string; testFrom?: string };
  if (split.kind !== 'temporal' || !split.testFrom) {
    throw new Error(`run ${runId} was evaluated by ${split.kind}; its cross-validated metrics are in the journal (runs.get)`);
  }
  const pipeline = parsePipeline(run.pipeline);
  const table = await loadDatasetTable(ws, run.dataset, pipeline.spec);
  const matrix = buildMatrixFromTable(table, pipeline, { rows: 'training' });
  const testFrom = dayOf(split.testFrom);
  const picked: number[] = [];
  for (let r = 0; r < matrix.rows; r++) if (matrix.appointmentDay[r] >= testFrom) picked.push(r);
  const test = Int32Array.from(picked);
  if (test.length === 0) throw new Error(`run ${runId}: no appointments from ${split.testFrom} in dataset ${run.dataset} any more`);

  const ensemble = await getRunEnsemble(ws.db, runId);
  const x = takeRows(matrix.x, matrix.cols, test);
  const labels = takeValues(matrix.y as Float32Array, test);
  const raw = predictProbability(ensemble, x, test.length, matrix.cols);
  const probabilities = run.calibration ? applyCalibrationToAll(parseCalibration(run.calibration), raw) : raw;

  const subgroups = subgroupVariables(matrix, test);

  const { pipeline: _pipeline, featureSpec: _spec, ...summary } = run;
  return {
    run: summary,
    slice: { from: split.testFrom, rows: test.length },
    evaluation: evaluatePredictions(labels, probabilities, { subgroups }),
    importance: {
      meanAbsShap: rankFeatures(meanAbsShap(ensemble, x, test.length, matrix.cols), matrix.columns),
      totalGain: rankFeatures(totalGain(ensemble), matrix.columns),
    },
  };
}
