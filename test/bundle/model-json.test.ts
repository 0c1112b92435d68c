import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelJson, modelJsonText, shortestFloat32 } from '../../core/bundle/index.ts';
import { predictMargin, predictProbability, readTreeEnsemble, trainBooster, type TreeEnsemble } from '../../core/engine/index.ts';
import { hasPythonXgboost, maxAbsDiff, pythonDump } from '../engine/helpers/python-oracle.ts';
import { SYNTHETIC_COLUMNS, syntheticDna } from '../engine/helpers/synthetic.ts';

const PYTHON = '/usr/bin/python3';
const PREDICT_PY = fileURLToPath(new URL('../engine/oracle/predict.py', import.meta.url));

/**
 * Two trees over 2 features. Tree 0: root splits f0 < 40 (missing left); its
 * left child is a leaf whose pruned children (nodes 3, 4) are deleted.
 * Tree 1: one split on f1 < 2.5 (missing right).
 */
function handMade(): TreeEnsemble {
  return {
    kind: 'gbtree', objective: 'binary:logistic', numFeature: 2, numTrees: 2, baseMargin: 0.25,
    treeOffsets: Int32Array.from([0, 5, 8]),
    splitFeature: Int32Array.from([0, -1, -1, -1, -1, 1, -1, -1]),
    threshold: Float32Array.from([40, 0, 0, 0, 0, 2.5, 0, 0]),
    defaultLeft: Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0]),
    left: Int32Array.from([1, -1, -1, -1, -1, 1, -1, -1]),
    right: Int32Array.from([2, -1, -1, -1, -1, 2, -1, -1]),
    parent: Int32Array.from([-1, 0, 0, 1, 1, -1, 0, 0]),
    leafValue: Float32Array.from([0, -0.1, 0.2, 0, 0, 0, 0.05, -0.3]),
    cover: Float32Array.from([100, 60, 40, 30, 30, 100, 70, 30]),
    gain: Float32Array.from([12.5, 0, 0, 0, 0, 3, 0, 0]),
    baseWeight: Float32Array.from([0.1, -1, 2, 0.5, -0.5, 0, 0.5, -3]),
    deleted: Uint8Array.from([0, 0, 0, 1, 1, 0, 0, 0]),
  };
}

describe('modelJson on a hand-made ensemble', () => {
  const json = modelJson(handMade(), { featureNames: ['age', 'leadDays'] });
  const [t0, t1] = json.learner.gradient_booster.model.trees;

  it('writes the learner header XGBoost 1.7 expects, base_score on the probability scale', () => {
    expect(json.version).toEqual([1, 7, 4]);
    expect(json.learner.feature_names).toEqual(['age', 'leadDays']);
    expect(json.learner.feature_types).toEqual(['float', 'float']);
    // sigmoid(0.25) = 0.56217650...; the shortest digits that read back as the same float32.
    expect(json.learner.learner_model_param).toEqual({ base_score: '0.5621765', boost_from_average: '0', num_class: '0', num_feature: '2', num_target: '1' });
    expect(json.learner.objective).toEqual({ name: 'binary:logistic', reg_loss_param: { scale_pos_weight: '1' } });
    expect(json.learner.gradient_booster.name).toBe('gbtree');
    expect(json.learner.gradient_booster.model.gbtree_model_param).toEqual({ num_parallel_tree: '1', num_trees: '2', size_leaf_vector: '0' });
    expect(json.learner.gradient_booster.model.tree_info).toEqual([0, 0]);
  });

  it('puts leaf values in split_conditions, INT32_MAX as the root parent, and marks deleted nodes', () => {
    expect(t0).toEqual({
      base_weights: [0.1, -1, 2, 0.5, -0.5],
      categories: [], categories_nodes: [], categories_segments: [], categories_sizes: [],
      default_left: [1, 0, 0, 1, 1],
      id: 0,
      left_children: [1, -1, -1, -1, -1],
      loss_changes: [12.5, 0, 0, 0, 0],
      parents: [2147483647, 0, 0, 1, 1],
      right_children: [2, -1, -1, -1, -1],
      split_conditions: [40, -0.1, 0.2, 0, 0],
      split_indices: [0, 0, 0, 2147483647, 2147483647],
      split_type: [0, 0, 0, 0, 0],
      sum_hessian: [100, 60, 40, 30, 30],
      tree_param: { num_deleted: '2', num_feature: '2', num_nodes: '5', size_leaf_vector: '0' },
    });
    expect(t1.id).toBe(1);
    expect(t1.split_indices).toEqual([1, 0, 0]);
    expect(t1.default_left).toEqual([0, 0, 0]);
    expect(t1.split_conditions).toEqual([2.5, 0.05, -0.3]);
    expect(t1.tree_param.num_deleted).toBe('0');
  });

  it('writes every float of the tree arrays with a point, and otherwise the same JSON', () => {
    const text = modelJsonText(json);
    expect(JSON.parse(text)).toEqual(json);
    expect(text).toContain('"split_conditions":[40.0,-0.1,0.2,0.0,0.0]');
    expect(text).toContain('"sum_hessian":[100.0,60.0,40.0,30.0,30.0]');
    expect(text).toContain('"split_indices":[0,0,0,2147483647,2147483647]');
    expect(text).toContain('"feature_names":["age","leadDays"]');
  });

  it('leaves feature names out when none are given', () => {
    const bare = modelJson(handMade());
    expect(bare.learner.feature_names).toEqual([]);
    expect(bare.learner.feature_types).toEqual([]);
  });
});

