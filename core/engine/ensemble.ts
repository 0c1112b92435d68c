/**
 * A trained model as flat typed arrays: what the reader produces and the
 * predictor, explanations and exporters consume.
 */

/** Boosted trees; node arrays are indexed by treeOffsets[t] + local node id. */
export interface TreeEnsemble {
  kind: 'gbtree';
  /** e.g. 'binary:logistic'. */
  objective: string;
  /** Features the model was trained on; prediction needs exactly this many columns. */
  numFeature: number;
  numTrees: number;
  /** Starting margin: the 0.72 binary stores base_score already on the margin scale (logit). */
  baseMargin: number;
  /** numTrees + 1 entries; tree t owns nodes treeOffsets[t] .. treeOffsets[t+1]-1, root first. */
  treeOffsets: Int32Array;
  /** Split feature of each node, -1 for leaves. */
  splitFeature: Int32Array;
  /** Split condition (go left when x < threshold), 0 for leaves. */
  threshold: Float32Array;
  /** 1 when a missing value (-1) goes left. */
  defaultLeft: Uint8Array;
  /** Local id (within its tree) of the left child, -1 for leaves. */
  left: Int32Array;
  /** Local id of the right child, -1 for leaves. */
  right: Int32Array;
  /** Local id of the parent, -1 for a root. */
  parent: Int32Array;
  /** Leaf value (margin contribution), 0 for split nodes. */
  leafValue: Float32Array;
  /** Hessian sum of the training rows reaching the node (XGBoost's sum_hess, "cover"). */
  cover: Float32Array;
  /** Loss reduction of the split (loss_chg, "gain"); leaves keep whatever XGBoost stored, so sum splits only. */
  gain: Float32Array;
  /** Weight the node would have as a leaf (base_weight). */
  baseWeight: Float32Array;
  /** 1 for nodes pruned away (unreachable); kept so node ids match XGBoost's. */
  deleted: Uint8Array;
}

/** A gblinear model: margin = baseMargin + bias + sum of weight * x over present features. */
export interface LinearModel {
  kind: 'gblinear';
  objective: string;
  numFeature: number;
  baseMargin: number;
  weights: Float32Array;
  bias: number;
}

/** Any model the reader understands. */
export type BoosterModel = TreeEnsemble | LinearModel;
