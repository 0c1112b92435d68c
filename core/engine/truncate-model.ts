/**
 * Cuts a saved 0.72 gbtree model to its first k trees (early stopping), as a
 * valid binary that XGBoost itself loads.
 */
import { GBTREE_NUM_TREES_AT, scanModel } from './model-layout.ts';

/** A copy of `binary` keeping only the first `trees` trees (and their tree_info). */
export function truncateModel(binary: Uint8Array, trees: number): Uint8Array {
  const layout = scanModel(binary);
  if (layout.booster !== 'gbtree') throw new Error(`only gbtree models can be truncated, this one is ${layout.booster}`);
  const total = layout.trees.length;
  if (!Number.isInteger(trees) || trees < 1 || trees > total) {
    throw new Error(`trees must be a whole number from 1 to ${total}, got ${trees}`);
  }
  const firstTreeAt = total > 0 ? layout.trees[0].start : layout.treeInfoAt;
  const keptTreesEnd = trees < total ? layout.trees[trees].start : layout.treeInfoAt;
  const parts = [
    // Learner header, names and GBTreeModelParam; num_trees is patched below.
    binary.subarray(0, firstTreeAt),
    binary.subarray(firstTreeAt, keptTreesEnd),
    binary.subarray(layout.treeInfoAt, layout.treeInfoAt + 4 * trees),
    // Whatever follows the booster (attributes) is kept as it was.
    binary.subarray(layout.boosterEnd),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  new DataView(out.buffer).setInt32(layout.boosterAt + GBTREE_NUM_TREES_AT, trees, true);
  return out;
}
