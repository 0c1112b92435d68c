import { openWorkspace, type Workspace } from '../../../core/workspace/index.ts';

/** One appointment for a fixture; omitted fields take the defaults in insertAppointments. */
export interface Appt {
  id: string;
  patient?: string;
  at: string;
  outcome: string;
  booked?: string | null;
  age?: number | null;
  sex?: string | null;
  ethnic?: string | null;
  imd?: number | null;
  specialty?: string | null;
  clinic?: string | null;
  first?: string | null;
  medium?: string | null;
  priority?: string | null;
}

/** A fresh in-memory workspace. */
export function memoryWorkspace(): Promise<Workspace> {
  return openWorkspace(':memory:');
}

/** Create dataset `name` with the given appointments (in the given storage order); returns the dataset id. */
export async function insertAppointments(ws: Workspace, name: string, appts: readonly Appt[]): Promise<number> {
  const now = '2025-01-01T00:00:00.000Z';
  const datasetId = (await ws.db.run('INSERT INTO datasets (name, created_at, updated_at) VALUES (?, ?, ?)', [name, now, now])).lastID;
  const importId = (
    await ws.db.run(
      `INSERT INTO imports (dataset_id, file_name, file_sha256, file_bytes, encoding, delimiter, mapping_json, imported_at,
         rows_read, rows_imported, rows_updated, rows_rejected, issue_count)
       VALUES (?, 'fixture.csv', 'sha', 1, 'utf-8', ',', '{}', ?, ?, ?, 0, 0, 0)`,
      [datasetId, now, appts.length, appts.length],
    )
  ).lastID;
  await ws.db.exec('BEGIN');
  for (const a of appts) {
    await ws.db.run(
      `INSERT INTO appointments (dataset_id, appointment_id, patient_key, age_years, sex, ethnic_category, imd_decile,
         specialty, clinic_code, appointment_at, booked_on, first_attendance, medium, priority, outcome, import_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        datasetId,
        a.id,
        a.patient ?? 'p1',
        a.age === undefined ? 40 : a.age,
        a.sex === undefined ? 'female' : a.sex,
        a.ethnic === undefined ? 'A' : a.ethnic,
        a.imd === undefined ? 5 : a.imd,
        a.specialty === undefined ? 'Cardiology' : a.specialty,
        a.clinic === undefined ? 'C1' : a.clinic,
        a.at,
        a.booked === undefined ? a.at.slice(0, 10) : a.booked,
        a.first === undefined ? '1' : a.first,
        a.medium === undefined ? 'face_to_face' : a.medium,
        a.priority === undefined ? '1' : a.priority,
        a.outcome,
        importId,
      ],
    );
  }
  await ws.db.exec('COMMIT');
  return datasetId;
}

/** The matrix row of an appointment as { column: value }. */
export function rowOf(m: { x: Float32Array; cols: number; columns: string[]; appointmentIds: string[] }, id: string): Record<string, number> {
  const r = m.appointmentIds.indexOf(id);
  if (r < 0) throw new Error(`appointment ${id} is not in the matrix`);
  return Object.fromEntries(m.columns.map((c, j) => [c, m.x[r * m.cols + j]]));
}
