import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importExtract } from '../../core/import/index.ts';
import { listDatasets } from '../../core/profile/index.ts';
import { openWorkspace, storedFigures, type DatasetFigures, type Workspace } from '../../core/workspace/index.ts';
import { tempDir } from './helpers/workspace.ts';

const HEADER = 'Appointment ID,Local Patient Number,Appointment Date,Attended or Did Not Attend';

/** A small extract of `id,local,dd/mm/yyyy,code` lines. */
function extract(name: string, lines: string[]): string {
  const file = join(tempDir(), name);
  writeFileSync(file, [HEADER, ...lines].join('\n') + '\n');
  return file;
}

/** The figures of a dataset counted here, independently, from its appointments. */
async function counted(ws: Workspace, datasetId: number): Promise<DatasetFigures> {
  const r = await ws.db.get<DatasetFigures>(
    `SELECT count(*) AS rows, count(DISTINCT patient_key) AS patients, total(outcome = 'dna') AS dna,
            total(outcome IN ('dna', 'attended')) AS withOutcome,
            substr(min(appointment_at), 1, 10) AS firstDay, substr(max(appointment_at), 1, 10) AS lastDay
     FROM appointments WHERE dataset_id = ?`,
    [datasetId],
  );
  return r as DatasetFigures;
}

/** The patient list the import keeps, against the patients the appointments name. */
async function patientLists(ws: Workspace, datasetId: number): Promise<[string[], string[]]> {
  const listed = await ws.db.all<{ k: string }>('SELECT patient_key AS k FROM dataset_patients WHERE dataset_id = ? ORDER BY 1', [datasetId]);
  const named = await ws.db.all<{ k: string }>('SELECT DISTINCT patient_key AS k FROM appointments WHERE dataset_id = ? ORDER BY 1', [datasetId]);
  return [listed.map((r) => r.k), named.map((r) => r.k)];
}

let ws: Workspace;
afterEach(async () => ws.close());

