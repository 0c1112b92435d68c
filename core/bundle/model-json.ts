/**
 * Writes a tree ensemble in XGBoost's own JSON model format (the 1.x schema
 * of `Booster.save_model('model.json')`), so another trust can load the
 * bundle's model.json with `xgboost.Booster(model_file='model.json')`.
 */
import type { TreeEnsemble } from '../engine/index.ts';

/** The XGBoost release whose schema this writer follows. */
export const XGBOOST_JSON_VERSION: readonly [number, number, number] = [1, 7, 4];

// XGBoost's JSON marks "no parent" with INT32_MAX and a pruned-away node with
// split index INT32_MAX plus default_left (together: the 0xffffffff marker).
const NO_PARENT = 2147483647;
const DELETED_SPLIT_INDEX = 2147483647;

/** One tree as XGBoost 1.x writes it. */
export interface XgbJsonTree {
  base_weights: number[];
  categories: number[];
  categories_nodes: number[];
  categories_segments: number[];
  categories_sizes: number[];
  default_left: number[];
  id: number;
  left_children: number[];
  loss_changes: number[];
  parents: number[];
  right_children: number[];
  split_conditions: number[];
  split_indices: number[];
  split_type: number[];
  sum_hessian: number[];
  tree_param: { num_deleted: string; num_feature: string; num_nodes: string; size_leaf_vector: string };
}

/** A whole model as XGBoost 1.x writes it. */
export interface XgbJsonModel {
  learner: {
    attributes: Record<string, string>;
    feature_names: string[];
    feature_types: string[];
    gradient_booster: {
      model: {
        gbtree_model_param: { num_parallel_tree: string; num_trees: string; size_leaf_vector: string };
        tree_info: number[];
        trees: XgbJsonTree[];
      };
      name: 'gbtree';
    };
    learner_model_param: { base_score: string; boost_from_average: string; num_class: string; num_feature: string; num_target: string };
    objective: { name: 'binary:logistic'; reg_loss_param: { scale_pos_weight: string } };
  };
  version: [number, number, number];
}

/** Options of modelJson. */
export interface ModelJsonOptions {
  /** Column names in model order; written as feature_names (all of type 'float'). */
  featureNames?: string[];
}

/**
 * A float32 as the shortest decimal that reads back as the same float32:
 * keeps model.json small without changing a single split or leaf.
 */
export function shortestFloat32(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new Error(`${what} is ${value}: XGBoost JSON cannot hold it`);
  const f = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(f.toPrecision(digits));
    if (Math.fround(candidate) === f) return candidate;
  }
  return f;
}

/** Base score on XGBoost's probability scale, as the string XGBoost stores. */
function baseScoreString(baseMargin: number): string {
  const p = 1 / (1 + Math.exp(-baseMargin));
  return String(shortestFloat32(p, 'base score'));
}

function treeJson(e: TreeEnsemble, t: number): XgbJsonTree {
  const from = e.treeOffsets[t];
  const n = e.treeOffsets[t + 1] - from;
  const tree: XgbJsonTree = {
    base_weights: [], categories: [], categories_nodes: [], categories_segments: [], categories_sizes: [],
    default_left: [], id: t, left_children: [], loss_changes: [], parents: [], right_children: [],
    split_conditions: [], split_indices: [], split_type: [], sum_hessian: [],
    tree_param: { num_deleted: '0', num_feature: String(e.numFeature), num_nodes: String(n), size_leaf_vector: '0' },
  };
  let deleted = 0;
  for (let i = 0; i < n; i++) {
    const g = from + i;
    const where = `tree ${t} node ${i}`;
    const isDeleted = e.deleted[g] === 1;
    const isSplit = !isDeleted && e.splitFeature[g] >= 0;
    if (isDeleted) deleted++;
    tree.left_children.push(isSplit ? e.left[g] : -1);
    tree.right_children.push(isSplit ? e.right[g] : -1);
    tree.parents.push(e.parent[g] < 0 ? NO_PARENT : e.parent[g]);
    tree.split_indices.push(isDeleted ? DELETED_SPLIT_INDEX : isSplit ? e.splitFeature[g] : 0);
    tree.default_left.push(isDeleted ? 1 : isSplit ? e.defaultLeft[g] : 0);
    // Leaves keep their value where a split keeps its threshold.
    tree.split_conditions.push(shortestFloat32(isSplit ? e.threshold[g] : e.leafValue[g], `${where} split condition`));
    tree.split_type.push(0);
    tree.loss_changes.push(shortestFloat32(e.gain[g], `${where} loss change`));
    tree.sum_hessian.push(shortestFloat32(e.cover[g], `${where} hessian sum`));
    tree.base_weights.push(shortestFloat32(e.baseWeight[g], `${where} base weight`));
  }
  tree.tree_param.num_deleted = String(deleted);
  return tree;
}

