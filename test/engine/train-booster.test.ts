import { describe, expect, it } from 'vitest';
import { CANCELLED, engineVersion, predictWithEngine, readModel, trainBooster } from '../../core/engine/index.ts';
import { syntheticDna } from './helpers/synthetic.ts';

const data = syntheticDna(10_000, 1);
const params = { trees: 20, maxDepth: 4, seed: 7 };

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

describe('trainBooster', () => {
  it('trains in chunks, reporting progress, and returns a model with the asked trees', async () => {
    const progress: [number, number][] = [];
    const result = await trainBooster(data, params, { chunk: 6, onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([[6, 20], [12, 20], [18, 20], [20, 20]]);
    expect(result.trees).toBe(20);
    // silent=1 leaves one notice, captured rather than printed.
    expect(result.log).toHaveLength(1);
    expect(result.log[0]).toMatch(/Tree method is selected to be 'hist'/);
    const model = readModel(result.model);
    expect(model.kind).toBe('gbtree');
    expect(model.kind === 'gbtree' && model.numTrees).toBe(20);
    expect(model.numFeature).toBe(8);
  });

  it('continues boosting across chunks: chunks of 1, 7 and 20 rounds give byte-identical models', async () => {
    const [one, seven, whole] = await Promise.all([1, 7, 20].map((chunk) => trainBooster(data, params, { chunk })));
    expect(sameBytes(one.model, whole.model)).toBe(true);
    expect(sameBytes(seven.model, whole.model)).toBe(true);
  });

  it('is reproducible in fresh workers, and the seed matters', async () => {
    const a = await trainBooster(data, params);
    const b = await trainBooster(data, params);
    const c = await trainBooster(data, { ...params, seed: 8 });
    expect(sameBytes(a.model, b.model)).toBe(true);
    expect(sameBytes(a.model, c.model)).toBe(false);
  });

  it('trains the gblinear baseline', async () => {
    const result = await trainBooster(data, { booster: 'gblinear', trees: 30, eta: 0.5 });
    const model = readModel(result.model);
    expect(model.kind).toBe('gblinear');
    // priorDna (column 2) raises the risk, age (column 0) lowers it.
    expect(model.kind === 'gblinear' && model.weights[2] > 0 && model.weights[0] < 0).toBe(true);
  });

  it('moves the matrix to the worker when transfer is set', async () => {
    const copy = syntheticDna(2_000, 3);
    await trainBooster(copy, { trees: 2 }, { transfer: true });
    expect(copy.x.byteLength).toBe(0);
    expect(copy.y.byteLength).toBe(0);
  });

  it('refuses NaN before it reaches the engine, naming the row and column', async () => {
    const bad = { ...data, x: data.x.slice() };
    bad.x[5 * 8 + 3] = Number.NaN;
    await expect(trainBooster(bad, params)).rejects.toThrow('x has NaN at row 5, column 3');
  });

  it('refuses a bad parameter by name', async () => {
    await expect(trainBooster(data, { eta: 2 })).rejects.toThrow('Parameter eta must be in (0, 1], got 2');
    await expect(trainBooster(data, { monotoneConstraints: new Array(9).fill(0) })).rejects.toThrow('monotoneConstraints has 9 entries but the data has 8 columns');
  });

  it('cancels: rejects with "training cancelled" once aborted mid-training', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = trainBooster(data, { trees: 2000, maxDepth: 6 }, {
      chunk: 1,
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done === 3) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(CANCELLED);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('rejects at once when the signal is already aborted', async () => {
    await expect(trainBooster(data, params, { signal: AbortSignal.abort() })).rejects.toThrow('training cancelled');
  });

  it('turns an abort inside WebAssembly into a rejected promise and keeps the process running', async () => {
    const { model } = await trainBooster(data, params);
    const corrupt = model.slice();
    corrupt.fill(0xff, 200, 400);
    const failure = await predictWithEngine(corrupt, data.x.subarray(0, 8), 1, 8).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^engine failed: abort\(\)/);
    // The calling process carries on: the engine still trains.
    const again = await trainBooster(data, params);
    expect(sameBytes(again.model, model)).toBe(true);
  });
});

describe('engineVersion', () => {
  it('names XGBoost 0.72 in WebAssembly and the package version', () => {
    expect(engineVersion()).toBe('xgboost-0.72-wasm (ml-xgboost 1.1.2)');
  });
});
