import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoExtract } from '../../core/demo/index.ts';
import { importExtract } from '../../core/import/index.ts';
import { compareRuns, getRun, listRuns, setRunArchived, setRunNote } from '../../core/journal/index.ts';
import { compareConfigs, expandGrid } from '../../core/train/index.ts';
import { openWorkspace, type Workspace } from '../../core/workspace/index.ts';

let ws: Workspace;
const dir = mkdtempSync(join(tmpdir(), 'attend-compare-'));

beforeAll(async () => {
  const csv = join(dir, 'demo.csv');
  await writeDemoExtract({ out: csv, rows: 10_000, seed: 3 });
  ws = await openWorkspace(join(dir, 'ws.sqlite'));
  await importExtract(ws, csv, { dataset: 'demo' });
});
afterAll(async () => ws.close());

describe('expandGrid', () => {
  it('crosses parameter lists over the base and names each configuration', () => {
    const configs = expandGrid({ base: { params: { trees: 50 } }, params: { maxDepth: [3, 5], eta: [0.1, 0.2] } });
    expect(configs.map((c) => c.name)).toEqual(['maxDepth 3, eta 0.1', 'maxDepth 3, eta 0.2', 'maxDepth 5, eta 0.1', 'maxDepth 5, eta 0.2']);
    expect(configs[3].config.params).toEqual({ trees: 50, maxDepth: 5, eta: 0.2 });
    expect(expandGrid({}).length).toBe(3);
    expect(() => expandGrid({ params: { maxDepth: [1, 2, 3, 4, 5, 6, 7, 8], eta: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7] } })).toThrow(/56 configurations/);
  });
});

describe('compareConfigs', () => {
  it('trains every configuration, records each run, and ranks models with baselines and CIs', async () => {
    const c = await compareConfigs(ws, 'demo', {
      base: { params: { trees: 40 } },
      variants: [
        { name: 'shallow', params: { maxDepth: 2 } },
        { name: 'deeper', params: { maxDepth: 4 } },
        { name: 'history only', features: ['prior_dnas', 'prior_dna_rate', 'days_since_last_dna'] },
      ],
    });
    expect(c.leaderboard.length).toBe(5);
    expect(c.leaderboard.filter((r) => r.kind === 'baseline').length).toBe(2);
    expect(c.leaderboard.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < c.leaderboard.length; i++) {
      expect(c.leaderboard[i - 1].metrics.auc as number).toBeGreaterThanOrEqual(c.leaderboard[i].metrics.auc as number);
    }
    const best = c.leaderboard[0].metrics.auc as number;
    for (const r of c.leaderboard) {
      const [lo, hi] = r.metrics.aucCi as [number, number];
      expect(lo).toBeLessThan(r.metrics.auc as number);
      expect(r.notClearlyWorse).toBe(r.rank === 1 || hi >= best);
    }
    const runs = c.leaderboard.filter((r) => r.runId).map((r) => r.runId as string);
    expect(runs.length).toBe(3);
    for (const id of runs) expect((await getRun(ws.db, id)).note).toMatch(/^compare: /);
  });
});

describe('journal', () => {
  it('compares runs side by side, keeps notes, and archives without deleting', async () => {
    const events: { name: string; stage: string; done: number; total: number }[] = [];
    const c = await compareConfigs(
      ws,
      'demo',
      { variants: [{ name: 'shallow', params: { trees: 20, maxDepth: 2 } }, { name: 'deeper', params: { trees: 20, maxDepth: 3 } }] },
      { onRunProgress: (name, stage, done, total) => events.push({ name, stage, done, total }) },
    );
    // Each configuration reports its own trees, up to all 20.
    for (const name of ['shallow', 'deeper']) {
      const trees = events.filter((e) => e.name === name && e.stage === 'training');
      expect(trees.length).toBeGreaterThan(1);
      expect(trees.at(-1)).toEqual({ name, stage: 'training', done: 20, total: 20 });
    }
    const [a, b] = c.leaderboard.filter((r) => r.runId).map((r) => r.runId as string);
    const side = await compareRuns(ws.db, [a, b]);
    expect(side.runs.map((r) => r.id)).toEqual([a, b]);
    expect(side.differingParams).toEqual(['maxDepth']);
    expect(side.sameFeatureSpec).toBe(true);
    expect(side.sameData).toBe(true);
    await expect(compareRuns(ws.db, [a])).rejects.toThrow(/at least two/);

    await setRunNote(ws.db, a, 'kept for the board paper');
    expect((await getRun(ws.db, a)).note).toBe('kept for the board paper');
    await setRunArchived(ws.db, b, true);
    expect((await listRuns(ws.db)).map((r) => r.id)).not.toContain(b);
    expect((await listRuns(ws.db, { includeArchived: true })).map((r) => r.id)).toContain(b);
    expect((await getRun(ws.db, b)).archived).toBe(true);
    await expect(setRunNote(ws.db, 'run-nope', 'x')).rejects.toThrow(/run-nope/);
  });
});
