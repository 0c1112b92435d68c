/**
 * Reads a model.json in XGBoost's 1.x JSON format (as model-json.ts writes it,
 * or as Python XGBoost 1.7 saves it) back into a TreeEnsemble, refusing
 * anything the predictor could misread and naming the field concerned.
 */
import type { TreeEnsemble } from '../engine/ensemble.ts';
import { allocateEnsembleArrays } from '../engine/tree-reader.ts';

// XGBoost marks "no parent" and a pruned-away node's split index with INT32_MAX.
const INT32_MAX = 2147483647;

/** What a model.json holds besides the trees' numbers. */
export interface ModelJsonContents {
  ensemble: TreeEnsemble;
  /** learner.feature_names, [] when the file carries none. */
  featureNames: string[];
}

type Json = Record<string, unknown>;

function fail(where: string, message: string): never {
  throw new Error(`model.json: ${where} ${message}`);
}

function object(value: unknown, where: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(where, 'must be a JSON object');
  return value as Json;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) fail(where, 'must be a list');
  return value;
}

/** XGBoost writes its parameters as strings ("40"); a plain number is taken too. */
function paramInteger(value: unknown, where: string, min: number): number {
  const n = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min) fail(where, `must be a whole number >= ${min}, got ${JSON.stringify(value)}`);
  return n;
}

function paramNumber(value: unknown, where: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) fail(where, `must be a finite number, got ${JSON.stringify(value)}`);
  return n;
}

function integers(value: unknown, where: string, length: number): number[] {
  const list = array(value, where);
  if (list.length !== length) fail(where, `has ${list.length} entries, the tree has ${length} nodes`);
  list.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) fail(`${where}[${i}]`, `must be a whole number, got ${JSON.stringify(v)}`);
  });
  return list as number[];
}

/** A float list read as float32, as XGBoost keeps it. */
function floats(value: unknown, where: string, length: number): Float32Array {
  const list = array(value, where);
  if (list.length !== length) fail(where, `has ${list.length} entries, the tree has ${length} nodes`);
  const out = new Float32Array(length);
  list.forEach((v, i) => {
    const f = typeof v === 'number' ? Math.fround(v) : Number.NaN;
    if (!Number.isFinite(f)) fail(`${where}[${i}]`, `must be a finite float32 number, got ${JSON.stringify(v)}`);
    out[i] = f;
  });
  return out;
}

/**
 * The starting margin of a base_score, computed as XGBoost 1.7 does it
 * (binary:logistic's ProbToMargin in float32: -log(1/p - 1)), so a model keeps
 * the margin XGBoost itself would start from.
 */
function baseMarginOf(value: unknown, where: string): number {
  const p = Math.fround(paramNumber(value, where));
  if (!(p > 0 && p < 1)) fail(where, `must be a probability strictly between 0 and 1, got ${JSON.stringify(value)}`);
  const f = Math.fround;
  // For p = 0.5 this is -0, as XGBoost's binary models store it.
  return f(-Math.log(f(f(1 / p) - 1)));
}

interface TreeNodes {
  left: number[];
  right: number[];
  parents: number[];
  splitIndex: number[];
  defaultLeft: number[];
  conditions: Float32Array;
  gain: Float32Array;
  cover: Float32Array;
  baseWeight: Float32Array;
}

