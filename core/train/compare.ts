import { z } from 'zod';
import type { BoosterParams } from '../engine/index.ts';
import { trainConfigSchema, type TrainConfig } from './config.ts';
import { rankLeaderboard, type LeaderboardRow } from './leaderboard.ts';
import { trainRun, type TrainResult } from './train-run.ts';

/** Configurations to compare: explicit variants and/or a parameter grid, each over a shared base. */
export interface CompareGrid {
  base?: TrainConfig;
  variants?: (TrainConfig & { name?: string })[];
  /** Every combination of these parameter values (cartesian product) over base.params. */
  params?: Partial<Record<keyof BoosterParams, (number | string)[]>>;
}

/** Compared when no grid is given: shallow to deep trees at matching learning rates. */
export const DEFAULT_GRID: CompareGrid = {
  variants: [
    { name: 'depth 3, eta 0.1', params: { maxDepth: 3, eta: 0.1 } },
    { name: 'depth 5, eta 0.05', params: { maxDepth: 5, eta: 0.05 } },
    { name: 'depth 7, eta 0.05', params: { maxDepth: 7, eta: 0.05 } },
  ],
};

/** Schema of a grid file; unknown keys are refused. */
export const compareGridSchema: z.ZodType<CompareGrid> = z
  .object({
    base: trainConfigSchema.optional(),
    variants: z.array(z.intersection(trainConfigSchema, z.object({ name: z.string().min(1).max(200).optional() }))).min(1).optional(),
    params: z.record(z.string(), z.array(z.union([z.number(), z.string()])).min(1)).optional(),
  })
  .strict() as z.ZodType<CompareGrid>;

/** The outcome of a comparison. */
export interface Comparison {
  dataset: string;
  leaderboard: LeaderboardRow[];
  seconds: number;
}

const MAX_CONFIGS = 50;

/** The configurations a grid stands for, named. */
export function expandGrid(grid: CompareGrid): { name: string; config: TrainConfig }[] {
  const base = grid.base ?? {};
  const out: { name: string; config: TrainConfig }[] = [];
  for (const [i, v] of (grid.variants ?? []).entries()) {
    const { name, ...config } = v;
    out.push({ name: name ?? `variant ${i + 1}`, config: { ...base, ...config, params: { ...base.params, ...config.params } } });
  }
  const entries = Object.entries(grid.params ?? {}) as [string, (number | string)[]][];
  if (entries.length > 0) {
    let combos: Record<string, number | string>[] = [{}];
    for (const [key, values] of entries) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
    for (const c of combos) {
      out.push({
        name: Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', '),
        config: { ...base, params: { ...base.params, ...(c as Partial<BoosterParams>) } },
      });
    }
  }
  if (out.length === 0) return expandGrid({ ...DEFAULT_GRID, base });
  if (out.length > MAX_CONFIGS) throw new Error(`the grid makes ${out.length} configurations; at most ${MAX_CONFIGS} at a time`);
  return out;
}

/**
 * Train every configuration of a grid, `concurrency` at a time (each trains in
 * its own worker thread, so two use both cores), and rank them on the holdout
 * beside the baselines. Every run is recorded in the journal.
 */
export async function compareConfigs(
  ws: Parameters<typeof trainRun>[0],
  dataset: string,
  grid: CompareGrid = {},
  opts: {
    concurrency?: number;
    signal?: AbortSignal;
    /** Configurations finished of all. */
    onProgress?: (done: number, total: number) => void;
    /** Each configuration's own progress (trees), by its name. */
    onRunProgress?: (name: string, stage: string, done: number, total: number) => void;
  } = {},
): Promise<Comparison> {
  const started = performance.now();
  const configs = expandGrid(grid);
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? 2, configs.length));
  const results: (TrainResult | undefined)[] = new Array(configs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < configs.length) {
      const i = next++;
      if (opts.signal?.aborted) throw new Error('comparison cancelled');
      results[i] = await trainRun(ws, dataset, { ...configs[i].config, note: configs[i].config.note ?? `compare: ${configs[i].name}` }, {
        signal: opts.signal,
        onProgress: (stage, d, t) => opts.onRunProgress?.(configs[i].name, stage, d, t),
      });
      opts.onProgress?.(++done, configs.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  const trained = results as TrainResult[];
  const testFrom = (r: TrainResult): string | null => (r.split as { testFrom?: string }).testFrom ?? null;
  const rows: Omit<LeaderboardRow, 'rank' | 'notClearlyWorse'>[] = trained.map((r, i) => ({
    name: configs[i].name,
    kind: 'model',
    runId: r.runId,
    trees: r.trees,
    metrics: r.metrics,
    testFrom: testFrom(r),
  }));
  rows.push(
    { name: 'baseline: prior DNA rate', kind: 'baseline', runId: null, trees: null, metrics: trained[0].baselines.priorDnaRate, testFrom: testFrom(trained[0]) },
    { name: `baseline: logistic regression (features of ${configs[0].name})`, kind: 'baseline', runId: null, trees: null, metrics: trained[0].baselines.logistic, testFrom: testFrom(trained[0]) },
  );
  return {
    dataset,
    leaderboard: rankLeaderboard(rows),
    seconds: (performance.now() - started) / 1000,
  };
}
