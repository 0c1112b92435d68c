import { beforeAll, describe, expect, it } from 'vitest';
import {
  bestTreeCount, leafIndex, logLossByTreePrefix, marginsByTreePrefix, predictMargin, predictProbability, predictWithEngine,
  readModel, readTreeEnsemble, trainBooster, type TreeEnsemble,
} from '../../core/engine/index.ts';
import { perfectTrees } from '../../core/engine/perfect-trees.ts';
import { addTreeToMargins } from '../../core/engine/tree-walk.ts';
import { hasPythonXgboost, maxAbsDiff, pythonPredict } from './helpers/python-oracle.ts';
import { syntheticDna } from './helpers/synthetic.ts';

const train = syntheticDna(10_000, 1);
const test = syntheticDna(10_000, 2);
let binary: Uint8Array;
let ensemble: TreeEnsemble;

beforeAll(async () => {
  ({ model: binary } = await trainBooster(train, { trees: 60, maxDepth: 6, eta: 0.1, seed: 11, baseScore: 0.08 }));
  ensemble = readTreeEnsemble(binary);
});

/** Two trees over 2 features, built by hand: tree 0 splits f0 < 0.5 (missing left), tree 1 splits f1 < 2 (missing right). */
function handMade(): TreeEnsemble {
  return {
    kind: 'gbtree', objective: 'binary:logistic', numFeature: 2, numTrees: 2, baseMargin: 0.25,
    treeOffsets: Int32Array.from([0, 3, 6]),
    splitFeature: Int32Array.from([0, -1, -1, 1, -1, -1]),
    threshold: Float32Array.from([0.5, 0, 0, 2, 0, 0]),
    defaultLeft: Uint8Array.from([1, 0, 0, 0, 0, 0]),
    left: Int32Array.from([1, -1, -1, 1, -1, -1]),
    right: Int32Array.from([2, -1, -1, 2, -1, -1]),
    parent: Int32Array.from([-1, 0, 0, -1, 0, 0]),
    leafValue: Float32Array.from([0, -1, 1, 0, 0.5, -0.5]),
    cover: new Float32Array(6), gain: new Float32Array(6), baseWeight: new Float32Array(6), deleted: new Uint8Array(6),
  };
}

describe('predictMargin on a hand-made ensemble', () => {
  const e = handMade();
  const x = Float32Array.from([0.4, 1, 0.5, 2, -1, -1, 0.6, 3]);

  it('goes left when x < threshold, right on equality, and the default way when missing', () => {
    expect(Array.from(predictMargin(e, x, 4, 2))).toEqual([0.25 - 1 + 0.5, 0.25 + 1 - 0.5, 0.25 - 1 - 0.5, 0.25 + 1 - 0.5]);
    expect(Array.from(predictMargin(e, x, 4, 2, 1))).toEqual([-0.75, 1.25, -0.75, 1.25]);
    expect(leafIndex(e, 1, x, 2, 2)).toBe(2);
  });

  it('turns margins into probabilities with the logistic function', () => {
    expect(predictProbability(e, x, 4, 2, 1)[1]).toBe(Math.fround(1 / (1 + Math.exp(-1.25))));
  });

  it('refuses a wrong column count, NaN and a bad tree limit', () => {
    expect(() => predictMargin(e, new Float32Array(6), 2, 3)).toThrow('the model expects 2 columns, x has 3');
    expect(() => predictMargin(e, Float32Array.from([0, Number.NaN]), 1, 2)).toThrow('x has NaN at row 0, column 1');
    expect(() => predictMargin(e, x, 4, 2, 3)).toThrow('treeLimit must be a whole number from 1 to 2, got 3');
  });
});

/** One tree that is a chain of `depth` splits on feature 0: split j sends x < j + 1 to a leaf worth j, else deeper; the last leaf is worth depth. */
function chain(depth: number): TreeEnsemble {
  const n = 2 * depth + 1;
  const e = handMade();
  const split = (i: number): boolean => i < 2 * depth && i % 2 === 0;
  return {
    ...e, numFeature: 1, numTrees: 1, baseMargin: 0, treeOffsets: Int32Array.from([0, n]),
    splitFeature: Int32Array.from({ length: n }, (_, i) => (split(i) ? 0 : -1)),
    threshold: Float32Array.from({ length: n }, (_, i) => (split(i) ? i / 2 + 1 : 0)),
    defaultLeft: new Uint8Array(n),
    left: Int32Array.from({ length: n }, (_, i) => (split(i) ? i + 1 : -1)),
    right: Int32Array.from({ length: n }, (_, i) => (split(i) ? i + 2 : -1)),
    parent: Int32Array.from({ length: n }, (_, i) => (i === 0 ? -1 : 2 * Math.floor((i - 1) / 2))),
    leafValue: Float32Array.from({ length: n }, (_, i) => (split(i) ? 0 : i % 2 === 1 ? (i - 1) / 2 : depth)),
    cover: new Float32Array(n), gain: new Float32Array(n), baseWeight: new Float32Array(n), deleted: new Uint8Array(n),
  };
}