// XGBoost's JSON reader types 40 as an integer and then refuses it where a
// float is expected, so these arrays must always be written with a point.
const FLOAT_ARRAYS = new Set(['base_weights', 'loss_changes', 'split_conditions', 'sum_hessian']);

function floatText(v: number): string {
  if (!Number.isInteger(v)) return String(v);
  return Object.is(v, -0) ? '-0.0' : v.toFixed(1);
}

function treeText(tree: XgbJsonTree): string {
  const fields = Object.entries(tree).map(([key, value]) => {
    const text = FLOAT_ARRAYS.has(key) ? `[${(value as number[]).map(floatText).join(',')}]` : JSON.stringify(value);
    return `${JSON.stringify(key)}:${text}`;
  });
  return `{${fields.join(',')}}`;
}

function checkFeatureNames(e: TreeEnsemble, names: string[] | undefined): string[] {
  if (names === undefined) return [];
  if (names.length !== e.numFeature) {
    throw new Error(`featureNames has ${names.length} names, the model has ${e.numFeature} features`);
  }
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (name.trim() === '') throw new Error(`featureNames[${i}] is empty`);
    // Python XGBoost refuses these characters in feature names.
    if (/[[\]<]/.test(name)) throw new Error(`featureNames[${i}] "${name}" contains [, ] or <, which XGBoost does not allow`);
    if (seen.has(name)) throw new Error(`featureNames[${i}] "${name}" is a duplicate`);
    seen.add(name);
  });
  return [...names];
}

/** The ensemble as XGBoost 1.x JSON, as a plain object (write it with modelJsonText, not JSON.stringify). */
export function modelJson(ensemble: TreeEnsemble, opts: ModelJsonOptions = {}): XgbJsonModel {
  if (ensemble.objective !== 'binary:logistic') {
    throw new Error(`model objective is ${ensemble.objective}: only binary:logistic models can be written as XGBoost JSON`);
  }
  const featureNames = checkFeatureNames(ensemble, opts.featureNames);
  const trees: XgbJsonTree[] = [];
  for (let t = 0; t < ensemble.numTrees; t++) trees.push(treeJson(ensemble, t));
  return {
    learner: {
      attributes: {},
      feature_names: featureNames,
      feature_types: featureNames.map(() => 'float'),
      gradient_booster: {
        model: {
          gbtree_model_param: { num_parallel_tree: '1', num_trees: String(ensemble.numTrees), size_leaf_vector: '0' },
          tree_info: new Array<number>(ensemble.numTrees).fill(0),
          trees,
        },
        name: 'gbtree',
      },
      learner_model_param: {
        base_score: baseScoreString(ensemble.baseMargin),
        boost_from_average: '0',
        num_class: '0',
        num_feature: String(ensemble.numFeature),
        num_target: '1',
      },
      objective: { name: 'binary:logistic', reg_loss_param: { scale_pos_weight: '1' } },
    },
    version: [...XGBOOST_JSON_VERSION],
  };
}

/** model.json text: the model's JSON with every float written as a float, so Python XGBoost loads it. */
export function modelJsonText(model: XgbJsonModel): string {
  const booster = model.learner.gradient_booster;
  const shell: XgbJsonModel = {
    ...model,
    learner: { ...model.learner, gradient_booster: { ...booster, model: { ...booster.model, trees: [] } } },
  };
  const text = JSON.stringify(shell);
  // Feature names are escaped by JSON.stringify, so this key text can only be the real one.
  const marker = '"trees":[]';
  const at = text.indexOf(marker);
  return `${text.slice(0, at)}"trees":[${booster.model.trees.map(treeText).join(',')}]${text.slice(at + marker.length)}`;
}
