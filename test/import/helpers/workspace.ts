import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Workspace } from '../../../core/workspace/index.ts';

/** Absolute path of an import fixture. */
export const fixture = (name: string): string => join(import.meta.dirname, '..', '..', 'fixtures', 'import', name);

/** A fresh directory for one test's files. */
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'attend-import-'));

/** Everything the import wrote, for asserting a workspace is unchanged. */
export async function snapshot(ws: Workspace): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of ['datasets', 'imports', 'appointments', 'import_issues', 'dataset_summaries']) {
    out[table] = await ws.db.all(`SELECT * FROM ${table} ORDER BY rowid`);
  }
  out.dataset_patients = await ws.db.all('SELECT * FROM dataset_patients ORDER BY dataset_id, patient_key');
  return out;
}

/** Appointment rows of a workspace with the columns a test usually checks. */
export function appointmentRows(ws: Workspace): Promise<Record<string, unknown>[]> {
  return ws.db.all(
    `SELECT appointment_id, age_years, sex, ethnic_category, imd_decile, lsoa, treatment_function_code, specialty,
            clinic_code, appointment_at, booked_on, first_attendance, medium, priority, attendance_code, outcome
     FROM appointments ORDER BY appointment_at, appointment_id`,
  );
}
