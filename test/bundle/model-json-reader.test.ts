import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelJson, modelJsonText, type XgbJsonModel } from '../../core/bundle/model-json.ts';
import { ensembleFromModelJson, readModelJson } from '../../core/bundle/model-json-reader.ts';
import { predictMargin, predictProbability, readTreeEnsemble, trainBooster, type TreeEnsemble } from '../../core/engine/index.ts';
import { hasPythonXgboost } from '../engine/helpers/python-oracle.ts';
import { SYNTHETIC_COLUMNS, syntheticDna } from '../engine/helpers/synthetic.ts';

const PYTHON = '/usr/bin/python3';

/**
 * Two trees over 3 features. Tree 0: root f2 < 1.5 (missing left) to a leaf
 * and a split f0 < 7 whose children are leaves; node 5, 6 are deleted leftovers
 * of a pruned split under node 1. Tree 1: a single leaf.
 */
function smallEnsemble(baseMargin: number): TreeEnsemble {
  return {
    kind: 'gbtree', objective: 'binary:logistic', numFeature: 3, numTrees: 2, baseMargin,
    treeOffsets: Int32Array.from([0, 7, 8]),
    splitFeature: Int32Array.from([2, -1, 0, -1, -1, -1, -1, -1]),
    threshold: Float32Array.from([1.5, 0, 7, 0, 0, 0, 0, 0]),
    defaultLeft: Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0]),
    left: Int32Array.from([1, -1, 3, -1, -1, -1, -1, -1]),
    right: Int32Array.from([2, -1, 4, -1, -1, -1, -1, -1]),
    parent: Int32Array.from([-1, 0, 0, 2, 2, 1, 1, -1]),
    leafValue: Float32Array.from([0, 0.25, 0, -0.125, 0.5, 0, 0, -0.0625]),
    cover: Float32Array.from([90, 30, 60, 20, 40, 15, 15, 90]),
    gain: Float32Array.from([5.5, 0, 2.25, 0, 0, 0, 0, 0]),
    baseWeight: Float32Array.from([0.01, 0.25, -0.1, -0.125, 0.5, 0.3, -0.3, -0.0625]),
    deleted: Uint8Array.from([0, 0, 0, 0, 0, 1, 1, 0]),
  };
}

/** model.json text of an ensemble, parsed back as plain JSON. */
const jsonOf = (e: TreeEnsemble, featureNames?: string[]): XgbJsonModel => JSON.parse(modelJsonText(modelJson(e, { featureNames })));

/** A deep copy to break on purpose. */
const copy = (m: XgbJsonModel): XgbJsonModel => structuredClone(m);

