/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2):
 * per-feature Shapley contributions to the margin, with node cover as the
 * background distribution (as XGBoost's pred_contribs does) and missing
 * values (-1) following each split's default direction.
 */
import type { TreeEnsemble } from '../engine/index.ts';
import { MISSING } from '../engine/index.ts';
import { checkModelInput, resolveTreeLimit } from '../engine/index.ts';
import { maxTreeDepth, nodeMeans } from './node-means.ts';
import { extendPath, pathScratch, unwindPath, unwoundWeightSum, type PathScratch } from './path-weights.ts';

/** SHAP values of a matrix in margin (log-odds) space. */
export interface ShapResult {
  /** rows * cols contributions, row-major like x. */
  values: Float64Array;
  /** Expected margin: baseMargin plus each tree's cover-weighted mean leaf; bias + a row's values = its margin. */
  bias: number;
}

/** One tree walk's fixed inputs, so the recursion passes only what changes. */
interface Walk {
  e: TreeEnsemble;
  off: number;
  x: Float32Array;
  rowBase: number;
  phi: Float64Array;
  phiBase: number;
  path: PathScratch;
  /** Elements reserved per recursion level. */
  stride: number;
}

function recurse(w: Walk, node: number, level: number, parentLength: number, zero: number, one: number, feature: number): void {
  const { e, path } = w;
  const start = level * w.stride;
  if (level > 0) {
    // Each level works on its own copy so siblings see the parent's path unchanged.
    const from = start - w.stride;
    path.feature.copyWithin(start, from, from + parentLength);
    path.zero.copyWithin(start, from, from + parentLength);
    path.one.copyWithin(start, from, from + parentLength);
    path.weight.copyWithin(start, from, from + parentLength);
  }
  extendPath(path, start, parentLength, zero, one, feature);
  let length = parentLength + 1;
  const g = w.off + node;
  const split = e.splitFeature[g];
  if (split < 0) {
    const leaf = e.leafValue[g];
    // Element 0 is the placeholder the walk starts with; it stands for no feature.
    for (let i = 1; i < length; i++) {
      const weight = unwoundWeightSum(path, start, length, i);
      w.phi[w.phiBase + path.feature[start + i]] += weight * (path.one[start + i] - path.zero[start + i]) * leaf;
    }
    return;
  }
  const v = w.x[w.rowBase + split];
  const goLeft = v === MISSING ? e.defaultLeft[g] === 1 : v < e.threshold[g];
  const hot = goLeft ? e.left[g] : e.right[g];
  const cold = goLeft ? e.right[g] : e.left[g];
  let incomingZero = 1;
  let incomingOne = 1;
  // A feature split on twice along a path is one player: fold the earlier split's fractions into this one.
  for (let k = 1; k < length; k++) {
    if (path.feature[start + k] === split) {
      incomingZero = path.zero[start + k];
      incomingOne = path.one[start + k];
      unwindPath(path, start, length, k);
      length--;
      break;
    }
  }
  const cover = e.cover[g];
  recurse(w, hot, level + 1, length, (incomingZero * e.cover[w.off + hot]) / cover, incomingOne, split);
  recurse(w, cold, level + 1, length, (incomingZero * e.cover[w.off + cold]) / cover, 0, split);
}

/** Exact TreeSHAP values and expected value of each row of x (-1 = missing); treeLimit uses only the first k trees. */
export function shapValues(e: TreeEnsemble, x: Float32Array, rows: number, cols: number, treeLimit?: number): ShapResult {
  checkModelInput(e, x, rows, cols);
  const limit = resolveTreeLimit(e, treeLimit);
  const means = nodeMeans(e);
  let bias = e.baseMargin;
  for (let t = 0; t < limit; t++) bias += means[e.treeOffsets[t]];
  // A path holds the placeholder plus at most one element per split on it.
  const stride = maxTreeDepth(e) + 2;
  const path = pathScratch(stride * (stride + 1));
  const values = new Float64Array(rows * cols);
  const walk: Walk = { e, off: 0, x, rowBase: 0, phi: values, phiBase: 0, path, stride };
  for (let r = 0; r < rows; r++) {
    walk.rowBase = r * cols;
    walk.phiBase = r * cols;
    for (let t = 0; t < limit; t++) {
      walk.off = e.treeOffsets[t];
      recurse(walk, 0, 0, 0, 1, 1, -1);
    }
  }
  return { values, bias };
}