describe('predictMargin layouts', () => {
  it('walks trees deeper than the complete-tree layout allows, with the same rules', () => {
    const deep = chain(12);
    expect(perfectTrees(deep)).toBeNull();
    expect(perfectTrees(chain(10))).not.toBeNull();
    const x = Float32Array.from([12.5, 12, 0.5, -1, 3]);
    // A value v >= 0 ends in the leaf worth floor(v) (at most depth); missing goes right to the end.
    expect(Array.from(predictMargin(deep, x, 5, 1))).toEqual([12, 12, 0, 12, 3]);
    expect(Array.from(predictMargin(chain(10), Float32Array.from([10.5, 10, 0.5, -1, 3]), 5, 1))).toEqual([10, 10, 0, 10, 3]);
  });

  it('gives the same margins from the pointer walk and the complete-tree layout on a trained model', () => {
    expect(perfectTrees(ensemble)).not.toBeNull();
    const walked = new Float32Array(test.rows).fill(ensemble.baseMargin);
    for (let t = 0; t < ensemble.numTrees; t++) addTreeToMargins(ensemble, t, test.x, test.cols, 0, test.rows, walked, 0);
    expect(walked).toEqual(predictMargin(ensemble, test.x, test.rows, test.cols));
  });
});

describe('predictMargin against the engine itself', () => {
  it('equals predict_one of the WebAssembly XGBoost on sampled rows', async () => {
    const sample = 400;
    const rows = Array.from({ length: sample }, (_, i) => (i * 24_989) % test.rows);
    const x = new Float32Array(sample * test.cols);
    rows.forEach((r, i) => x.set(test.x.subarray(r * test.cols, (r + 1) * test.cols), i * test.cols));
    const engine = await predictWithEngine(binary, x, sample, test.cols);
    const ours = predictProbability(ensemble, x, sample, test.cols);
    expect(maxAbsDiff(ours, engine)).toBeLessThanOrEqual(1e-6);
    // Sanity: the sample spans low and high risks, so the comparison means something.
    expect(Math.min(...engine)).toBeLessThan(0.03);
    expect(Math.max(...engine)).toBeGreaterThan(0.3);
  });
});

describe.skipIf(!hasPythonXgboost)('predictMargin against Python XGBoost 1.7', () => {
  it('equals Python margins and probabilities on all 10k rows', () => {
    const py = pythonPredict(binary, test.x, test.rows, test.cols);
    expect(maxAbsDiff(predictMargin(ensemble, test.x, test.rows, test.cols), py.margin)).toBeLessThanOrEqual(1e-6);
    expect(maxAbsDiff(predictProbability(ensemble, test.x, test.rows, test.cols), py.prob)).toBeLessThanOrEqual(1e-6);
  });

  it('equals Python with the first 17 trees only', () => {
    const py = pythonPredict(binary, test.x, test.rows, test.cols, 17);
    expect(maxAbsDiff(predictMargin(ensemble, test.x, test.rows, test.cols, 17), py.margin)).toBeLessThanOrEqual(1e-6);
  });

  it('equals Python for the gblinear baseline', async () => {
    const { model } = await trainBooster(train, { booster: 'gblinear', trees: 20, eta: 0.5 });
    const py = pythonPredict(model, test.x, test.rows, test.cols);
    expect(maxAbsDiff(predictMargin(readModel(model), test.x, test.rows, test.cols), py.margin)).toBeLessThanOrEqual(1e-5);
    expect(maxAbsDiff(predictProbability(readModel(model), test.x, test.rows, test.cols), py.prob)).toBeLessThanOrEqual(1e-6);
  });
});

describe('tree prefixes', () => {
  it('gives, after k trees, exactly the margins of predictMargin with treeLimit k', () => {
    const seen: number[] = [];
    marginsByTreePrefix(ensemble, test.x, test.rows, test.cols, (k, margins) => {
      seen.push(k);
      expect(margins).toEqual(predictMargin(ensemble, test.x, test.rows, test.cols, k));
    }, 25);
    expect(seen).toEqual([25, 50, 60]);
  });

  it('computes the log loss of every prefix and picks the best count', () => {
    const losses = logLossByTreePrefix(ensemble, test.x, test.y, test.rows, test.cols);
    expect(losses).toHaveLength(60);
    for (const k of [1, 30, 60]) {
      const p = predictProbability(ensemble, test.x, test.rows, test.cols, k);
      let sum = 0;
      for (let r = 0; r < test.rows; r++) sum -= test.y[r] === 1 ? Math.log(p[r]) : Math.log(1 - p[r]);
      expect(losses[k - 1]).toBeCloseTo(sum / test.rows, 6);
    }
    const best = bestTreeCount(losses);
    expect(losses[best - 1]).toBe(Math.min(...losses));
    expect(losses[best - 1]).toBeLessThan(losses[0]);
  });

  it('picks the first of equal minima', () => {
    expect(bestTreeCount(Float64Array.from([3, 1, 2, 1]))).toBe(2);
  });
});