describe('figures the import stores with each dataset', () => {
  it('count a fresh import, a repeated id that moves to another patient included', async () => {
    ws = await openWorkspace(':memory:');
    // A1 comes again for L9: L1 is left with no appointment.
    const file = extract('fresh.csv', ['A1,L1,01/12/2024,5', 'A2,L2,02/12/2024,3', 'A3,L3,03/12/2024,5', 'A1,L9,04/12/2024,3']);
    const report = await importExtract(ws, file, { dataset: 'd' });
    expect([report.rowsImported, report.dnaRate, report.dateRange]).toEqual([3, 2 / 3, { from: '2024-12-02', to: '2024-12-04' }]);
    const stored = await storedFigures(ws.db, 1);
    expect(stored).toEqual({ rows: 3, patients: 3, dna: 2, withOutcome: 3, firstDay: '2024-12-02', lastDay: '2024-12-04' });
    expect(stored).toEqual(await counted(ws, 1));
    const [listed, named] = await patientLists(ws, 1);
    expect(listed).toEqual(named);
  });

  it('count a fresh import from the rows as they pass, a re-sent row inside the date range taken off', async () => {
    ws = await openWorkspace(':memory:');
    const file = extract('tallied.csv', ['A1,L1,01/12/2024,5', 'A2,L2,02/12/2024,3', 'A3,L3,05/12/2024,5', 'A2,L2,03/12/2024,5']);
    const report = await importExtract(ws, file, { dataset: 'd' });
    expect([report.rowsImported, report.dnaRate, report.dateRange]).toEqual([3, 0, { from: '2024-12-01', to: '2024-12-05' }]);
    const stored = await storedFigures(ws.db, 1);
    expect(stored).toEqual({ rows: 3, patients: 3, dna: 0, withOutcome: 3, firstDay: '2024-12-01', lastDay: '2024-12-05' });
    expect(stored).toEqual(await counted(ws, 1));
  });

  it('stay right across appends that re-send appointments for other patients', async () => {
    ws = await openWorkspace(':memory:');
    await importExtract(ws, extract('w1.csv', ['A1,L1,01/12/2024,5', 'A2,L2,02/12/2024,5', 'A3,L2,03/12/2024,0']), { dataset: 'd' });
    expect((await storedFigures(ws.db, 1))?.patients).toBe(2);

    // A2 moves from L2 to L5, but L2 keeps A3; A1 is re-sent for the same patient.
    await importExtract(ws, extract('w2.csv', ['A2,L5,02/12/2024,3', 'A1,L1,01/12/2024,3', 'A4,L6,10/12/2024,0']), { dataset: 'd' });
    expect(await storedFigures(ws.db, 1)).toEqual({ rows: 4, patients: 4, dna: 2, withOutcome: 2, firstDay: '2024-12-01', lastDay: '2024-12-10' });
    expect(await storedFigures(ws.db, 1)).toEqual(await counted(ws, 1));

    // A3 moves to L6: now L2 has nothing left.
    await importExtract(ws, extract('w3.csv', ['A3,L6,03/12/2024,5']), { dataset: 'd' });
    expect(await storedFigures(ws.db, 1)).toEqual({ rows: 4, patients: 3, dna: 2, withOutcome: 3, firstDay: '2024-12-01', lastDay: '2024-12-10' });
    expect(await storedFigures(ws.db, 1)).toEqual(await counted(ws, 1));
    const [listed, named] = await patientLists(ws, 1);
    expect(listed).toEqual(named);
    expect(listed).toHaveLength(3);
  });

  it('keep datasets apart', async () => {
    ws = await openWorkspace(':memory:');
    await importExtract(ws, extract('a.csv', ['A1,L1,01/12/2024,5', 'A2,L2,02/12/2024,3']), { dataset: 'a' });
    await importExtract(ws, extract('b.csv', ['A1,L1,05/12/2024,3']), { dataset: 'b' });
    expect(await storedFigures(ws.db, 1)).toEqual({ rows: 2, patients: 2, dna: 1, withOutcome: 2, firstDay: '2024-12-01', lastDay: '2024-12-02' });
    expect(await storedFigures(ws.db, 2)).toEqual({ rows: 1, patients: 1, dna: 1, withOutcome: 1, firstDay: '2024-12-05', lastDay: '2024-12-05' });
  });

  it('are not trusted once rows were written other than by an import, and the next import counts afresh', async () => {
    ws = await openWorkspace(':memory:');
    await importExtract(ws, extract('w1.csv', ['A1,L1,01/12/2024,5', 'A2,L2,02/12/2024,3']), { dataset: 'd' });
    await ws.db.run(
      "INSERT INTO appointments (dataset_id, appointment_id, patient_key, appointment_at, outcome, import_id) VALUES (1, 'X1', 'elsewhere', '2024-11-30T09:00', 'dna', 1)",
    );
    expect(await storedFigures(ws.db, 1)).toBeNull();
    expect((await listDatasets(ws)).map((d) => [d.rows, d.patients, d.from, d.to])).toEqual([[3, 3, '2024-11-30', '2024-12-02']]);

    await importExtract(ws, extract('w2.csv', ['A3,L3,03/12/2024,5']), { dataset: 'd' });
    expect(await storedFigures(ws.db, 1)).toEqual({ rows: 4, patients: 4, dna: 2, withOutcome: 4, firstDay: '2024-11-30', lastDay: '2024-12-03' });
    const [listed, named] = await patientLists(ws, 1);
    expect(listed).toEqual(named);
  });

  it('are what listing datasets shows, without counting again', async () => {
    ws = await openWorkspace(':memory:');
    await importExtract(ws, extract('w1.csv', ['A1,L1,01/12/2024,5', 'A2,L2,02/12/2024,3']), { dataset: 'd' });
    // A stored figure that still matches the rows is taken as it is.
    await ws.db.run('UPDATE dataset_summaries SET patients = 77');
    expect((await listDatasets(ws))[0].patients).toBe(77);
    // One that no longer matches them is not.
    await ws.db.run('UPDATE dataset_summaries SET rows = 5');
    expect((await listDatasets(ws))[0].patients).toBe(2);
  });
});
