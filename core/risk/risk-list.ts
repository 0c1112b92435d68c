import { applyCalibrationToAll, parseCalibration } from '../calibrate/index.ts';
import { predictProbability } from '../engine/index.ts';
import { shapValues, topReasons } from '../explain/index.ts';
import { buildMatrixFromTable, isoDateOfEpochDay, loadDatasetTable, parsePipeline } from '../features/index.ts';
import { getRun, getRunEnsemble } from '../journal/index.ts';
import { findDataset } from '../profile/dataset-lookup.ts';
import type { Workspace } from '../workspace/index.ts';
import { reasonInWords } from './reason-words.ts';

/** Risk band cut-offs on the calibrated probability; DNA rates in England are about 6-7%. */
export const DEFAULT_BANDS = { high: 0.2, medium: 0.1 } as const;

/**
 * Features never given as a reason on a call list: a reminder call cannot act on
 * them, and naming them to staff invites unfair treatment.
 */
const NOT_A_REASON = new Set(['sex', 'ethnic_group']);

/** One upcoming appointment on the risk list; no patient identifiers. */
export interface RiskRow {
  appointmentId: string;
  appointmentAt: string;
  clinicCode: string | null;
  specialty: string | null;
  probability: number;
  band: 'high' | 'medium' | 'low';
  reasons: string[];
}

/** Expected DNAs of one clinic session (clinic, date, morning or afternoon). */
export interface SessionRow {
  clinicCode: string | null;
  date: string;
  session: 'AM' | 'PM';
  appointments: number;
  expectedDnas: number;
}

/** A scored list of upcoming appointments and the expected DNAs per session. */
export interface RiskList {
  runId: string;
  dataset: string;
  from: string | null;
  to: string | null;
  asOf: string | null;
  calibrated: boolean;
  bands: { high: number; medium: number };
  rows: RiskRow[];
  sessions: SessionRow[];
  expectedDnas: number;
}

/** Options of a risk list; dates are ISO yyyy-mm-dd, both ends included. */
export interface RiskOptions {
  /**
   * Compute every row's reasons now (default), or leave them for `fillReasons`:
   * TreeSHAP is most of the cost, and a screen shows a few hundred rows at a time.
   */
  reasons?: 'all' | 'lazy';
  from?: string;
  to?: string;
  /** Scoring time: history counts only outcomes known before it. Default: each appointment's own time. */
  asOf?: string;
  bands?: { high: number; medium: number };
}

const dayOf = (iso: string, what: string): number => {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  // Date.parse rolls 2025-02-30 over into March: a real date reads back unchanged.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso) {
    throw new Error(`${what} must be a date yyyy-mm-dd, got '${iso}'`);
  }
  return Math.floor(ms / 86_400_000);
};

/**
 * Score a dataset's upcoming appointments with a run's model, pipeline and
 * calibration: probability, risk band, the top three reasons in plain words, and
 * expected DNAs (sum of probabilities) per clinic session. Highest risk first.
 */
