import type { Db, Workspace } from '../workspace/index.ts';
import type { DatasetSummary } from './types.ts';
import { publishedDnaRate } from './suppress.ts';
import { patientsAndDates } from './dataset-facts.ts';
import { IN_ROWID_RANGE, rowidRange } from './rowid-range.ts';

async function outcomeSums(db: Db, datasetId: number): Promise<{ rows: number; dna: number; withOutcome: number }> {
  const range = await rowidRange(db, datasetId);
  if (!range) return { rows: 0, dna: 0, withOutcome: 0 };
  const r = await db.get<{ rows: number; dna: number; withOutcome: number }>(
    `SELECT count(*) AS rows, sum(outcome = 'dna') AS dna, sum(outcome IN ('dna', 'attended')) AS withOutcome
     FROM appointments WHERE ${IN_ROWID_RANGE}`,
    [range.first, range.last, datasetId],
  );
  return { rows: r?.rows ?? 0, dna: r?.dna ?? 0, withOutcome: r?.withOutcome ?? 0 };
}

/** Every dataset of the workspace with its size, date range and DNA rate, by name. */
export async function listDatasets(ws: Workspace): Promise<DatasetSummary[]> {
  const datasets = await ws.db.all<{ id: number; name: string; updatedAt: string }>(
    'SELECT id, name, updated_at AS updatedAt FROM datasets ORDER BY name',
  );
  const summaries: DatasetSummary[] = [];
  for (const d of datasets) {
    const { rows, dna, withOutcome } = await outcomeSums(ws.db, d.id);
    const { patients, from, to } = await patientsAndDates(ws.db, d.id);
    summaries.push({ name: d.name, rows, patients, from, to, dnaRate: publishedDnaRate(dna, withOutcome), updatedAt: d.updatedAt });
  }
  return summaries;
}
