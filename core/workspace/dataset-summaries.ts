import type { Db } from './db.ts';

/** Figures of one dataset's appointments, as listed and profiled. */
export interface DatasetFigures {
  rows: number;
  patients: number;
  /** Appointments whose outcome is 'dna'. */
  dna: number;
  /** Appointments whose outcome is 'dna' or 'attended'. */
  withOutcome: number;
  /** First and last appointment day (yyyy-mm-dd) among well-formed dates; null when none. */
  firstDay: string | null;
  lastDay: string | null;
}

/** How many appointments a dataset holds and its first and last rowid (null when it has none). */
export interface AppointmentExtent {
  rows: number;
  firstRowid: number | null;
  lastRowid: number | null;
}

/** SQL condition for appointment dates the figures count: the shape the import writes. */
export const WELL_FORMED_DATE = `appointment_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*'`;

/** A dataset's appointment count and rowid range, read from the primary key index alone. */
export async function appointmentExtent(db: Db, datasetId: number): Promise<AppointmentExtent> {
  const r = await db.get<AppointmentExtent>(
    'SELECT count(*) AS rows, min(rowid) AS firstRowid, max(rowid) AS lastRowid FROM appointments WHERE dataset_id = ?',
    [datasetId],
  );
  return { rows: r?.rows ?? 0, firstRowid: r?.firstRowid ?? null, lastRowid: r?.lastRowid ?? null };
}

interface SummaryRow {
  rows: number;
  lastRowid: number | null;
  patients: number;
  dna: number;
  withOutcome: number;
  firstDay: string | null;
  lastDay: string | null;
}

/**
 * The figures the last import stored for a dataset, when they still describe its
 * appointments (same count and last rowid as now), else null: rows written
 * other than by the import (older tools, tests) make the reader count afresh.
 */
export async function storedFigures(db: Db, datasetId: number, extent?: AppointmentExtent): Promise<DatasetFigures | null> {
  const s = await db.get<SummaryRow>(
    `SELECT rows, last_rowid AS lastRowid, patients, dna, with_outcome AS withOutcome, first_day AS firstDay, last_day AS lastDay
     FROM dataset_summaries WHERE dataset_id = ?`,
    [datasetId],
  );
  if (!s) return null;
  const now = extent ?? (await appointmentExtent(db, datasetId));
  if (now.rows !== s.rows || now.lastRowid !== s.lastRowid) return null;
  return { rows: s.rows, patients: s.patients, dna: s.dna, withOutcome: s.withOutcome, firstDay: s.firstDay, lastDay: s.lastDay };
}

/** Store a dataset's figures with the extent they were computed for (the import does, before its COMMIT). */
export async function storeFigures(db: Db, datasetId: number, extent: AppointmentExtent, f: DatasetFigures): Promise<void> {
  await db.run(
    `INSERT OR REPLACE INTO dataset_summaries (dataset_id, rows, last_rowid, patients, dna, with_outcome, first_day, last_day)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [datasetId, extent.rows, extent.lastRowid, f.patients, f.dna, f.withOutcome, f.firstDay, f.lastDay],
  );
}
