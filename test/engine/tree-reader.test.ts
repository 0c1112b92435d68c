import { beforeAll, describe, expect, it } from 'vitest';
import { readModel, readTreeEnsemble, trainBooster, type TreeEnsemble } from '../../core/engine/index.ts';
import { hasPythonXgboost, pythonDump, type PythonDump } from './helpers/python-oracle.ts';
import { syntheticDna } from './helpers/synthetic.ts';

const data = syntheticDna(10_000, 1);
let binary: Uint8Array;
let ensemble: TreeEnsemble;

beforeAll(async () => {
  ({ model: binary } = await trainBooster(data, { trees: 25, maxDepth: 5, seed: 3, baseScore: 0.1 }));
  ensemble = readTreeEnsemble(binary);
});

function nodesOf(e: TreeEnsemble, t: number): number[] {
  return Array.from({ length: e.treeOffsets[t + 1] - e.treeOffsets[t] }, (_, i) => e.treeOffsets[t] + i);
}

describe('readModel', () => {
  it('reads the header: objective, features, trees and base score stored as a margin', () => {
    expect(ensemble.objective).toBe('binary:logistic');
    expect(ensemble.numFeature).toBe(8);
    expect(ensemble.numTrees).toBe(25);
    expect(ensemble.treeOffsets).toHaveLength(26);
    // 0.72 saves base_score after ProbToMargin: logit(0.1), in float32.
    expect(ensemble.baseMargin).toBe(Math.fround(Math.log(0.1 / 0.9)));
  });

  it('gives every tree a consistent structure', () => {
    for (let t = 0; t < ensemble.numTrees; t++) {
      const off = ensemble.treeOffsets[t];
      expect(ensemble.parent[off]).toBe(-1);
      for (const g of nodesOf(ensemble, t)) {
        if (ensemble.deleted[g] || ensemble.splitFeature[g] < 0) continue;
        expect(ensemble.parent[off + ensemble.left[g]]).toBe(g - off);
        expect(ensemble.parent[off + ensemble.right[g]]).toBe(g - off);
        expect(ensemble.splitFeature[g]).toBeLessThan(8);
      }
    }
  });

  it('refuses truncated and foreign bytes with a clear error', () => {
    expect(() => readModel(binary.subarray(0, binary.length - 100))).toThrow(/model is truncated or corrupt: tree_info needs bytes/);
    expect(() => readModel(binary.subarray(0, 100))).toThrow('model is truncated or corrupt: LearnerModelParam needs bytes 0..136 but the model has 100');
    const foreign = binary.slice();
    foreign.set(new TextEncoder().encode('dart__'), 136 + 8 + 15 + 8);
    expect(() => readModel(foreign)).toThrow('unsupported model: booster "dart__"');
  });
});

describe.skipIf(!hasPythonXgboost)('readModel against Python XGBoost 1.7', () => {
  let py: PythonDump;
  beforeAll(() => {
    py = pythonDump(binary);
  });

  it('agrees on the header', () => {
    const learner = py.json.learner;
    expect(learner.objective.name).toBe(ensemble.objective);
    expect(Number(learner.learner_model_param.num_feature)).toBe(ensemble.numFeature);
    expect(Number(learner.gradient_booster.model.gbtree_model_param?.num_trees)).toBe(ensemble.numTrees);
    // Python converts the stored margin back to a probability.
    expect(Number(learner.learner_model_param.base_score)).toBeCloseTo(0.1, 6);
  });

  it('agrees on every node of every tree', () => {
    const trees = py.json.learner.gradient_booster.model.trees ?? [];
    expect(trees).toHaveLength(ensemble.numTrees);
    trees.forEach((tree, t) => {
      const nodes = nodesOf(ensemble, t);
      expect(Number(tree.tree_param.num_nodes)).toBe(nodes.length);
      const ours = nodes.map((g) => ({
        left: ensemble.left[g],
        right: ensemble.right[g],
        parent: ensemble.parent[g] === -1 ? 2147483647 : ensemble.parent[g],
        split: ensemble.splitFeature[g] < 0 ? 0 : ensemble.splitFeature[g],
        // Python keeps the leaf value in split_conditions.
        condition: ensemble.splitFeature[g] < 0 ? ensemble.leafValue[g] : ensemble.threshold[g],
        defaultLeft: ensemble.defaultLeft[g],
        cover: ensemble.cover[g],
        gain: ensemble.gain[g],
        weight: ensemble.baseWeight[g],
      }));
      const theirs = tree.left_children.map((_, i) => ({
        left: tree.left_children[i],
        right: tree.right_children[i],
        parent: tree.parents[i],
        split: tree.split_indices[i],
        condition: Math.fround(tree.split_conditions[i]),
        defaultLeft: tree.default_left[i],
        cover: Math.fround(tree.sum_hessian[i]),
        gain: Math.fround(tree.loss_changes[i]),
        weight: Math.fround(tree.base_weights[i]),
      }));
      expect(ours).toEqual(theirs);
    });
  });

  it('matches the text dump of the first tree', () => {
    const lines = py.dump[0].split('\n').filter((l) => l.trim() !== '');
    const splits = lines.filter((l) => l.includes('[f'));
    const leaves = lines.filter((l) => l.includes('leaf='));
    const first = nodesOf(ensemble, 0);
    expect(splits).toHaveLength(first.filter((g) => ensemble.splitFeature[g] >= 0).length);
    expect(leaves).toHaveLength(first.filter((g) => ensemble.splitFeature[g] < 0 && !ensemble.deleted[g]).length);
    const root = lines[0].match(/^0:\[f(\d+)<([^\]]+)\] yes=(\d+),no=(\d+),missing=(\d+)/);
    expect(root).not.toBeNull();
    const [, f, cond, yes, no, missing] = root as RegExpMatchArray;
    expect(Number(f)).toBe(ensemble.splitFeature[0]);
    expect(Math.fround(Number(cond))).toBe(ensemble.threshold[0]);
    expect([Number(yes), Number(no)]).toEqual([ensemble.left[0], ensemble.right[0]]);
    expect(Number(missing)).toBe(ensemble.defaultLeft[0] ? ensemble.left[0] : ensemble.right[0]);
  });
});

describe.skipIf(!hasPythonXgboost)('readModel of gblinear against Python XGBoost 1.7', () => {
  it('reads the weights and bias Python reads', async () => {
    const { model } = await trainBooster(data, { booster: 'gblinear', trees: 10, eta: 0.5 });
    const linear = readModel(model);
    if (linear.kind !== 'gblinear') throw new Error('expected gblinear');
    const weights = (pythonDump(model).json.learner.gradient_booster.model.weights ?? []).map(Math.fround);
    expect([...linear.weights, linear.bias]).toEqual(weights);
  });
});
