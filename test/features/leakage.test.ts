import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoExtract } from '../../core/demo/index.ts';
import { importExtract } from '../../core/import/index.ts';
import { openWorkspace, type Workspace } from '../../core/workspace/index.ts';
import { buildMatrix, defaultFeatureSpec, fitPipeline, type FeatureMatrix, type FeaturePipeline } from '../../core/features/index.ts';

// Every outcome becomes a different one, so any use of a later outcome shows.
const FLIP = `CASE outcome WHEN 'attended' THEN 'dna' WHEN 'dna' THEN 'patient_cancelled'
  WHEN 'patient_cancelled' THEN 'attended' WHEN 'hospital_cancelled' THEN 'dna'
  WHEN 'unknown' THEN 'dna' ELSE 'attended' END`;

function rowsById(m: FeatureMatrix): Map<string, number[]> {
  return new Map(m.appointmentIds.map((id, r) => [id, Array.from(m.x.subarray(r * m.cols, (r + 1) * m.cols))]));
}

describe('leakage and storage order', () => {
  let dir: string;
  let ws: Workspace;
  let pipeline: FeaturePipeline;
  let datasetId: number;
  let cuts: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'attend-features-'));
    const file = join(dir, 'extract.csv');
    await writeDemoExtract({ out: file, rows: 4000, seed: 7 });
    ws = await openWorkspace(join(dir, 'ws.sqlite'));
    await importExtract(ws, file, { dataset: 'demo' });
    datasetId = (await ws.db.get<{ id: number }>("SELECT id FROM datasets WHERE name = 'demo'"))!.id;
    // Give the busiest patient a second appointment at the same minute as one of theirs (a DNA),
    // and cut exactly there: the pair must not see each other.
    const twin = (await ws.db.get<{ patient_key: string; appointment_at: string; appointment_id: string }>(
      `SELECT patient_key, appointment_at, appointment_id FROM appointments WHERE dataset_id = ? AND outcome = 'attended'
       ORDER BY (SELECT count(*) FROM appointments b WHERE b.patient_key = appointments.patient_key) DESC, appointment_id LIMIT 1 OFFSET 3`,
      [datasetId],
    ))!;
    await ws.db.run(
      `INSERT INTO appointments (dataset_id, appointment_id, patient_key, age_years, sex, ethnic_category, imd_decile, specialty,
         clinic_code, appointment_at, booked_on, first_attendance, medium, priority, outcome, import_id)
       SELECT dataset_id, 'TWIN', patient_key, age_years, sex, ethnic_category, imd_decile, specialty, clinic_code,
         appointment_at, booked_on, first_attendance, medium, priority, 'dna', import_id
       FROM appointments WHERE dataset_id = ? AND appointment_id = ?`,
      [datasetId, twin.appointment_id],
    );
    const times = await ws.db.all<{ appointment_at: string }>(
      "SELECT appointment_at FROM appointments WHERE dataset_id = ? AND outcome != 'upcoming' ORDER BY appointment_at",
      [datasetId],
    );
    cuts = [times[Math.floor(times.length / 4)].appointment_at, twin.appointment_at, times[Math.floor((times.length * 3) / 4)].appointment_at];
    pipeline = await fitPipeline(ws, 'demo', defaultFeatureSpec());
  });
  afterAll(async () => {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never lets an outcome at or after t change the features of any appointment at or before t', async () => {
    const base = await buildMatrix(ws, 'demo', pipeline, { rows: 'all' });
    const before = rowsById(base);
    expect(base.rows).toBeGreaterThan(3900);
    for (const cut of cuts) {
      await ws.db.exec('BEGIN');
      try {
        const flipped = await ws.db.run(`UPDATE appointments SET outcome = ${FLIP} WHERE dataset_id = ? AND appointment_at >= ?`, [datasetId, cut]);
        expect(flipped.changes).toBeGreaterThan(500);
        const after = rowsById(await buildMatrix(ws, 'demo', pipeline, { rows: 'all' }));
        let compared = 0;
        let changedLater = 0;
        base.appointmentIds.forEach((id, r) => {
          const at = base.appointmentMinute[r];
          if (minuteText(at) <= cut) {
            expect(after.get(id), `appointment ${id} at ${minuteText(at)}, cut ${cut}`).toEqual(before.get(id));
            compared++;
          } else if (JSON.stringify(after.get(id)) !== JSON.stringify(before.get(id))) changedLater++;
        });
        expect(compared).toBeGreaterThan(900);
        expect(changedLater).toBeGreaterThan(100);
      } finally {
        await ws.db.exec('ROLLBACK');
      }
    }
  });

  it('scores upcoming appointments from what was known at asOf, whatever happens after it', async () => {
    const asOf = cuts[2];
    const base = await buildMatrix(ws, 'demo', pipeline, { rows: 'upcoming', asOf });
    expect(base.rows).toBeGreaterThan(50);
    await ws.db.exec('BEGIN');
    try {
      await ws.db.run(`UPDATE appointments SET outcome = ${FLIP} WHERE dataset_id = ? AND appointment_at >= ? AND outcome != 'upcoming'`, [
        datasetId,
        asOf,
      ]);
      const after = await buildMatrix(ws, 'demo', pipeline, { rows: 'upcoming', asOf });
      expect(after.appointmentIds).toEqual(base.appointmentIds);
      expect(Array.from(after.x)).toEqual(Array.from(base.x));
      // Without asOf the same flip is visible: the test can tell the difference.
      const seen = await buildMatrix(ws, 'demo', pipeline, { rows: 'upcoming' });
      expect(Array.from(seen.x)).not.toEqual(Array.from(base.x));
    } finally {
      await ws.db.exec('ROLLBACK');
    }
  });

  it('gives every appointment the same features whatever the storage order', async () => {
    const now = '2025-01-01T00:00:00.000Z';
    const shuffledId = (await ws.db.run('INSERT INTO datasets (name, created_at, updated_at) VALUES (?, ?, ?)', ['shuffled', now, now])).lastID;
    await ws.db.run(
      `INSERT INTO appointments SELECT ?, appointment_id, patient_key, nhs_number_key, age_years, sex, ethnic_category, imd_decile,
         lsoa, treatment_function_code, specialty, clinic_code, appointment_at, booked_on, first_attendance, medium, priority,
         attendance_code, outcome, import_id
       FROM appointments WHERE dataset_id = ? ORDER BY substr(patient_key, 7) DESC, appointment_id`,
      [shuffledId, datasetId],
    );
    const firstIds = async (id: number): Promise<string[]> =>
      (await ws.db.all<{ appointment_id: string }>('SELECT appointment_id FROM appointments WHERE dataset_id = ? ORDER BY rowid LIMIT 5', [id])).map(
        (r) => r.appointment_id,
      );
    expect(await firstIds(shuffledId)).not.toEqual(await firstIds(datasetId));

    const shuffledPipeline = await fitPipeline(ws, 'shuffled', defaultFeatureSpec());
    expect({ ...shuffledPipeline, fittedOn: null }).toEqual({ ...pipeline, fittedOn: null });
    for (const rows of ['all', 'training'] as const) {
      const a = await buildMatrix(ws, 'demo', pipeline, { rows });
      const b = await buildMatrix(ws, 'shuffled', shuffledPipeline, { rows });
      expect(b.appointmentIds).toEqual(a.appointmentIds);
      expect(rowsById(b)).toEqual(rowsById(a));
      expect(Array.from(b.patientKeys)).toEqual(Array.from(a.patientKeys));
      expect(b.subgroups).toEqual(a.subgroups);
      expect(b.y).toEqual(a.y);
    }
  });
});

function minuteText(minute: number): string {
  return new Date(minute * 60_000).toISOString().slice(0, 16);
}