export async function riskList(ws: Workspace, runId: string, opts: RiskOptions = {}): Promise<RiskList> {
  const run = await getRun(ws.db, runId);
  const pipeline = parsePipeline(run.pipeline);
  const bands = opts.bands ?? DEFAULT_BANDS;
  const fromDay = opts.from === undefined ? -Infinity : dayOf(opts.from, 'from');
  const toDay = opts.to === undefined ? Infinity : dayOf(opts.to, 'to');
  if (fromDay > toDay) throw new Error(`from (${opts.from}) is after to (${opts.to})`);

  const table = await loadDatasetTable(ws, run.dataset, pipeline.spec);
  const m = buildMatrixFromTable(table, pipeline, { rows: 'upcoming', asOf: opts.asOf });
  const picked: number[] = [];
  for (let r = 0; r < m.rows; r++) if (m.appointmentDay[r] >= fromDay && m.appointmentDay[r] <= toDay) picked.push(r);

  const cols = m.cols;
  const x = new Float32Array(picked.length * cols);
  picked.forEach((r, i) => x.set(m.x.subarray(r * cols, (r + 1) * cols), i * cols));
  const ensemble = await getRunEnsemble(ws.db, runId);
  const raw = picked.length ? predictProbability(ensemble, x, picked.length, cols) : new Float32Array(0);
  const probabilities = run.calibration ? applyCalibrationToAll(parseCalibration(run.calibration), raw) : Float64Array.from(raw);
  const { id: datasetId } = await findDataset(ws.db, run.dataset);
  const details = new Map(
    (
      await ws.db.all<{ appointment_id: string; clinic_code: string | null; specialty: string | null; appointment_at: string }>(
        "SELECT appointment_id, clinic_code, specialty, appointment_at FROM appointments WHERE dataset_id = ? AND outcome = 'upcoming'",
        [datasetId],
      )
    ).map((d) => [d.appointment_id, d]),
  );

  const rowIndex = new Map<RiskRow, number>();
  const rows: RiskRow[] = picked.map((r, i) => {
    const id = m.appointmentIds[r];
    const d = details.get(id);
    const p = probabilities[i];
    const row: RiskRow = {
      appointmentId: id,
      appointmentAt: d?.appointment_at ?? isoDateOfEpochDay(m.appointmentDay[r]),
      clinicCode: d?.clinic_code ?? null,
      specialty: d?.specialty ?? null,
      probability: p,
      band: p >= bands.high ? 'high' : p >= bands.medium ? 'medium' : 'low',
      reasons: [],
    };
    rowIndex.set(row, i);
    return row;
  });
  // Matrix order, kept apart from the list's own (sorted) order.
  const byIndex = rows.slice();
  const explained = new Uint8Array(rows.length);
  const explain = (wanted: readonly RiskRow[]) => {
    const todo = wanted.map((row) => rowIndex.get(row)).filter((i): i is number => i !== undefined && explained[i] === 0);
    if (todo.length === 0) return;
    const sub = new Float32Array(todo.length * cols);
    todo.forEach((i, k) => sub.set(x.subarray(i * cols, (i + 1) * cols), k * cols));
    const shap = shapValues(ensemble, sub, todo.length, cols).values;
    todo.forEach((i, k) => {
      byIndex[i].reasons = topReasons(shap.subarray(k * cols, (k + 1) * cols), sub.subarray(k * cols, (k + 1) * cols), m.columns, cols)
        .filter((reason) => !NOT_A_REASON.has(reason.feature))
        .slice(0, 3)
        .map((reason) => reasonInWords(reason, pipeline));
      explained[i] = 1;
    });
  };
  rows.sort((a, b) => b.probability - a.probability || (a.appointmentId < b.appointmentId ? -1 : 1));

  const sessions = new Map<string, SessionRow>();
  for (const row of rows) {
    const date = row.appointmentAt.slice(0, 10);
    const session = row.appointmentAt.slice(11, 13) < '13' ? 'AM' : 'PM';
    const key = `${row.clinicCode}|${date}|${session}`;
    const s = sessions.get(key) ?? { clinicCode: row.clinicCode, date, session, appointments: 0, expectedDnas: 0 };
    s.appointments++;
    s.expectedDnas += row.probability;
    sessions.set(key, s);
  }
  if (opts.reasons !== 'lazy') explain(rows);
  const sessionRows = [...sessions.values()].sort((a, b) => b.expectedDnas - a.expectedDnas || (a.date < b.date ? -1 : 1));
  const list: RiskList = {
    runId,
    dataset: run.dataset,
    from: opts.from ?? null,
    to: opts.to ?? null,
    asOf: opts.asOf ?? null,
    calibrated: run.calibration !== null,
    bands,
    rows,
    sessions: sessionRows,
    expectedDnas: rows.reduce((s, r) => s + r.probability, 0),
  };
  explainers.set(list, explain);
  return list;
}

// Kept beside the list, not in it: lists travel as JSON to the screens.
const explainers = new WeakMap<RiskList, (rows: readonly RiskRow[]) => void>();

/** Make sure these rows of a list (made with reasons: 'lazy') have their reasons; computes only those still missing. */
export function fillReasons(list: RiskList, rows: readonly RiskRow[]): void {
  explainers.get(list)?.(rows);
}
