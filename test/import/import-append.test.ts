import { afterEach, describe, expect, it } from 'vitest';
import { importExtract } from '../../core/import/index.ts';
import { openWorkspace, type Workspace } from '../../core/workspace/index.ts';
import { fixture } from './helpers/workspace.ts';

let ws: Workspace;
afterEach(async () => ws.close());

describe('weekly refreshes into one dataset', () => {
  it('de-duplicates on appointment id, the newer extract winning', async () => {
    ws = await openWorkspace(':memory:');
    const week1 = await importExtract(ws, fixture('refresh-week1.csv'), { dataset: 'clinic' });
    expect([week1.rowsImported, week1.rowsUpdated]).toEqual([3, 0]);
    const week2 = await importExtract(ws, fixture('refresh-week2.csv'), { dataset: 'clinic' });
    expect([week2.dataset, week2.rowsRead, week2.rowsImported, week2.rowsUpdated, week2.rowsRejected]).toEqual(['clinic', 3, 3, 2, 0]);
    expect(week2.dnaRate).toBe(0.5);
    expect(week2.dateRange).toEqual({ from: '2024-12-02', to: '2024-12-09' });
    const rows = await ws.db.all('SELECT appointment_id, outcome, import_id FROM appointments ORDER BY appointment_id');
    expect(rows).toEqual([
      { appointment_id: 'R1', outcome: 'upcoming', import_id: 1 },
      { appointment_id: 'R2', outcome: 'dna', import_id: 2 },
      { appointment_id: 'R3', outcome: 'attended', import_id: 2 },
      { appointment_id: 'R4', outcome: 'upcoming', import_id: 2 },
    ]);
    expect(await ws.db.all('SELECT id, dataset_id, file_name, rows_imported, rows_updated FROM imports ORDER BY id')).toEqual([
      { id: 1, dataset_id: 1, file_name: 'refresh-week1.csv', rows_imported: 3, rows_updated: 0 },
      { id: 2, dataset_id: 1, file_name: 'refresh-week2.csv', rows_imported: 3, rows_updated: 2 },
    ]);
    const ds = await ws.db.get<{ n: number; created_at: string; updated_at: string }>('SELECT count(*) AS n, created_at, updated_at FROM datasets');
    expect(ds?.n).toBe(1);
    expect(ds!.updated_at >= ds!.created_at).toBe(true);
  });

  it('keeps datasets apart: the same ids in another dataset are new rows', async () => {
    ws = await openWorkspace(':memory:');
    await importExtract(ws, fixture('refresh-week1.csv'), { dataset: 'a' });
    const other = await importExtract(ws, fixture('refresh-week2.csv'), { dataset: 'b' });
    expect([other.rowsImported, other.rowsUpdated]).toEqual([3, 0]);
    expect(await ws.db.all('SELECT name FROM datasets ORDER BY id')).toEqual([{ name: 'a' }, { name: 'b' }]);
  });
});
