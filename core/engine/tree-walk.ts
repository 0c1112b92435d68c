/**
 * The inner loop shared by every tree predictor: route rows through one tree
 * exactly as XGBoost does (missing = -1 takes the default branch, otherwise
 * x < threshold goes left, compared in float32) and add the leaf to a margin.
 */
import type { TreeEnsemble } from './ensemble.ts';
import { MISSING } from './training-data.ts';

/** Adds tree t's leaf values to out[r - outStart] for rows rowStart..rowEnd-1 of the row-major x. */
export function addTreeToMargins(e: TreeEnsemble, t: number, x: Float32Array, cols: number, rowStart: number, rowEnd: number, out: Float32Array, outStart: number): void {
  const off = e.treeOffsets[t];
  const feature = e.splitFeature;
  const threshold = e.threshold;
  const defaultLeft = e.defaultLeft;
  const left = e.left;
  const right = e.right;
  const leaf = e.leafValue;
  for (let r = rowStart; r < rowEnd; r++) {
    const base = r * cols;
    let n = off;
    let f = feature[n];
    while (f >= 0) {
      const v = x[base + f];
      const goLeft = v === MISSING ? defaultLeft[n] === 1 : v < threshold[n];
      n = off + (goLeft ? left[n] : right[n]);
      f = feature[n];
    }
    // Float32Array storage rounds after each tree, as XGBoost's float accumulation does.
    out[r - outStart] += leaf[n];
  }
}

/** Local id of the leaf that row r of x reaches in tree t. */
export function leafIndex(e: TreeEnsemble, t: number, x: Float32Array, cols: number, r: number): number {
  const off = e.treeOffsets[t];
  let n = off;
  while (e.splitFeature[n] >= 0) {
    const v = x[r * cols + e.splitFeature[n]];
    const goLeft = v === MISSING ? e.defaultLeft[n] === 1 : v < e.threshold[n];
    n = off + (goLeft ? e.left[n] : e.right[n]);
  }
  return n - off;
}
