/**
 * Two hand-built trees over 2 features whose Shapley values are worked out by
 * hand in tree-shap.test.ts. Tree 0 splits f0 < 1 (missing right), then f1 < 1
 * on both sides (missing left); tree 1 splits f0 twice (f0 < 1 missing left,
 * then f0 < -1 missing right), so the walk must fold a repeated feature.
 */
import type { TreeEnsemble } from '../../core/engine/index.ts';

/** The hand-built ensemble, baseMargin 0.5; leaves carry a junk gain that importance must ignore. */
export function handEnsemble(): TreeEnsemble {
  const n = 12;
  return {
    kind: 'gbtree', objective: 'binary:logistic', numFeature: 2, numTrees: 2, baseMargin: 0.5,
    treeOffsets: Int32Array.from([0, 7, 12]),
    splitFeature: Int32Array.from([0, 1, 1, -1, -1, -1, -1, 0, 0, -1, -1, -1]),
    threshold: Float32Array.from([1, 1, 1, 0, 0, 0, 0, 1, -1, 0, 0, 0]),
    defaultLeft: Uint8Array.from([0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0]),
    left: Int32Array.from([1, 3, 5, -1, -1, -1, -1, 1, 3, -1, -1, -1]),
    right: Int32Array.from([2, 4, 6, -1, -1, -1, -1, 2, 4, -1, -1, -1]),
    parent: Int32Array.from([-1, 0, 0, 1, 1, 2, 2, -1, 0, 1, 1, 0]),
    leafValue: Float32Array.from([0, 0, 0, 1, 3, 2, 6, 0, 0, 4, -2, 1]),
    cover: Float32Array.from([10, 6, 4, 2, 4, 1, 3, 8, 5, 3, 2, 3]),
    gain: Float32Array.from([5, 2, 1, 99, 99, 99, 99, 3, 0.5, 99, 99, 99]),
    baseWeight: new Float32Array(n), deleted: new Uint8Array(n),
  };
}