describe('modelJson refuses what XGBoost cannot load', () => {
  it('names the bad feature name or count', () => {
    expect(() => modelJson(handMade(), { featureNames: ['age'] })).toThrow('featureNames has 1 names, the model has 2 features');
    expect(() => modelJson(handMade(), { featureNames: ['age', 'age'] })).toThrow('featureNames[1] "age" is a duplicate');
    expect(() => modelJson(handMade(), { featureNames: ['age', ' '] })).toThrow('featureNames[1] is empty');
    expect(() => modelJson(handMade(), { featureNames: ['age', 'lead<7'] })).toThrow('featureNames[1] "lead<7" contains [, ] or <, which XGBoost does not allow');
  });

  it('refuses other objectives and non-finite node values', () => {
    expect(() => modelJson({ ...handMade(), objective: 'reg:squarederror' })).toThrow(
      'model objective is reg:squarederror: only binary:logistic models can be written as XGBoost JSON',
    );
    const e = handMade();
    e.gain[6] = Number.NaN;
    expect(() => modelJson(e)).toThrow('tree 1 node 1 loss change is NaN: XGBoost JSON cannot hold it');
  });
});

describe('shortestFloat32', () => {
  it('gives the shortest decimal that reads back as the same float32', () => {
    expect(shortestFloat32(Math.fround(0.1), 'x')).toBe(0.1);
    expect(shortestFloat32(Math.fround(0.12863436), 'x')).toBe(0.12863436);
    expect(shortestFloat32(40, 'x')).toBe(40);
    expect(shortestFloat32(Math.fround(1e-7), 'x')).toBe(1e-7);
  });
});

