import { OUTCOMES } from '../profile/groups.ts';
import { findDataset } from '../profile/dataset-lookup.ts';
import type { Workspace } from '../workspace/index.ts';
import { loadAppointmentTable, type AppointmentTable } from './appointment-table.ts';
import { MISSING, featureEncoder } from './encoders.ts';
import { computeHistory } from './history.ts';
import { fitPipelineOnTable, parsePipeline, textColumnsFor, type FeaturePipeline } from './pipeline.ts';
import type { FeatureSpec } from './spec.ts';
import { subgroupsOf, type SubgroupLabels, type Subgroups } from './subgroups.ts';
import { MINUTES_PER_DAY, parseIsoMinute } from './time-codes.ts';

/** Which appointments become matrix rows. */
export type MatrixRows = 'all' | 'training' | 'upcoming';

export interface BuildOptions {
  /** training (default): attended or DNA; upcoming: not yet happened; all: every appointment. */
  rows?: MatrixRows;
  /** Scoring time (yyyy-mm-dd or yyyy-mm-ddThh:mm): history counts only outcomes before it. */
  asOf?: string;
}

/**
 * A feature matrix and what the engine and the evaluation need beside it. Rows are
 * ordered by appointment time, then appointment id, whatever the storage order.
 */
export interface FeatureMatrix {
  /** rows * cols, row-major; missing is -1, never NaN, and no real value is -1. */
  x: Float32Array;
  rows: number;
  cols: number;
  columns: string[];
  /** 1 = DNA, 0 = attended; only for rows: 'training' (other rows have no label), else null. */
  y: Float32Array | null;
  appointmentIds: string[];
  /** Days since 1970-01-01 of each appointment, for temporal splits. */
  appointmentDay: Int32Array;
  /** Minutes since 1970-01-01T00:00 (clinic wall-clock) of each appointment. */
  appointmentMinute: Int32Array;
  /** Patient codes for grouped k-fold: equal code = same patient (stable across builds of one dataset). */
  patientKeys: Int32Array;
  subgroups: Subgroups;
  subgroupLabels: SubgroupLabels;
}

function selectRows(table: AppointmentTable, which: MatrixRows): Int32Array {
  const attended = OUTCOMES.indexOf('attended');
  const dna = OUTCOMES.indexOf('dna');
  const upcoming = OUTCOMES.indexOf('upcoming');
  const picked: number[] = [];
  for (let i = 0; i < table.length; i++) {
    const o = table.outcome[i];
    if (which === 'all' || (which === 'upcoming' ? o === upcoming : o === attended || o === dna)) picked.push(i);
  }
  const { minute, ids } = table;
  return Int32Array.from(picked).sort((a, b) => minute[a] - minute[b] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
}

/** Throws naming the appointment and column of the first value the engine must not see. */
function assertEncodable(x: Float32Array, cols: number, columns: string[], ids: string[]): void {
  for (let k = 0; k < x.length; k++) {
    const v = x[k];
    // v - v is NaN for NaN and infinities; real values are >= 0 so -1 stays unambiguous.
    if (v - v !== 0 || (v < 0 && v !== MISSING)) {
      throw new Error(`feature ${columns[k % cols]} of appointment ${ids[Math.floor(k / cols)]} is ${v}: features must be >= 0 or missing (-1)`);
    }
  }
}

/** Build the matrix from an already loaded table: the single code path for training and scoring. */
export function buildMatrixFromTable(table: AppointmentTable, pipelineValue: FeaturePipeline, opts: BuildOptions = {}): FeatureMatrix {
  const pipeline = parsePipeline(pipelineValue);
  const which = opts.rows ?? 'training';
  if (which !== 'all' && which !== 'training' && which !== 'upcoming') {
    throw new Error(`rows must be all, training or upcoming, got ${JSON.stringify(which)}`);
  }
  const asOfMinute = opts.asOf === undefined ? null : parseIsoMinute(opts.asOf, 'asOf');
  const windows = pipeline.spec.features.flatMap((f) => (f.kind === 'history' && f.stat === 'recentAppointments' ? [f.windowDays as number] : []));
  const history = computeHistory(table, windows, asOfMinute);
  const encoders = pipeline.spec.features.map((f) => featureEncoder(f, table, pipeline, history));
  const cols = encoders.reduce((s, e) => s + e.width, 0);
  if (cols !== pipeline.columns.length) throw new Error(`pipeline lists ${pipeline.columns.length} columns but its features make ${cols}`);

  const order = selectRows(table, which);
  const rows = order.length;
  const x = new Float32Array(rows * cols);
  const appointmentIds = new Array<string>(rows);
  const appointmentMinute = new Int32Array(rows);
  const appointmentDay = new Int32Array(rows);
  const patientKeys = new Int32Array(rows);
  const y = which === 'training' ? new Float32Array(rows) : null;
  const dna = OUTCOMES.indexOf('dna');
  for (let r = 0; r < rows; r++) {
    const i = order[r];
    appointmentIds[r] = table.ids[i];
    appointmentMinute[r] = table.minute[i];
    appointmentDay[r] = Math.floor(table.minute[i] / MINUTES_PER_DAY);
    patientKeys[r] = table.patient[i];
    if (y) y[r] = table.outcome[i] === dna ? 1 : 0;
  }
  let col = 0;
  for (const e of encoders) {
    e.fill(order, x, cols, col);
    col += e.width;
  }
  assertEncodable(x, cols, pipeline.columns, appointmentIds);
  const { subgroups, labels } = subgroupsOf(table, order);
  return {
    x,
    rows,
    cols,
    columns: [...pipeline.columns],
    y,
    appointmentIds,
    appointmentDay,
    appointmentMinute,
    patientKeys,
    subgroups,
    subgroupLabels: labels,
  };
}

/** Load a dataset's appointments with the columns a spec needs. */
export async function loadDatasetTable(ws: Workspace, dataset: string, spec: FeatureSpec): Promise<AppointmentTable> {
  const { id } = await findDataset(ws.db, dataset);
  return loadAppointmentTable(ws.db, id, textColumnsFor(spec));
}

/** Learn a pipeline (category levels) from a dataset's attended and DNA appointments before `before`. */
export async function fitPipeline(ws: Workspace, dataset: string, spec: FeatureSpec, opts: { before?: string } = {}): Promise<FeaturePipeline> {
  const table = await loadDatasetTable(ws, dataset, spec);
  return fitPipelineOnTable(table, spec, { dataset, before: opts.before });
}

/** Build the feature matrix of a dataset's appointments with a fitted pipeline. */
export async function buildMatrix(ws: Workspace, dataset: string, pipeline: FeaturePipeline, opts: BuildOptions = {}): Promise<FeatureMatrix> {
  const table = await loadDatasetTable(ws, dataset, parsePipeline(pipeline).spec);
  return buildMatrixFromTable(table, pipeline, opts);
}