function readTreeNodes(tree: Json, where: string, numFeature: number): TreeNodes {
  const param = object(tree.tree_param, `${where}.tree_param`);
  const n = paramInteger(param.num_nodes, `${where}.tree_param.num_nodes`, 1);
  if (param.size_leaf_vector !== undefined && paramInteger(param.size_leaf_vector, `${where}.tree_param.size_leaf_vector`, 0) > 1) {
    fail(`${where}.tree_param.size_leaf_vector`, 'is above 1: vector-leaf (multi-target) trees are not supported');
  }
  const splitType = tree.split_type === undefined ? new Array<number>(n).fill(0) : integers(tree.split_type, `${where}.split_type`, n);
  const categorical = splitType.findIndex((t) => t !== 0);
  if (categorical >= 0) fail(`${where}.split_type[${categorical}]`, 'is a categorical split, which this scorer does not support');
  for (const key of ['categories', 'categories_nodes', 'categories_segments', 'categories_sizes']) {
    if (tree[key] !== undefined && array(tree[key], `${where}.${key}`).length > 0) fail(`${where}.${key}`, 'must be empty: categorical splits are not supported');
  }
  const defaultLeft = array(tree.default_left, `${where}.default_left`).map((v, i) => {
    // Some writers store booleans; XGBoost 1.7 writes 0 and 1.
    const b = v === true ? 1 : v === false ? 0 : v;
    if (b !== 0 && b !== 1) fail(`${where}.default_left[${i}]`, `must be 0 or 1, got ${JSON.stringify(v)}`);
    return b;
  });
  if (defaultLeft.length !== n) fail(`${where}.default_left`, `has ${defaultLeft.length} entries, the tree has ${n} nodes`);
  const nodes: TreeNodes = {
    left: integers(tree.left_children, `${where}.left_children`, n),
    right: integers(tree.right_children, `${where}.right_children`, n),
    parents: integers(tree.parents, `${where}.parents`, n),
    splitIndex: integers(tree.split_indices, `${where}.split_indices`, n),
    defaultLeft,
    conditions: floats(tree.split_conditions, `${where}.split_conditions`, n),
    gain: floats(tree.loss_changes, `${where}.loss_changes`, n),
    cover: floats(tree.sum_hessian, `${where}.sum_hessian`, n),
    baseWeight: floats(tree.base_weights, `${where}.base_weights`, n),
  };
  for (let i = 0; i < n; i++) {
    const deleted = nodes.splitIndex[i] === INT32_MAX && nodes.defaultLeft[i] === 1;
    const l = nodes.left[i];
    const r = nodes.right[i];
    if (deleted || l === -1) {
      if (l !== -1 || r !== -1) fail(`${where}.right_children[${i}]`, `is ${r}: a leaf or deleted node has no children (left ${l})`);
    } else {
      if (l < 1 || l >= n || l === i) fail(`${where}.left_children[${i}]`, `is ${l}, not a node of this tree (1..${n - 1}, not itself)`);
      if (r < 1 || r >= n || r === i) fail(`${where}.right_children[${i}]`, `is ${r}, not a node of this tree (1..${n - 1}, not itself)`);
      if (l === r) fail(`${where}.right_children[${i}]`, `is ${r}, the same node as the left child`);
      const f = nodes.splitIndex[i];
      if (f < 0 || f >= numFeature) fail(`${where}.split_indices[${i}]`, `is ${f}, outside the model's ${numFeature} features`);
    }
    const p = nodes.parents[i];
    if (i === 0 ? p !== INT32_MAX && p !== -1 : p < 0 || p >= n) {
      fail(`${where}.parents[${i}]`, `is ${p}, expected ${i === 0 ? `${INT32_MAX} (the root has no parent)` : `a node of this tree (0..${n - 1})`}`);
    }
  }
  return nodes;
}

/** Every node reachable from the root is reached once, through its own parent, and is not deleted. */
function checkShape(nodes: TreeNodes, where: string): void {
  const n = nodes.left.length;
  const reached = new Uint8Array(n);
  const stack = [0];
  reached[0] = 1;
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (nodes.splitIndex[i] === INT32_MAX && nodes.defaultLeft[i] === 1) fail(`${where}.split_indices[${i}]`, 'marks a deleted node that is still reached from the root');
    if (nodes.left[i] === -1) continue;
    for (const [side, c] of [['left_children', nodes.left[i]], ['right_children', nodes.right[i]]] as const) {
      if (reached[c]) fail(`${where}.${side}[${i}]`, `is ${c}, a node already reached from the root: the child links form a cycle or share a node`);
      if (nodes.parents[c] !== i) fail(`${where}.parents[${c}]`, `is ${nodes.parents[c]}, but node ${i} lists it as a child`);
      reached[c] = 1;
      stack.push(c);
    }
  }
}

function featureNamesOf(learner: Json, numFeature: number): string[] {
  if (learner.feature_names === undefined) return [];
  const names = array(learner.feature_names, 'learner.feature_names');
  if (names.length === 0) return [];
  if (names.length !== numFeature) fail('learner.feature_names', `has ${names.length} names, the model has ${numFeature} features`);
  names.forEach((name, i) => {
    if (typeof name !== 'string' || name === '') fail(`learner.feature_names[${i}]`, `must be a non-empty string, got ${JSON.stringify(name)}`);
  });
  return names as string[];
}

