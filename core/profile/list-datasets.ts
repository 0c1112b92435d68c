import { storedFigures, type Workspace } from '../workspace/index.ts';
import { countFigures } from './count-figures.ts';
import { publishedDnaRate } from './suppress.ts';
import type { DatasetSummary } from './types.ts';

/**
 * Every dataset of the workspace with its size, date range and DNA rate, by name:
 * the figures its last import stored when they still match its rows (no scan of
 * the appointments), else counted afresh.
 */
export async function listDatasets(ws: Workspace): Promise<DatasetSummary[]> {
  const datasets = await ws.db.all<{ id: number; name: string; updatedAt: string }>(
    'SELECT id, name, updated_at AS updatedAt FROM datasets ORDER BY name',
  );
  const summaries: DatasetSummary[] = [];
  for (const d of datasets) {
    const f = (await storedFigures(ws.db, d.id)) ?? (await countFigures(ws.db, d.id));
    summaries.push({
      name: d.name,
      rows: f.rows,
      patients: f.patients,
      from: f.firstDay,
      to: f.lastDay,
      dnaRate: publishedDnaRate(f.dna, f.withOutcome),
      updatedAt: d.updatedAt,
    });
  }
  return summaries;
}
