/**
 * Cover-weighted mean leaf value below every node: the expected output of a
 * subtree over the training rows, which is what TreeSHAP's bias is made of.
 */
import type { TreeEnsemble } from '../engine/index.ts';

/** Mean values for every node of the ensemble (global node index), as XGBoost computes them. */
export function nodeMeans(e: TreeEnsemble): Float64Array {
  const means = new Float64Array(e.splitFeature.length);
  for (let t = 0; t < e.numTrees; t++) {
    const off = e.treeOffsets[t];
    const fill = (n: number): number => {
      const g = off + n;
      if (e.splitFeature[g] < 0) {
        means[g] = e.leafValue[g];
        return means[g];
      }
      if (!(e.cover[g] > 0)) throw new Error(`tree ${t} node ${n} has cover ${e.cover[g]}; SHAP needs the positive covers of a trained model`);
      const l = e.left[g];
      const r = e.right[g];
      // Divide by the node's own cover (not the children's sum) exactly as XGBoost does.
      means[g] = (fill(l) * e.cover[off + l] + fill(r) * e.cover[off + r]) / e.cover[g];
      return means[g];
    };
    fill(0);
  }
  return means;
}

/** Depth (number of splits on the longest root-to-leaf path) of the deepest tree. */
export function maxTreeDepth(e: TreeEnsemble): number {
  let deepest = 0;
  for (let t = 0; t < e.numTrees; t++) {
    const off = e.treeOffsets[t];
    const depth = (n: number): number => (e.splitFeature[off + n] < 0 ? 0 : 1 + Math.max(depth(e.left[off + n]), depth(e.right[off + n])));
    deepest = Math.max(deepest, depth(0));
  }
  return deepest;
}