describe.skipIf(!hasPythonXgboost)('modelJson loads in Python XGBoost 1.7', () => {
  const data = syntheticDna(5_000, 3);
  let binary: Uint8Array;
  let ensemble: TreeEnsemble;
  let dir: string;
  let modelPath: string;

  beforeAll(async () => {
    // gamma prunes splits after growth, so the trees carry deleted nodes too.
    ({ model: binary } = await trainBooster(data, { trees: 30, maxDepth: 4, eta: 0.3, gamma: 3, seed: 7, baseScore: 0.08 }));
    ensemble = readTreeEnsemble(binary);
    dir = mkdtempSync(join(tmpdir(), 'attend-model-json-'));
    modelPath = join(dir, 'model.json');
    writeFileSync(modelPath, modelJsonText(modelJson(ensemble)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('predicts the same probabilities and margins as our predictor', () => {
    expect(ensemble.deleted.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const xPath = join(dir, 'x.f32');
    writeFileSync(xPath, new Uint8Array(data.x.buffer, data.x.byteOffset, data.x.byteLength));
    const res = spawnSync(PYTHON, [PREDICT_PY, modelPath, xPath, String(data.rows), String(data.cols), join(dir, 'out')], { encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    const read = (path: string): Float32Array => {
      const buf = readFileSync(path);
      return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    };
    const prob = read(join(dir, 'out.prob.f32'));
    const margin = read(join(dir, 'out.margin.f32'));
    expect(prob.length).toBe(data.rows);
    expect(maxAbsDiff(prob, predictProbability(ensemble, data.x, data.rows, data.cols))).toBeLessThan(1e-6);
    expect(maxAbsDiff(margin, predictMargin(ensemble, data.x, data.rows, data.cols))).toBeLessThan(1e-5);
  });

  it('holds the same trees as Python XGBoost writes for the same binary model', () => {
    const ours = modelJson(ensemble);
    const theirs = pythonDump(binary).json.learner;
    expect(Number(ours.learner.learner_model_param.base_score)).toBe(Number(theirs.learner_model_param.base_score));
    expect(ours.learner.learner_model_param.num_feature).toBe(theirs.learner_model_param.num_feature);
    expect(ours.learner.objective.name).toBe(theirs.objective.name);
    expect(ours.learner.gradient_booster.model.gbtree_model_param.num_trees).toBe(theirs.gradient_booster.model.gbtree_model_param?.num_trees);
    const theirTrees = theirs.gradient_booster.model.trees ?? [];
    expect(ours.learner.gradient_booster.model.trees.length).toBe(theirTrees.length);
    ours.learner.gradient_booster.model.trees.forEach((tree, t) => {
      const py = theirTrees[t];
      expect(tree.tree_param.num_nodes).toBe(py.tree_param.num_nodes);
      expect(tree.tree_param.num_deleted).toBe(py.tree_param.num_deleted);
      expect(tree.left_children).toEqual(py.left_children);
      expect(tree.right_children).toEqual(py.right_children);
      expect(tree.parents).toEqual(py.parents);
      expect(tree.sum_hessian.map(Math.fround)).toEqual(py.sum_hessian.map(Math.fround));
      expect(tree.loss_changes.map(Math.fround)).toEqual(py.loss_changes.map(Math.fround));
      expect(tree.base_weights.map(Math.fround)).toEqual(py.base_weights.map(Math.fround));
      // Our reader keeps only what prediction needs: a pruned leaf's old split
      // and a deleted node's old value are not kept, so compare live fields.
      tree.left_children.forEach((left, i) => {
        const deleted = tree.split_indices[i] === 2147483647;
        expect(deleted).toBe(py.split_indices[i] === 2147483647 && py.default_left[i] === 1);
        if (left !== -1) {
          expect([tree.split_indices[i], tree.default_left[i]]).toEqual([py.split_indices[i], py.default_left[i]]);
        }
        if (!deleted) expect(Math.fround(tree.split_conditions[i])).toBe(Math.fround(py.split_conditions[i]));
      });
    });
  });

  it('carries feature names into the Booster', () => {
    const named = join(dir, 'named.json');
    writeFileSync(named, modelJsonText(modelJson(ensemble, { featureNames: SYNTHETIC_COLUMNS })));
    const script = 'import json, sys, xgboost\nb = xgboost.Booster(model_file=sys.argv[1])\nprint(json.dumps([b.feature_names, b.feature_types, b.num_features()]))';
    const res = spawnSync(PYTHON, ['-c', script, named], { encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual([SYNTHETIC_COLUMNS, SYNTHETIC_COLUMNS.map(() => 'float'), 8]);
  });
});
