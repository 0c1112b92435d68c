import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, trustSigningKey, validateBundle } from '../../core/bundle/index.ts';
import { writeDemoExtract } from '../../core/demo/index.ts';
import { importExtract } from '../../core/import/index.ts';
import { loadDatasetTable } from '../../core/features/index.ts';
import { getRun, listRuns } from '../../core/journal/index.ts';
import { evaluateRun, type HoldoutMetrics } from '../../core/train/index.ts';
import { trainedBundle, type TrainedBundle } from './helpers/trained-bundle.ts';

let b: TrainedBundle;
let bundlePath: string;
beforeAll(async () => {
  b = await trainedBundle();
  bundlePath = join(b.dir, 'model.zip');
  await exportBundle(b.ws, b.runId, bundlePath);
  // Another trust's extract: same shape, different patients and seed.
  const other = join(b.dir, 'other-trust.csv');
  await writeDemoExtract({ out: other, rows: 8_000, seed: 97 });
  await importExtract(b.ws, other, { dataset: 'other trust' });
}, 180_000);
afterAll(async () => b?.ws.close());

describe('validateBundle', () => {
  it('on the training data reproduces the original run exactly, and joins the leaderboard', async () => {
    const r = await validateBundle(b.ws, bundlePath, 'demo');
    const original = await getRun(b.ws.db, b.runId);
    const holdout = (original.metrics as { holdout: HoldoutMetrics }).holdout;
    expect(r.testSlice.from).toBe((original.split as { testFrom: string }).testFrom);
    // Same model (read back from XGBoost JSON), same calibration, same slice: the same numbers.
    expect(r.testSlice.metrics).toEqual(holdout);
    expect(r.bundle.signed).toBe(true);
    expect(r.bundle.keyFingerprint).toBe((await trustSigningKey(b.ws.db)).fingerprint);
    const stored = await getRun(b.ws.db, r.runId);
    expect(stored.kind).toBe('bundle');
    expect(stored.note).toContain('signed by sha256:');
    const board = r.leaderboard.filter((l) => l.runId === r.runId || l.runId === b.runId);
    expect(board.map((l) => l.kind).sort()).toEqual(['bundle', 'model']);
    expect(board[0].metrics.auc).toBe(board[1].metrics.auc);
    expect(r.leaderboard.some((l) => l.kind === 'baseline')).toBe(true);
    // The journal's evaluation of the imported run works like any local run's.
    const evaluated = await evaluateRun(b.ws, r.runId);
    expect(evaluated.evaluation.auc).toBe(holdout.auc);
    // Levels too rare to learn are pooled as other even on the training data: the share counts those too.
    const table = await loadDatasetTable(b.ws, 'demo', b.pipeline.features.spec);
    const expected = b.pipeline.features.spec.features.flatMap((f) => {
      if (f.kind !== 'category') return [];
      const col = table.text[f.column]!;
      const levels = new Set(b.pipeline.features.categories[f.name].levels);
      const valued = [...col.codes].filter((c) => c >= 0);
      return [{ feature: f.name, column: f.column, valued: valued.length, unseenShare: valued.filter((c) => !levels.has(col.labels[c])).length / valued.length, trainingShare: b.pipeline.features.categories[f.name].otherShare as number }];
    });
    expect(r.coverage).toEqual(expected);
    expect(r.coverage.find((c) => c.feature === 'medium')?.unseenShare).toBe(0);
  });

  it('validates externally on another dataset with every metric and records a local recalibration', async () => {
    const r = await validateBundle(b.ws, bundlePath, 'other trust', { recalibrate: 'isotonic' });
    const labelled = (await listRuns(b.ws.db, { dataset: 'other trust' })).length;
    expect(labelled).toBe(2);
    expect(r.external.n).toBeGreaterThan(5_000);
    expect(r.external.auc).toBeGreaterThan(0.6);
    expect(r.external.aucCi?.[0]).toBeLessThan(r.external.auc as number);
    expect(r.external.calibrationSlope).not.toBeNull();
    expect(r.external.reliability.length).toBeGreaterThan(3);
    expect(r.external.subgroups.some((s) => s.variable === 'age band')).toBe(true);
    expect(r.external.roc?.points).toBeGreaterThan(10);
    const recal = r.recalibrated!;
    expect(recal.method).toBe('isotonic');
    const stored = await getRun(b.ws.db, recal.runId);
    expect(stored.kind).toBe('bundle-recalibrated');
    expect(stored.parentRunId).toBe(r.runId);
    expect(stored.calibration).toEqual(recal.calibration);
    // Recalibration never changes the ranking much (isotonic ties can only lower AUC a little) and is scored on days it was not fitted on.
    expect(recal.fittedOn.from < r.testSlice.from).toBe(true);
    expect((await evaluateRun(b.ws, recal.runId)).evaluation.auc).toBe(recal.testSlice.auc);
    expect(r.leaderboard.filter((l) => l.kind === 'bundle').map((l) => l.runId).sort()).toEqual([r.runId, recal.runId].sort());
  });

  it('validates a dataset too short for training slices, and refuses a recalibration it cannot fit without writing anything', async () => {
    // 200 days, three appointments a day; DNAs only outside the 91 days before the test days.
    const lines = ['Appointment ID,Local Patient Number,Appointment Date,Attended or Did Not Attend'];
    const start = Date.UTC(2025, 0, 1);
    for (let d = 0; d < 200; d++) {
      const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
      for (let k = 0; k < 3; k++) {
        const n = d * 3 + k;
        const inValidation = d >= 18 && d < 109;
        lines.push(`S${n},P${n % 40},${date},${!inValidation && n % 7 === 0 ? 3 : 5}`);
      }
    }
    const short = join(b.dir, 'short.csv');
    writeFileSync(short, lines.join('\n') + '\n');
    await importExtract(b.ws, short, { dataset: 'short' });
    await expect(validateBundle(b.ws, bundlePath, 'short', { recalibrate: 'platt' })).rejects.toThrow(
      'cannot recalibrate on dataset "short": the 273 appointments from 2025-01-19 before the test days are all attended; both outcomes are needed',
    );
    expect(await listRuns(b.ws.db, { dataset: 'short', includeArchived: true })).toEqual([]);
    const r = await validateBundle(b.ws, bundlePath, 'short');
    expect(r.external.n).toBe(600);
    expect(r.testSlice.from).toBe('2025-04-20');
    expect(r.testSlice.metrics.n).toBe(273);
    expect((await listRuns(b.ws.db, { dataset: 'short' })).map((x) => x.kind)).toEqual(['bundle']);
  });

  it('refuses an untrusted signer and an unknown dataset', async () => {
    await expect(validateBundle(b.ws, bundlePath, 'demo', { trustedKeys: ['sha256:' + 'a'.repeat(64)] })).rejects.toThrow('which is not among the trusted keys');
    await expect(validateBundle(b.ws, bundlePath, 'nope')).rejects.toThrow(/nope/);
  });
});
