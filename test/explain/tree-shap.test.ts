import { beforeAll, describe, expect, it } from 'vitest';
import { leafIndex, predictMargin, readTreeEnsemble, trainBooster, type TreeEnsemble } from '../../core/engine/index.ts';
import { shapValues } from '../../core/explain/index.ts';
import { hasPythonXgboost, maxAbsDiff } from '../engine/helpers/python-oracle.ts';
import { syntheticDna } from '../engine/helpers/synthetic.ts';
import { pythonContribs } from './helpers/contribs-oracle.ts';
import { handEnsemble } from './hand-ensemble.ts';

describe('shapValues on a hand-built ensemble', () => {
  const e = handEnsemble();
  // Row 0 = (0, 2): tree 0 -> leaf 3 (value 3), tree 1 -> leaf 4 (value 1).
  // Row 1 = (missing, missing): tree 0 -> right then left (value 2), tree 1 -> left then right (value 1).
  const x = Float32Array.from([0, 2, -1, -1]);
  const { values, bias } = shapValues(e, x, 2, 2);

  it('has bias = baseMargin + cover-weighted mean leaves: 0.5 + 34/10 + 11/8', () => {
    expect(bias).toBeCloseTo(0.5 + 3.4 + 1.375, 12);
  });

  it('matches the Shapley values worked out by hand', () => {
    // Tree 0, row 0: v({}) = 17/5, v({f0}) = 7/3, v({f1}) = 0.6*3 + 0.4*6 = 21/5, v({f0,f1}) = 3,
    // so phi0 = ((7/3 - 17/5) + (3 - 21/5)) / 2 = -17/15 and phi1 = ((21/5 - 17/5) + (3 - 7/3)) / 2 = 11/15.
    // Tree 1 uses only f0: phi0 = f(x) - E = 1 - 11/8 for both rows.
    // Tree 0, row 1: v({f0}) = 5, v({f1}) = 0.6*1 + 0.4*2 = 1.4, v({f0,f1}) = 2,
    // so phi0 = ((5 - 3.4) + (2 - 1.4)) / 2 = 1.1 and phi1 = ((1.4 - 3.4) + (2 - 5)) / 2 = -2.5.
    const expected = [-17 / 15 - 3 / 8, 11 / 15, 1.1 - 3 / 8, -2.5];
    for (let i = 0; i < 4; i++) expect(values[i]).toBeCloseTo(expected[i], 12);
  });

  it('adds up to the margin of each row', () => {
    const margin = predictMargin(e, x, 2, 2);
    expect(bias + values[0] + values[1]).toBeCloseTo(margin[0], 12);
    expect(bias + values[2] + values[3]).toBeCloseTo(margin[1], 12);
    expect(Array.from(margin)).toEqual([4.5, 3.5]);
  });

  it('uses only the first trees under treeLimit', () => {
    const one = shapValues(e, x, 2, 2, 1);
    expect(one.bias).toBeCloseTo(3.9, 12);
    expect(one.values[0]).toBeCloseTo(-17 / 15, 12);
    expect(one.values[3]).toBeCloseTo(-2.5, 12);
  });

  it('refuses bad input and covers it cannot use', () => {
    expect(() => shapValues(e, new Float32Array(3), 1, 3)).toThrow('the model expects 2 columns, x has 3');
    expect(() => shapValues(e, Float32Array.from([Number.NaN, 0]), 1, 2)).toThrow('x has NaN at row 0, column 0');
    expect(() => shapValues(e, x, 2, 2, 3)).toThrow('treeLimit must be a whole number from 1 to 2, got 3');
    const noCover = { ...e, cover: new Float32Array(12) };
    expect(() => shapValues(noCover, x, 2, 2)).toThrow('tree 0 node 0 has cover 0');
  });
});

describe('shapValues on a trained model', () => {
  const train = syntheticDna(3000, 21);
  const test = syntheticDna(1500, 22);
  let model: Uint8Array;
  let ensemble: TreeEnsemble;

  beforeAll(async () => {
    ({ model } = await trainBooster(train, { trees: 40, maxDepth: 6, eta: 0.2, seed: 5, baseScore: 0.08 }));
    ensemble = readTreeEnsemble(model);
  });

  it('adds up to the margin of every row', () => {
    const { values, bias } = shapValues(ensemble, test.x, test.rows, test.cols);
    const margin = predictMargin(ensemble, test.x, test.rows, test.cols);
    let exact = 0;
    let stored = 0;
    for (let r = 0; r < test.rows; r++) {
      let sum = bias;
      for (let j = 0; j < test.cols; j++) sum += values[r * test.cols + j];
      // The same leaves summed in float64, so only SHAP's own rounding shows.
      let leaves = ensemble.baseMargin;
      for (let t = 0; t < ensemble.numTrees; t++) leaves += ensemble.leafValue[ensemble.treeOffsets[t] + leafIndex(ensemble, t, test.x, test.cols, r)];
      exact = Math.max(exact, Math.abs(sum - leaves));
      stored = Math.max(stored, Math.abs(sum - margin[r]));
    }
    expect(exact).toBeLessThan(1e-9);
    // predictMargin accumulates in float32 as XGBoost does.
    expect(stored).toBeLessThan(1e-5);
  });

  it.skipIf(!hasPythonXgboost)('equals Python XGBoost pred_contribs, all trees and the first 10', () => {
    for (const trees of [0, 10]) {
      const py = pythonContribs(model, test.x, test.rows, test.cols, trees);
      const ours = shapValues(ensemble, test.x, test.rows, test.cols, trees || undefined);
      const width = test.cols + 1;
      const features = new Float64Array(test.rows * test.cols);
      const biases = new Float64Array(test.rows);
      for (let r = 0; r < test.rows; r++) {
        for (let j = 0; j < test.cols; j++) features[r * test.cols + j] = py.contribs[r * width + j];
        biases[r] = py.contribs[r * width + test.cols];
      }
      expect(maxAbsDiff(ours.values, features)).toBeLessThan(1e-5);
      expect(maxAbsDiff(new Float64Array(test.rows).fill(ours.bias), biases)).toBeLessThan(1e-5);
    }
  });
});