/** The trees and feature names of a parsed model.json; throws naming the first bad field. */
export function readModelJson(json: unknown): ModelJsonContents {
  const root = object(json, '(the whole file)');
  const version = array(root.version, 'version');
  if (version.length !== 3 || !version.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0)) {
    fail('version', `must be [major, minor, patch], got ${JSON.stringify(root.version)}`);
  }
  if (version[0] !== 1) fail('version', `is ${version.join('.')}: only XGBoost 1.x JSON models are read`);
  const learner = object(root.learner, 'learner');
  const objective = object(learner.objective, 'learner.objective');
  if (objective.name !== 'binary:logistic') fail('learner.objective.name', `must be "binary:logistic", got ${JSON.stringify(objective.name)}`);
  const booster = object(learner.gradient_booster, 'learner.gradient_booster');
  if (booster.name !== 'gbtree') fail('learner.gradient_booster.name', `must be "gbtree", got ${JSON.stringify(booster.name)}`);
  const param = object(learner.learner_model_param, 'learner.learner_model_param');
  const numFeature = paramInteger(param.num_feature, 'learner.learner_model_param.num_feature', 1);
  if (param.num_class !== undefined && paramInteger(param.num_class, 'learner.learner_model_param.num_class', 0) > 1) {
    fail('learner.learner_model_param.num_class', `is ${String(param.num_class)}: only single-output (binary) models are read`);
  }
  if (param.num_target !== undefined && paramInteger(param.num_target, 'learner.learner_model_param.num_target', 1) !== 1) {
    fail('learner.learner_model_param.num_target', `is ${String(param.num_target)}: only single-output (binary) models are read`);
  }
  const baseMargin = baseMarginOf(param.base_score, 'learner.learner_model_param.base_score');

  const model = object(booster.model, 'learner.gradient_booster.model');
  const treesJson = array(model.trees, 'trees');
  const gbParam = object(model.gbtree_model_param, 'learner.gradient_booster.model.gbtree_model_param');
  const numTrees = paramInteger(gbParam.num_trees, 'learner.gradient_booster.model.gbtree_model_param.num_trees', 0);
  if (numTrees !== treesJson.length) fail('learner.gradient_booster.model.gbtree_model_param.num_trees', `is ${numTrees} but the model holds ${treesJson.length} trees`);
  if (numTrees === 0) fail('trees', 'is empty: the model has no trees');
  const treeInfo = array(model.tree_info, 'tree_info');
  if (treeInfo.length !== numTrees) fail('tree_info', `has ${treeInfo.length} entries for ${numTrees} trees`);
  treeInfo.forEach((g, t) => {
    if (g !== 0) fail(`tree_info[${t}]`, `is ${JSON.stringify(g)}: a binary model has output group 0 only`);
  });

  const read = treesJson.map((tree, t) => {
    const where = `trees[${t}]`;
    const body = object(tree, where);
    if (body.id !== undefined && body.id !== t) fail(`${where}.id`, `is ${JSON.stringify(body.id)}, expected ${t}`);
    const nodes = readTreeNodes(body, where, numFeature);
    checkShape(nodes, where);
    return nodes;
  });
  const total = read.reduce((s, nodes) => s + nodes.left.length, 0);
  const e: TreeEnsemble = {
    kind: 'gbtree',
    objective: 'binary:logistic',
    numFeature,
    numTrees,
    baseMargin,
    ...allocateEnsembleArrays(total, numTrees),
  };
  let g = 0;
  read.forEach((nodes, t) => {
    e.treeOffsets[t] = g;
    e.cover.set(nodes.cover, g);
    e.gain.set(nodes.gain, g);
    e.baseWeight.set(nodes.baseWeight, g);
    for (let i = 0; i < nodes.left.length; i++, g++) {
      e.parent[g] = i === 0 ? -1 : nodes.parents[i];
      e.left[g] = nodes.left[i];
      e.right[g] = nodes.right[i];
      // Fields as tree-reader.ts fills them from the binary format, so both readers give equal ensembles.
      if (nodes.splitIndex[i] === INT32_MAX && nodes.defaultLeft[i] === 1) {
        e.deleted[g] = 1;
        e.splitFeature[g] = -1;
      } else if (nodes.left[i] === -1) {
        e.splitFeature[g] = -1;
        e.leafValue[g] = nodes.conditions[i];
      } else {
        e.splitFeature[g] = nodes.splitIndex[i];
        e.defaultLeft[g] = nodes.defaultLeft[i];
        e.threshold[g] = nodes.conditions[i];
      }
    }
  });
  e.treeOffsets[numTrees] = g;
  return { ensemble: e, featureNames: featureNamesOf(learner, numFeature) };
}

/** The tree ensemble of a parsed model.json (XGBoost 1.x JSON, binary:logistic gbtree); throws naming the bad field. */
export function ensembleFromModelJson(json: unknown): TreeEnsemble {
  return readModelJson(json).ensemble;
}