describe('ensembleFromModelJson reads what modelJson writes', () => {
  it('gives back the same ensemble, deleted nodes and feature names included', () => {
    // base_score 0.25 in XGBoost's float32 arithmetic.
    const e = smallEnsemble(Math.fround(-Math.log(3)));
    const read = readModelJson(jsonOf(e, ['a', 'b', 'c']));
    expect(read.ensemble).toEqual(e);
    expect(read.featureNames).toEqual(['a', 'b', 'c']);
    expect(readModelJson(jsonOf(e)).featureNames).toEqual([]);
  });

  it('turns base_score (a probability) into the margin XGBoost starts from', () => {
    // XGBoost 1.7 computes -log(1/p - 1) in float32; a margin made that way from 0.08 comes back exactly.
    const f = Math.fround;
    const margin = f(-Math.log(f(f(1 / f(0.08)) - 1)));
    const json = jsonOf(smallEnsemble(margin));
    expect(json.learner.learner_model_param.base_score).toBe('0.08');
    expect(ensembleFromModelJson(json).baseMargin).toBe(margin);
    expect(margin).toBe(-2.4423470497131348);
  });

  it('predicts exactly as the binary model on a trained, pruned ensemble', async () => {
    const data = syntheticDna(3_000, 5);
    const { model } = await trainBooster(data, { trees: 25, maxDepth: 5, eta: 0.3, gamma: 2, seed: 3 });
    const e = readTreeEnsemble(model);
    expect(e.deleted.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const read = ensembleFromModelJson(jsonOf(e, SYNTHETIC_COLUMNS));
    expect(read).toEqual(e);
    expect(predictMargin(read, data.x, data.rows, data.cols)).toEqual(predictMargin(e, data.x, data.rows, data.cols));
  });
});

describe('ensembleFromModelJson refuses a broken model.json, naming the field', () => {
  const good = jsonOf(smallEnsemble(-0), ['a', 'b', 'c']);
  const broken = (edit: (m: XgbJsonModel) => void): XgbJsonModel => {
    const m = copy(good);
    edit(m);
    return m;
  };
  const tree0 = (m: XgbJsonModel) => m.learner.gradient_booster.model.trees[0];

  it('checks the model header', () => {
    expect(() => ensembleFromModelJson([])).toThrow('model.json: (the whole file) must be a JSON object');
    expect(() => ensembleFromModelJson(broken((m) => (m.version = [2, 0, 3])))).toThrow('model.json: version is 2.0.3: only XGBoost 1.x JSON models are read');
    expect(() =>
      ensembleFromModelJson(broken((m) => ((m.learner.objective as { name: string }).name = 'reg:squarederror'))),
    ).toThrow('model.json: learner.objective.name must be "binary:logistic", got "reg:squarederror"');
    expect(() => ensembleFromModelJson(broken((m) => ((m.learner.gradient_booster as { name: string }).name = 'dart')))).toThrow(
      'model.json: learner.gradient_booster.name must be "gbtree", got "dart"',
    );
    expect(() => ensembleFromModelJson(broken((m) => (m.learner.learner_model_param.base_score = '1')))).toThrow(
      'model.json: learner.learner_model_param.base_score must be a probability strictly between 0 and 1, got "1"',
    );
    expect(() => ensembleFromModelJson(broken((m) => (m.learner.learner_model_param.base_score = 'abc')))).toThrow(
      'model.json: learner.learner_model_param.base_score must be a finite number, got "abc"',
    );
    expect(() => ensembleFromModelJson(broken((m) => (m.learner.learner_model_param.num_feature = 'x')))).toThrow(
      'model.json: learner.learner_model_param.num_feature must be a whole number >= 1, got "x"',
    );
    expect(() => ensembleFromModelJson(broken((m) => (m.learner.gradient_booster.model.gbtree_model_param.num_trees = '3')))).toThrow(
      'model.json: learner.gradient_booster.model.gbtree_model_param.num_trees is 3 but the model holds 2 trees',
    );
    expect(() => ensembleFromModelJson(broken((m) => (m.learner.gradient_booster.model.tree_info = [0, 1])))).toThrow(
      'model.json: tree_info[1] is 1: a binary model has output group 0 only',
    );
    expect(() => ensembleFromModelJson(broken((m) => (m.learner.feature_names = ['a', 'b'])))).toThrow(
      'model.json: learner.feature_names has 2 names, the model has 3 features',
    );
  });

  it('checks array lengths, numbers and split types', () => {
    expect(() => ensembleFromModelJson(broken((m) => tree0(m).left_children.pop()))).toThrow(
      'model.json: trees[0].left_children has 6 entries, the tree has 7 nodes',
    );
    expect(() => ensembleFromModelJson(broken((m) => (tree0(m).split_conditions[4] = null as unknown as number)))).toThrow(
      'model.json: trees[0].split_conditions[4] must be a finite float32 number, got null',
    );
    expect(() => ensembleFromModelJson(broken((m) => (tree0(m).sum_hessian[0] = 1e39)))).toThrow(
      'model.json: trees[0].sum_hessian[0] must be a finite float32 number, got 1e+39',
    );
    expect(() => ensembleFromModelJson(broken((m) => (tree0(m).parents[3] = 2.5)))).toThrow('model.json: trees[0].parents[3] must be a whole number, got 2.5');
    expect(() => ensembleFromModelJson(broken((m) => (tree0(m).default_left[0] = 2)))).toThrow('model.json: trees[0].default_left[0] must be 0 or 1, got 2');
    expect(() => ensembleFromModelJson(broken((m) => (tree0(m).split_type[2] = 1)))).toThrow(
      'model.json: trees[0].split_type[2] is a categorical split, which this scorer does not support',
    );
    expect(() => ensembleFromModelJson(broken((m) => (tree0(m).tree_param.num_nodes = 'seven')))).toThrow(
      'model.json: trees[0].tree_param.num_nodes must be a whole number >= 1, got "seven"',
    );
  });

  it('checks child and parent links: range, split feature, cycles', () => {
    expect(() => ensembleFromModelJson(broken((m) => (tree0(m).left_children[2] = 7)))).toThrow(
      'model.json: trees[0].left_children[2] is 7, not a node of this tree (1..6, not itself)',
    );
    expect(() => ensembleFromModelJson(broken((m) => (tree0(m).right_children[2] = -1)))).toThrow(
      'model.json: trees[0].right_children[2] is -1, not a node of this tree (1..6, not itself)',
    );
    expect(() => ensembleFromModelJson(broken((m) => (tree0(m).split_indices[2] = 3)))).toThrow(
      'model.json: trees[0].split_indices[2] is 3, outside the model\'s 3 features',
    );
    expect(() =>
      ensembleFromModelJson(
        broken((m) => {
          // Node 2 points back to the root.
          tree0(m).right_children[2] = 1;
        }),
      ),
    ).toThrow('model.json: trees[0].right_children[2] is 1, a node already reached from the root: the child links form a cycle or share a node');
    expect(() => ensembleFromModelJson(broken((m) => (tree0(m).parents[4] = 1)))).toThrow(
      'model.json: trees[0].parents[4] is 1, but node 2 lists it as a child',
    );
    expect(() => ensembleFromModelJson(broken((m) => (tree0(m).parents[0] = 0)))).toThrow(
      'model.json: trees[0].parents[0] is 0, expected 2147483647 (the root has no parent)',
    );
    expect(() =>
      ensembleFromModelJson(
        broken((m) => {
          // Node 3 (a live leaf) marked deleted.
          tree0(m).split_indices[3] = 2147483647;
          tree0(m).default_left[3] = 1;
        }),
      ),
    ).toThrow('model.json: trees[0].split_indices[3] marks a deleted node that is still reached from the root');
  });
});

describe.skipIf(!hasPythonXgboost)('a model.json saved by Python XGBoost 1.7', () => {
  let dir: string;
  let ensemble: TreeEnsemble;
  let data: ReturnType<typeof syntheticDna>;
  let pythonJson: unknown;

  beforeAll(async () => {
    data = syntheticDna(4_000, 9);
    const { model } = await trainBooster(data, { trees: 30, maxDepth: 4, eta: 0.3, gamma: 3, seed: 7, baseScore: 0.08 });
    ensemble = readTreeEnsemble(model);
    dir = mkdtempSync(join(tmpdir(), 'attend-model-json-reader-'));
    writeFileSync(join(dir, 'ours.json'), modelJsonText(modelJson(ensemble, { featureNames: SYNTHETIC_COLUMNS })));
    const script = [
      'import sys, xgboost',
      'b = xgboost.Booster(model_file=sys.argv[1])',
      'b.save_model(sys.argv[2])',
      'print(xgboost.__version__)',
    ].join('\n');
    const res = spawnSync(PYTHON, ['-c', script, join(dir, 'ours.json'), join(dir, 'python.json')], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(res.stderr);
    expect(res.stdout.trim()).toMatch(/^1\.7\./);
    pythonJson = JSON.parse(readFileSync(join(dir, 'python.json'), 'utf8'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back the same trees and predicts exactly the same', () => {
    expect(ensemble.deleted.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const read = readModelJson(pythonJson);
    expect(read.featureNames).toEqual(SYNTHETIC_COLUMNS);
    const e = read.ensemble;
    expect([e.numTrees, e.numFeature]).toEqual([ensemble.numTrees, ensemble.numFeature]);
    expect(e.baseMargin).toBe(ensembleFromModelJson(JSON.parse(readFileSync(join(dir, 'ours.json'), 'utf8'))).baseMargin);
    for (const key of ['treeOffsets', 'splitFeature', 'threshold', 'defaultLeft', 'left', 'right', 'parent', 'leafValue', 'deleted', 'cover', 'gain'] as const) {
      expect(e[key], key).toEqual(ensemble[key]);
    }
    const ours = predictProbability(ensemble, data.x, data.rows, data.cols);
    const theirs = predictProbability(e, data.x, data.rows, data.cols);
    let maxDiff = 0;
    for (let i = 0; i < ours.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ours[i] - theirs[i]));
    expect(maxDiff).toBe(0);
  });

  it('reads a model Python XGBoost trained itself and predicts as Python does', () => {
    const script = [
      'import sys, numpy as np, xgboost',
      'rng = np.random.RandomState(4)',
      'X = rng.rand(600, 4).astype(np.float32)',
      'X[rng.rand(600, 4) < 0.1] = np.nan',
      'y = ((X[:, 0] > 0.6) ^ (X[:, 2] < 0.2)).astype(np.float32)',
      "params = {'objective': 'binary:logistic', 'max_depth': 3, 'eta': 0.4, 'gamma': 1, 'base_score': 0.3, 'seed': 1}",
      'b = xgboost.train(params, xgboost.DMatrix(X, y, missing=np.nan), 12)',
      "b.save_model(sys.argv[1] + '/trained.json')",
      "X.tofile(sys.argv[1] + '/x.f32')",
      "b.predict(xgboost.DMatrix(X, missing=np.nan)).astype(np.float32).tofile(sys.argv[1] + '/p.f32')",
    ].join('\n');
    const res = spawnSync(PYTHON, ['-c', script, dir], { encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    const f32 = (name: string): Float32Array => {
      const buf = readFileSync(join(dir, name));
      return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    };
    // Our matrices mark a missing value with -1 (no real value here is negative).
    const x = f32('x.f32').map((v) => (Number.isNaN(v) ? -1 : v));
    const expected = f32('p.f32');
    const e = ensembleFromModelJson(JSON.parse(readFileSync(join(dir, 'trained.json'), 'utf8')));
    expect([e.numTrees, e.numFeature]).toEqual([12, 4]);
    const ours = predictProbability(e, x, 600, 4);
    let maxDiff = 0;
    for (let i = 0; i < ours.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ours[i] - expected[i]));
    expect(maxDiff).toBeLessThan(1e-6);
  });
});
