import { beforeAll, describe, expect, it } from 'vitest';
import { readTreeEnsemble, trainBooster, type TreeEnsemble } from '../../core/engine/index.ts';
import { meanAbsShap, rankFeatures, shapValues, splitCounts, totalGain } from '../../core/explain/index.ts';
import { hasPythonXgboost } from '../engine/helpers/python-oracle.ts';
import { SYNTHETIC_COLUMNS, syntheticDna } from '../engine/helpers/synthetic.ts';
import { pythonContribs } from './helpers/contribs-oracle.ts';
import { handEnsemble } from './hand-ensemble.ts';

describe('structural importance on the hand-built ensemble', () => {
  const e = handEnsemble();

  it('sums gain and counts splits per feature, ignoring leaves', () => {
    expect(Array.from(totalGain(e))).toEqual([5 + 3 + 0.5, 2 + 1]);
    expect(Array.from(splitCounts(e))).toEqual([3, 2]);
    expect(Array.from(totalGain(e, 1))).toEqual([5, 3]);
  });

  it('never counts pruned nodes', () => {
    // Turn tree 1's inner split into a pruned stub: the root now points at leaves only.
    const pruned = { ...e, left: Int32Array.from(e.left), deleted: Uint8Array.from(e.deleted) };
    pruned.left[7] = 3;
    pruned.deleted[8] = 1;
    expect(Array.from(splitCounts(pruned))).toEqual([2, 2]);
  });

  it('ranks features by importance with their names', () => {
    expect(rankFeatures(totalGain(e), ['priorDna', 'age'])).toEqual([
      { feature: 'priorDna', importance: 8.5 },
      { feature: 'age', importance: 3 },
    ]);
    expect(() => rankFeatures([1, 2], ['a'])).toThrow('rankFeatures: 2 importances but 1 feature names');
  });
});

describe('importance of a trained model', () => {
  const train = syntheticDna(3000, 31);
  let model: Uint8Array;
  let ensemble: TreeEnsemble;

  beforeAll(async () => {
    ({ model } = await trainBooster(train, { trees: 30, maxDepth: 5, eta: 0.2, seed: 3, baseScore: 0.08 }));
    ensemble = readTreeEnsemble(model);
  });

  it('mean |SHAP| over all rows equals the average of shapValues', () => {
    const rows = 300;
    const x = train.x.subarray(0, rows * train.cols);
    const { values } = shapValues(ensemble, x, rows, train.cols);
    const mean = meanAbsShap(ensemble, x, rows, train.cols);
    for (let j = 0; j < train.cols; j++) {
      let sum = 0;
      for (let r = 0; r < rows; r++) sum += Math.abs(values[r * train.cols + j]);
      expect(mean[j]).toBeCloseTo(sum / rows, 12);
    }
  });

  it('samples large matrices deterministically, and the seed matters', () => {
    const a = meanAbsShap(ensemble, train.x, train.rows, train.cols, { maxRows: 200 });
    const b = meanAbsShap(ensemble, train.x, train.rows, train.cols, { maxRows: 200 });
    const c = meanAbsShap(ensemble, train.x, train.rows, train.cols, { maxRows: 200, seed: 2 });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    // A sample of 200 already finds the feature that leads over all 3000 rows.
    const full = meanAbsShap(ensemble, train.x, train.rows, train.cols, { maxRows: train.rows });
    expect(rankFeatures(a, SYNTHETIC_COLUMNS)[0].feature).toBe(rankFeatures(full, SYNTHETIC_COLUMNS)[0].feature);
    expect(() => meanAbsShap(ensemble, train.x, train.rows, train.cols, { maxRows: 0 })).toThrow('maxRows must be a whole number of at least 1, got 0');
  });

  it.skipIf(!hasPythonXgboost)("equals Python XGBoost's get_score total_gain and weight", () => {
    const py = pythonContribs(model, train.x.subarray(0, train.cols), 1, train.cols);
    const gain = totalGain(ensemble);
    const weight = splitCounts(ensemble);
    for (let j = 0; j < train.cols; j++) {
      const key = `f${j}`;
      expect(weight[j]).toBe(py.weight[key] ?? 0);
      const pyGain = py.totalGain[key] ?? 0;
      expect(Math.abs(gain[j] - pyGain)).toBeLessThanOrEqual(1e-5 * Math.max(1, pyGain));
    }
    expect(Object.keys(py.weight).length).toBeGreaterThan(4);
  });
});
