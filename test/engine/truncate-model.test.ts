import { beforeAll, describe, expect, it } from 'vitest';
import { predictMargin, predictWithEngine, readTreeEnsemble, trainBooster, truncateModel } from '../../core/engine/index.ts';
import { hasPythonXgboost, maxAbsDiff, pythonDump, pythonPredict } from './helpers/python-oracle.ts';
import { syntheticDna } from './helpers/synthetic.ts';

const train = syntheticDna(10_000, 1);
const test = syntheticDna(10_000, 2);
let binary: Uint8Array;

beforeAll(async () => {
  ({ model: binary } = await trainBooster(train, { trees: 30, maxDepth: 5, seed: 5 }));
});

describe('truncateModel', () => {
  it('keeps exactly the first k trees, node for node', () => {
    const full = readTreeEnsemble(binary);
    const cut = readTreeEnsemble(truncateModel(binary, 12));
    expect(cut.numTrees).toBe(12);
    const nodes = full.treeOffsets[12];
    expect(cut.treeOffsets).toEqual(full.treeOffsets.subarray(0, 13));
    expect(cut.threshold).toEqual(full.threshold.subarray(0, nodes));
    expect(cut.leafValue).toEqual(full.leafValue.subarray(0, nodes));
    expect(cut.baseMargin).toBe(full.baseMargin);
  });

  it('returns an identical copy when keeping every tree', () => {
    const same = truncateModel(binary, 30);
    expect(same).toEqual(binary);
    expect(same).not.toBe(binary);
  });

  it('refuses a tree count outside 1..trees', () => {
    expect(() => truncateModel(binary, 0)).toThrow('trees must be a whole number from 1 to 30, got 0');
    expect(() => truncateModel(binary, 31)).toThrow('trees must be a whole number from 1 to 30, got 31');
  });

  it('writes a model the engine loads, predicting like treeLimit k', async () => {
    const cut = truncateModel(binary, 7);
    const x = test.x.subarray(0, 50 * test.cols);
    const engine = await predictWithEngine(cut, x, 50, test.cols);
    const ours = predictMargin(readTreeEnsemble(binary), x, 50, test.cols, 7).map((m) => 1 / (1 + Math.exp(-m)));
    expect(maxAbsDiff(engine, ours)).toBeLessThanOrEqual(1e-6);
  });
});

describe.skipIf(!hasPythonXgboost)('truncateModel against Python XGBoost 1.7', () => {
  it('loads in Python with k trees and predicts as our predictor with treeLimit k', () => {
    const cut = truncateModel(binary, 9);
    expect(pythonDump(cut).dump).toHaveLength(9);
    const py = pythonPredict(cut, test.x, test.rows, test.cols);
    const ours = predictMargin(readTreeEnsemble(binary), test.x, test.rows, test.cols, 9);
    expect(maxAbsDiff(ours, py.margin)).toBeLessThanOrEqual(1e-6);
  });
});
