import type { OperationCommand } from '../commands.ts';
import { readJsonOption, requireString } from '../args.ts';
import type { Comparison } from '../../train/index.ts';

const f3 = (v: number | null) => (v === null ? '  -  ' : v.toFixed(3));

/** `compare --workspace DB --dataset NAME [--grid FILE]` */
export const compareCommand: OperationCommand = {
  usage: '--workspace DB --dataset NAME [--grid FILE]   train several configurations; prints the leaderboard',
  options: { workspace: { type: 'string' }, dataset: { type: 'string' }, grid: { type: 'string' } },
  request: ({ values }) => {
    requireString(values, 'workspace');
    const grid = typeof values.grid === 'string' ? readJsonOption(values.grid, 'grid') : undefined;
    return { operation: 'train.compare', input: { dataset: requireString(values, 'dataset'), grid } };
  },
  format: (c: Comparison) =>
    [
      `leaderboard for ${c.dataset} (holdout; * = the best AUC lies inside this row's 95% CI), ${c.seconds.toFixed(1)} s`,
      ...c.leaderboard.map(
        (r) =>
          `${String(r.rank).padStart(2)}${r.notClearlyWorse ? '*' : ' '} AUC ${f3(r.metrics.auc)} [${f3(r.metrics.aucCi?.[0] ?? null)}, ${f3(r.metrics.aucCi?.[1] ?? null)}]` +
          `  Brier ${r.metrics.brier.toFixed(4)}  ${r.name}${r.runId ? ` (${r.runId}, ${r.trees} trees)` : ''}`,
      ),
    ].join('\n'),
};
