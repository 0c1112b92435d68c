import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoExtract } from '../../core/demo/index.ts';
import { readTreeEnsemble } from '../../core/engine/index.ts';
import { importExtract } from '../../core/import/index.ts';
import { getRun, getRunModel, listRuns } from '../../core/journal/index.ts';
import { evaluateRun, trainRun } from '../../core/train/index.ts';
import { openWorkspace, type Workspace } from '../../core/workspace/index.ts';

let ws: Workspace;
const dir = mkdtempSync(join(tmpdir(), 'attend-train-'));
const quick = { params: { trees: 60, maxDepth: 4, eta: 0.1 } };

beforeAll(async () => {
  const csv = join(dir, 'demo.csv');
  await writeDemoExtract({ out: csv, rows: 12_000, seed: 5 });
  ws = await openWorkspace(join(dir, 'ws.sqlite'));
  await importExtract(ws, csv, { dataset: 'demo' });
});
afterAll(async () => ws.close());

describe('trainRun', () => {
  it('trains, stops early, measures the holdout beside baselines and records the run', async () => {
    const r = await trainRun(ws, 'demo', { ...quick, note: 'first try' });
    expect(r.trees).toBeGreaterThan(0);
    expect(r.trees).toBeLessThanOrEqual(60);
    expect(r.params.trees).toBe(60);
    expect(r.split.kind).toBe('temporal');
    expect(r.split.rows.train + r.split.rows.validation + r.split.rows.test).toBeGreaterThan(9000);
    expect(r.metrics.n).toBe(r.split.rows.test);
    // The demo's DNA behaviour is learnable: the model beats chance clearly.
    expect(r.metrics.auc).toBeGreaterThan(0.62);
    expect(r.baselines.priorDnaRate.n).toBe(r.metrics.n);
    expect(r.baselines.logistic.auc).toBeGreaterThan(0.55);
    expect(r.datasetFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);

    const stored = await getRun(ws.db, r.runId);
    expect(stored.note).toBe('first try');
    expect(stored.trees).toBe(r.trees);
    expect(stored.featureSpecHash).toBe(r.featureSpecHash);
    expect((stored.metrics as { holdout: { auc: number } }).holdout.auc).toBe(r.metrics.auc);
    // The saved model keeps exactly the early-stopped number of trees.
    expect(readTreeEnsemble(await getRunModel(ws.db, r.runId)).numTrees).toBe(r.trees);
    expect((await listRuns(ws.db, { dataset: 'demo' })).map((x) => x.id)).toContain(r.runId);
  });

  it('recalibrates on the validation slice (Platt by default), stores it with the run, and can be switched off', async () => {
    const platt = await trainRun(ws, 'demo', quick);
    expect(platt.calibration?.method).toBe('platt');
    expect(platt.metrics.n).toBe(platt.uncalibratedMetrics.n);
    // A monotone map keeps the ranking: AUC is unchanged, the probabilities are not.
    expect(platt.metrics.auc).toBeCloseTo(platt.uncalibratedMetrics.auc as number, 12);
    expect(platt.metrics.brier).not.toBe(platt.uncalibratedMetrics.brier);
    expect((await getRun(ws.db, platt.runId)).calibration).toEqual(platt.calibration);

    const none = await trainRun(ws, 'demo', { ...quick, calibration: 'none' });
    expect(none.calibration).toBeNull();
    expect(none.metrics).toEqual(none.uncalibratedMetrics);
    expect((await getRun(ws.db, none.runId)).calibration).toBeNull();

    const iso = await trainRun(ws, 'demo', { ...quick, calibration: 'isotonic' });
    expect(iso.calibration?.method).toBe('isotonic');
    expect(iso.uncalibratedMetrics).toEqual(none.uncalibratedMetrics);
  });

  it('evaluates a stored run on the same test slice, agreeing with the metrics recorded at training', async () => {
    const r = await trainRun(ws, 'demo', quick);
    const e = await evaluateRun(ws, r.runId);
    expect(e.slice.from).toBe(r.split.testFrom);
    expect(e.evaluation.n).toBe(r.metrics.n);
    expect(e.evaluation.events).toBe(r.metrics.events);
    expect(e.evaluation.auc).toBeCloseTo(r.metrics.auc as number, 12);
    expect(e.evaluation.brier).toBeCloseTo(r.metrics.brier, 12);
    expect(e.evaluation.logloss).toBeCloseTo(r.metrics.logloss, 12);
    const [lo, hi] = e.evaluation.aucCi as [number, number];
    expect(lo).toBeLessThan(e.evaluation.auc as number);
    expect(hi).toBeGreaterThan(e.evaluation.auc as number);
    expect(new Set(e.evaluation.subgroups.map((g) => g.variable))).toEqual(
      new Set(['age band', 'sex', 'ethnic group', 'deprivation quintile', 'specialty', 'medium']),
    );
    expect(e.importance.meanAbsShap.map((f) => f.feature).sort()).toEqual([...r.columns].sort());
    expect(JSON.parse(JSON.stringify(e)).evaluation.auc).toBe(e.evaluation.auc);
    // The journal keeps the full evaluation made at training time, equal to the one recomputed now.
    const stored = (await getRun(ws.db, r.runId)).metrics as { evaluation: typeof e.evaluation };
    expect(stored.evaluation.auc).toBe(e.evaluation.auc);
    expect(stored.evaluation.aucCi).toEqual(e.evaluation.aucCi);
    expect(stored.evaluation.subgroups).toEqual(JSON.parse(JSON.stringify(e.evaluation.subgroups)));
  });

  it('is reproducible: same data, spec, parameters and seed give byte-identical models', async () => {
    const a = await trainRun(ws, 'demo', quick);
    const b = await trainRun(ws, 'demo', quick);
    const c = await trainRun(ws, 'demo', { params: { ...quick.params, seed: 7 } });
    const [ma, mb, mc] = await Promise.all([a, b, c].map((r) => getRunModel(ws.db, r.runId)));
    expect(Buffer.from(ma).equals(Buffer.from(mb))).toBe(true);
    expect(a.metrics).toEqual(b.metrics);
    expect(a.datasetFingerprint).toBe(b.datasetFingerprint);
    expect(a.runId).not.toBe(b.runId);
    expect(Buffer.from(ma).equals(Buffer.from(mc))).toBe(false);
  });

  it('trains on a feature subset, which changes the spec hash', async () => {
    const full = await trainRun(ws, 'demo', quick);
    const subset = await trainRun(ws, 'demo', { ...quick, features: ['prior_dnas', 'lead_days', 'age'] });
    expect(subset.columns).toEqual(['prior_dnas', 'lead_days', 'age']);
    expect(subset.featureSpecHash).not.toBe(full.featureSpecHash);
  });

  it('evaluates with patient-grouped k-fold when asked', async () => {
    const r = await trainRun(ws, 'demo', { params: { trees: 20, maxDepth: 3 }, split: { kind: 'patient-kfold', folds: 3, seed: 1 } });
    expect(r.trees).toBe(20);
    expect(r.metrics.n).toBe(r.split.rows.train);
    expect(r.metrics.auc).toBeGreaterThan(0.6);
    await expect(evaluateRun(ws, r.runId)).rejects.toThrow(/cross-validated/);
  });

  it('names a bad parameter, an unknown feature and an unknown dataset', async () => {
    await expect(trainRun(ws, 'demo', { params: { maxDepth: -2 } })).rejects.toThrow(/maxDepth/);
    await expect(trainRun(ws, 'demo', { features: ['shoe_size'] })).rejects.toThrow(/shoe_size/);
    await expect(trainRun(ws, 'nope', quick)).rejects.toThrow(/nope/);
  });

  it('cancels when asked, recording nothing', async () => {
    const before = (await listRuns(ws.db)).length;
    const controller = new AbortController();
    const pending = trainRun(ws, 'demo', { params: { trees: 2000 } }, {
      signal: controller.signal,
      onProgress: (stage, done) => {
        if (stage === 'training' && done > 0) controller.abort();
      },
    });
    await expect(pending).rejects.toThrow(/cancelled/);
    expect((await listRuns(ws.db)).length).toBe(before);
  });
});
