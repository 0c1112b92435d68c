import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoExtract } from '../../core/demo/index.ts';
import { importExtract } from '../../core/import/index.ts';
import { openWorkspace, type Workspace } from '../../core/workspace/index.ts';
import { buildMatrix, defaultFeatureSpec, fitPipeline, loadAppointmentTable, MISSING } from '../../core/features/index.ts';
import { insertAppointments, memoryWorkspace } from './helpers/appointments.ts';

describe('loading appointments', () => {
  it('reads the same table whatever the block size, separator characters included', async () => {
    const ws = await memoryWorkspace();
    try {
      const id = await insertAppointments(
        ws,
        'l',
        Array.from({ length: 23 }, (_, i) => ({
          id: `x${i}`,
          patient: `p${i % 4}`,
          at: `2024-03-${String(1 + i).padStart(2, '0')}T1${i % 10}:0${i % 6}`,
          outcome: i % 3 === 0 ? 'dna' : 'attended',
          clinic: i === 11 ? 'odd\x1fclinic' : i % 2 ? ` K${i % 5} ` : null,
          age: i === 5 ? null : 20 + i,
        })),
      );
      const whole = await loadAppointmentTable(ws.db, id, ['clinic_code', 'sex']);
      const blocks = await loadAppointmentTable(ws.db, id, ['clinic_code', 'sex'], 4);
      expect(blocks).toEqual(whole);
      expect(whole.length).toBe(23);
      expect(whole.text.clinic_code?.labels).toEqual(['K0', 'K1', 'K2', 'K3', 'K4', 'odd clinic']);
      expect(whole.patientKeys).toEqual(['p0', 'p1', 'p2', 'p3']);
      expect(whole.minute[0]).toBe(19783 * 1440 + 10 * 60); // 2024-03-01T10:00
      expect(whole.bookedDay[0]).toBe(19783);
      expect(whole.age[5]).toBe(-1);
      expect(Array.from(whole.outcome.slice(0, 4))).toEqual([1, 0, 0, 1]);
    } finally {
      await ws.close();
    }
  });
});

describe('matrix of an imported demo extract', () => {
  let dir: string;
  let ws: Workspace;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'attend-features-'));
    const file = join(dir, 'extract.csv');
    await writeDemoExtract({ out: file, rows: 3000, seed: 11 });
    ws = await openWorkspace(join(dir, 'ws.sqlite'));
    await importExtract(ws, file, { dataset: 'demo' });
  });
  afterAll(async () => {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has one row per attended or DNA appointment, labels matching the workspace and only values >= 0 or -1', async () => {
    const counts = (await ws.db.get<{ n: number; dna: number; patients: number }>(
      `SELECT count(*) AS n, sum(outcome = 'dna') AS dna, count(DISTINCT patient_key) AS patients
       FROM appointments WHERE outcome IN ('attended', 'dna')`,
    ))!;
    const m = await buildMatrix(ws, 'demo', await fitPipeline(ws, 'demo', defaultFeatureSpec()));
    expect(m.rows).toBe(counts.n);
    expect(m.x.length).toBe(m.rows * m.cols);
    expect(m.y?.reduce((s, v) => s + v, 0)).toBe(counts.dna);
    expect(new Set(m.patientKeys).size).toBe(counts.patients);
    for (const v of m.x) expect(v === MISSING || (Number.isFinite(v) && v >= 0)).toBe(true);
    // Every column carries information: none is entirely missing.
    for (let c = 0; c < m.cols; c++) {
      let present = 0;
      for (let r = 0; r < m.rows; r++) if (m.x[r * m.cols + c] !== MISSING) present++;
      expect(present, m.columns[c]).toBeGreaterThan(0);
    }
    for (const codes of Object.values(m.subgroups)) expect(codes.length).toBe(m.rows);
    for (let r = 1; r < m.rows; r++) expect(m.appointmentMinute[r]).toBeGreaterThanOrEqual(m.appointmentMinute[r - 1]);
  });
});
