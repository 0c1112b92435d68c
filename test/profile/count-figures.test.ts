import { afterEach, describe, expect, it } from 'vitest';
import { countFigures } from '../../core/profile/count-figures.ts';
import { openWorkspace, type Workspace } from '../../core/workspace/index.ts';
import { insertDataset, insertImport } from './fixture-workspace.ts';

let ws: Workspace;
afterEach(async () => ws.close());

async function dataset(rows: [string, string, string, string][]): Promise<number> {
  const id = await insertDataset(ws.db, `d${Math.random()}`);
  const importId = await insertImport(ws.db, id, { file: 'f.csv', importedAt: 'now', rowsImported: rows.length, rowsRejected: 0 });
  for (const [appointment, patient, at, outcome] of rows) {
    await ws.db.run('INSERT INTO appointments (dataset_id, appointment_id, patient_key, appointment_at, outcome, import_id) VALUES (?, ?, ?, ?, ?, ?)', [
      id,
      appointment,
      patient,
      at,
      outcome,
      importId,
    ]);
  }
  return id;
}

describe('countFigures', () => {
  it('counts rows, distinct patients, DNA and outcomes, and the range of well-formed dates', async () => {
    ws = await openWorkspace(':memory:');
    const id = await dataset([
      ['A1', 'p1', '2024-02-01T09:00', 'dna'],
      ['A2', 'p2', '2024-01-15T10:00', 'attended'],
      ['A3', 'p1', 'garbled', 'attended'],
      ['A4', 'p3', '2024-03-09T11:00', 'upcoming'],
    ]);
    await dataset([['B1', 'p9', '2020-01-01T00:00', 'dna']]);
    expect(await countFigures(ws.db, id)).toEqual({ rows: 4, patients: 3, dna: 1, withOutcome: 3, firstDay: '2024-01-15', lastDay: '2024-03-09' });
  });

  it('counts keys holding the separator it splits on, and an empty dataset', async () => {
    ws = await openWorkspace(':memory:');
    const id = await dataset([
      ['A1', 'a\x1fb', '2024-02-01T09:00', 'dna'],
      ['A2', 'a', '2024-02-02T09:00', 'dna'],
      ['A3', 'b', '2024-02-03T09:00', 'dna'],
      ['A4', 'a\x1fb', '2024-02-04T09:00', 'dna'],
    ]);
    expect((await countFigures(ws.db, id)).patients).toBe(3);
    const empty = await insertDataset(ws.db, 'empty');
    expect(await countFigures(ws.db, empty)).toEqual({ rows: 0, patients: 0, dna: 0, withOutcome: 0, firstDay: null, lastDay: null });
  });
});
