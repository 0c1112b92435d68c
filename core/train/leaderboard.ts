import { listRuns } from '../journal/index.ts';
import type { Workspace } from '../workspace/index.ts';
import type { HoldoutMetrics } from './holdout-metrics.ts';

/** One line of a leaderboard: a model (trained here or imported from a bundle) or a baseline. */
export interface LeaderboardRow {
  rank: number;
  name: string;
  kind: 'model' | 'bundle' | 'baseline';
  runId: string | null;
  trees: number | null;
  metrics: HoldoutMetrics;
  /** First day of the test slice the metrics come from, when known. */
  testFrom?: string | null;
  /** The best model's AUC lies inside this row's 95% CI: not clearly worse than the best. */
  notClearlyWorse: boolean;
}

/** Rank rows by holdout AUC (best first) and mark those the best is not clearly better than. */
export function rankLeaderboard(rows: Omit<LeaderboardRow, 'rank' | 'notClearlyWorse'>[]): LeaderboardRow[] {
  const sorted = [...rows].sort((a, b) => (b.metrics.auc ?? -1) - (a.metrics.auc ?? -1));
  const best = sorted[0]?.metrics.auc ?? 0;
  return sorted.map((r, i) => ({ ...r, rank: i + 1, notClearlyWorse: i === 0 || (r.metrics.aucCi !== null && r.metrics.aucCi[1] >= best) }));
}

interface StoredMetrics {
  holdout?: HoldoutMetrics;
  baselines?: { priorDnaRate: HoldoutMetrics; logistic: HoldoutMetrics } | null;
}

/**
 * Every unarchived run of a dataset on one board, local runs and imported
 * bundles alike, with the two baselines of the newest local run.
 */
export async function runsLeaderboard(ws: Workspace, dataset: string): Promise<LeaderboardRow[]> {
  const runs = await listRuns(ws.db, { dataset });
  const rows: Omit<LeaderboardRow, 'rank' | 'notClearlyWorse'>[] = [];
  let baselines: { metrics: NonNullable<StoredMetrics['baselines']>; testFrom: string | null } | null = null;
  for (const run of runs) {
    const m = run.metrics as StoredMetrics;
    if (!m.holdout) continue;
    const testFrom = (run.split as { testFrom?: string }).testFrom ?? null;
    const imported = run.kind.startsWith('bundle');
    rows.push({ name: run.note.split('\n')[0] || run.id, kind: imported ? 'bundle' : 'model', runId: run.id, trees: run.trees, metrics: m.holdout, testFrom });
    if (!baselines && !imported && m.baselines) baselines = { metrics: m.baselines, testFrom };
  }
  if (baselines) {
    rows.push(
      { name: 'baseline: prior DNA rate', kind: 'baseline', runId: null, trees: null, metrics: baselines.metrics.priorDnaRate, testFrom: baselines.testFrom },
      { name: 'baseline: logistic regression', kind: 'baseline', runId: null, trees: null, metrics: baselines.metrics.logistic, testFrom: baselines.testFrom },
    );
  }
  return rankLeaderboard(rows);
}
