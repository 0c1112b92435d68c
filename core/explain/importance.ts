/**
 * Global feature importance: mean |SHAP| over rows, and XGBoost's own
 * structural measures (total gain and split counts over split nodes).
 */
import type { TreeEnsemble } from '../engine/index.ts';
import { resolveTreeLimit } from '../engine/index.ts';
import { sampleRows } from './sample-rows.ts';
import { shapValues } from './tree-shap.ts';

/** Options of meanAbsShap. */
export interface MeanAbsShapOptions {
  /** Rows explained at most; above this a seeded sample is used. Default 2000. */
  maxRows?: number;
  /** Seed of the row sample. Default 1. */
  seed?: number;
  treeLimit?: number;
}

/** Mean absolute SHAP value per feature over the rows of x (a deterministic sample of maxRows when larger). */
export function meanAbsShap(e: TreeEnsemble, x: Float32Array, rows: number, cols: number, options: MeanAbsShapOptions = {}): Float64Array {
  const maxRows = options.maxRows ?? 2000;
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new Error(`maxRows must be a whole number of at least 1, got ${maxRows}`);
  if (rows === 0) throw new Error('meanAbsShap: x has no rows');
  let sample = x;
  let n = rows;
  if (rows > maxRows) {
    const picked = sampleRows(rows, maxRows, options.seed ?? 1);
    sample = new Float32Array(maxRows * cols);
    picked.forEach((r, i) => sample.set(x.subarray(r * cols, (r + 1) * cols), i * cols));
    n = maxRows;
  }
  const { values } = shapValues(e, sample, n, cols, options.treeLimit);
  const out = new Float64Array(cols);
  for (let r = 0; r < n; r++) for (let j = 0; j < cols; j++) out[j] += Math.abs(values[r * cols + j]);
  for (let j = 0; j < cols; j++) out[j] /= n;
  return out;
}

function perSplit(e: TreeEnsemble, treeLimit: number | undefined, amount: (node: number) => number): Float64Array {
  const out = new Float64Array(e.numFeature);
  const limit = resolveTreeLimit(e, treeLimit);
  for (let t = 0; t < limit; t++) {
    const off = e.treeOffsets[t];
    // Walk from the root so pruned (deleted) nodes, which are unreachable, never count.
    const visit = (n: number): void => {
      const f = e.splitFeature[off + n];
      if (f < 0) return;
      out[f] += amount(off + n);
      visit(e.left[off + n]);
      visit(e.right[off + n]);
    };
    visit(0);
  }
  return out;
}

/** Sum of split gain (loss_chg) per feature, as XGBoost's get_score(importance_type='total_gain'). */
export function totalGain(e: TreeEnsemble, treeLimit?: number): Float64Array {
  return perSplit(e, treeLimit, (g) => e.gain[g]);
}

/** Number of splits per feature, as XGBoost's get_score(importance_type='weight'). */
export function splitCounts(e: TreeEnsemble, treeLimit?: number): Float64Array {
  return perSplit(e, treeLimit, () => 1);
}

/** One feature's importance, named. */
export interface RankedFeature {
  feature: string;
  importance: number;
}

/** Features sorted by importance, largest first (ties keep column order). */
export function rankFeatures(importance: ArrayLike<number>, names: readonly string[]): RankedFeature[] {
  if (names.length !== importance.length) throw new Error(`rankFeatures: ${importance.length} importances but ${names.length} feature names`);
  return names.map((feature, j) => ({ feature, importance: importance[j] })).sort((a, b) => b.importance - a.importance);
}
