import { randomBytes } from 'node:crypto';
import type { Db } from '../workspace/index.ts';

/** One journal entry as stored: what was trained on what, how, and how well. */
export interface RunRecord {
  id: string;
  dataset: string;
  createdAt: string;
  kind: string;
  parentRunId: string | null;
  params: unknown;
  featureSpec: unknown;
  featureSpecHash: string;
  pipeline: unknown;
  split: unknown;
  datasetFingerprint: string;
  engineVersion: string;
  appVersion: string;
  seconds: number;
  trees: number | null;
  metrics: unknown;
  /** Recalibration fitted on the calibration slice (never the test slice), or null. */
  calibration: unknown;
  note: string;
  archived: boolean;
}

/** A new run id: sortable by time, unique without coordination. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `run-${stamp}-${randomBytes(3).toString('hex')}`;
}

/** Record a run with its model; runs are never overwritten (the id is the primary key). */
export async function insertRun(db: Db, datasetId: number, run: Omit<RunRecord, 'dataset' | 'archived'>, model: Uint8Array | null): Promise<void> {
  await db.run(
    `INSERT INTO runs (id, dataset_id, created_at, kind, parent_run_id, params_json, feature_spec_json, feature_spec_hash,
       pipeline_json, split_json, dataset_fingerprint, engine_version, app_version, seconds, trees, metrics_json, model, note,
       calibration_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      run.id,
      datasetId,
      run.createdAt,
      run.kind,
      run.parentRunId,
      JSON.stringify(run.params),
      JSON.stringify(run.featureSpec),
      run.featureSpecHash,
      JSON.stringify(run.pipeline),
      JSON.stringify(run.split),
      run.datasetFingerprint,
      run.engineVersion,
      run.appVersion,
      run.seconds,
      run.trees,
      JSON.stringify(run.metrics),
      model ? Buffer.from(model.buffer, model.byteOffset, model.byteLength) : null,
      run.note,
      run.calibration === null ? null : JSON.stringify(run.calibration),
    ],
  );
}

interface RunRow {
  id: string;
  dataset: string;
  created_at: string;
  kind: string;
  parent_run_id: string | null;
  params_json: string;
  feature_spec_json: string;
  feature_spec_hash: string;
  pipeline_json: string;
  split_json: string;
  dataset_fingerprint: string;
  engine_version: string;
  app_version: string;
  seconds: number;
  trees: number | null;
  metrics_json: string;
  calibration_json: string | null;
  note: string;
  archived: number;
}

const SELECT = `SELECT r.id, d.name AS dataset, r.created_at, r.kind, r.parent_run_id, r.params_json, r.feature_spec_json,
  r.feature_spec_hash, r.pipeline_json, r.split_json, r.dataset_fingerprint, r.engine_version, r.app_version, r.seconds,
  r.trees, r.metrics_json, r.calibration_json, r.note, r.archived FROM runs r JOIN datasets d ON d.id = r.dataset_id`;

function toRecord(r: RunRow): RunRecord {
  return {
    id: r.id,
    dataset: r.dataset,
    createdAt: r.created_at,
    kind: r.kind,
    parentRunId: r.parent_run_id,
    params: JSON.parse(r.params_json),
    featureSpec: JSON.parse(r.feature_spec_json),
    featureSpecHash: r.feature_spec_hash,
    pipeline: JSON.parse(r.pipeline_json),
    split: JSON.parse(r.split_json),
    datasetFingerprint: r.dataset_fingerprint,
    engineVersion: r.engine_version,
    appVersion: r.app_version,
    seconds: r.seconds,
    trees: r.trees,
    metrics: JSON.parse(r.metrics_json),
    calibration: r.calibration_json === null ? null : JSON.parse(r.calibration_json),
    note: r.note,
    archived: r.archived === 1,
  };
}

/** A run by id, or an error naming it. */
export async function getRun(db: Db, id: string): Promise<RunRecord> {
  const row = await db.get<RunRow>(`${SELECT} WHERE r.id = ?`, [id]);
  if (!row) throw new Error(`no run '${id}' in this workspace`);
  return toRecord(row);
}

/** The stored model of a run (XGBoost binary), or an error naming the run. */
export async function getRunModel(db: Db, id: string): Promise<Uint8Array> {
  const row = await db.get<{ model: Buffer | null }>('SELECT model FROM runs WHERE id = ?', [id]);
  if (!row) throw new Error(`no run '${id}' in this workspace`);
  if (!row.model) throw new Error(`run '${id}' has no stored model`);
  return new Uint8Array(row.model);
}

/** Runs of a dataset (or all), newest first; archived ones only when asked. */
export async function listRuns(db: Db, opts: { dataset?: string; includeArchived?: boolean } = {}): Promise<RunRecord[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (opts.dataset !== undefined) {
    where.push('d.name = ?');
    params.push(opts.dataset);
  }
  if (!opts.includeArchived) where.push('r.archived = 0');
  const rows = await db.all<RunRow>(`${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY r.created_at DESC, r.id DESC`, params);
  return rows.map(toRecord);
}
