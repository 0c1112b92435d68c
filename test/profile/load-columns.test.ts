import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../core/workspace/index.ts';
import { loadAppointmentColumns } from '../../core/profile/load-columns.ts';
import { profileDataset } from '../../core/profile/index.ts';
import { insertDataset, insertImport } from './fixture-workspace.ts';
import { insertSyntheticAppointments } from './synthetic-appointments.ts';

let ws: Workspace;
let a: number;
let b: number;
let importA: number;
let importB: number;

beforeAll(async () => {
  ws = await openWorkspace(':memory:');
  a = await insertDataset(ws.db, 'a');
  b = await insertDataset(ws.db, 'b');
  importA = await insertImport(ws.db, a, { file: 'a.csv', importedAt: '2024-01-01', rowsImported: 5000, rowsRejected: 0 });
  importB = await insertImport(ws.db, b, { file: 'b.csv', importedAt: '2024-01-01', rowsImported: 3, rowsRejected: 0 });
  await insertSyntheticAppointments(ws.db, a, importA, 5000);
});

afterAll(() => ws.close());

describe('loadAppointmentColumns', () => {
  it('reads the same columns whatever the chunk size', async () => {
    const whole = await loadAppointmentColumns(ws.db, a);
    const chunked = await loadAppointmentColumns(ws.db, a, 7);
    expect(whole.length).toBe(5000);
    expect(chunked).toEqual(whole);
    const months = [2023, 2024].flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`));
    expect([...whole.monthLabels].sort()).toEqual(months);
    expect(whole.specialtyLabels).toHaveLength(21);
  });

  it('keeps a dataset apart from rows of another dataset stored between its own', async () => {
    // Rows of b land in the middle of a's rowid range, then a gets more rows after them.
    for (let i = 0; i < 3; i++) {
      await ws.db.run(
        `INSERT INTO appointments (dataset_id, appointment_id, patient_key, appointment_at, outcome, import_id, specialty)
         VALUES (?, ?, 'pb', '2030-01-01T09:00', 'dna', ?, 'Only in b')`,
        [b, `b${i}`, importB],
      );
    }
    await ws.db.run(
      `INSERT INTO appointments (dataset_id, appointment_id, patient_key, appointment_at, outcome, import_id, specialty)
       VALUES (?, 'late', 'pl', '2031-05-05T09:00', 'attended', ?, 'Late')`,
      [a, importA],
    );
    const cols = await loadAppointmentColumns(ws.db, a, 1000);
    expect(cols.length).toBe(5001);
    expect(cols.specialtyLabels).toContain('Late');
    expect(cols.specialtyLabels).not.toContain('Only in b');
    const pb = await profileDataset(ws, 'b');
    expect(pb.rows).toBe(3);
    expect(pb.bySpecialty).toEqual([{ key: 'Only in b', appointments: '<10', withOutcome: '<10', dna: '<10', dnaRate: null }]);
    expect(pb.byMonth.map((m) => m.key)).toEqual(['2030-01']);
  });

  it('names the appointment and column when an outcome is outside the schema', async () => {
    const c = await insertDataset(ws.db, 'c');
    const importC = await insertImport(ws.db, c, { file: 'c.csv', importedAt: '2024-01-01', rowsImported: 1, rowsRejected: 0 });
    // Only a damaged or hand-edited workspace can hold this: the schema's CHECK refuses it.
    await ws.db.exec('PRAGMA ignore_check_constraints = ON');
    await ws.db.run(
      `INSERT INTO appointments (dataset_id, appointment_id, patient_key, appointment_at, outcome, import_id)
       VALUES (?, 'X1', 'p', '2024-01-01T09:00', 'no-show', ?)`,
      [c, importC],
    );
    await ws.db.exec('PRAGMA ignore_check_constraints = OFF');
    await expect(loadAppointmentColumns(ws.db, c)).rejects.toThrow(
      'appointment X1: column outcome holds "no-show", which is not one of attended, dna, patient_cancelled, hospital_cancelled, upcoming, unknown',
    );
  });
});
