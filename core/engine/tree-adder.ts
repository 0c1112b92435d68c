/**
 * Picks the fastest way to add one tree's leaves to a block of margins: the
 * complete-tree layout when trees are shallow enough, else the pointer walk.
 */
import type { TreeEnsemble } from './ensemble.ts';
import { addPerfectTree, perfectTrees } from './perfect-trees.ts';
import { addTreeToMargins } from './tree-walk.ts';

/** Adds tree t to out[r - outStart] for rows rowStart..rowEnd-1. */
export type TreeAdder = (t: number, x: Float32Array, cols: number, rowStart: number, rowEnd: number, out: Float32Array, outStart: number) => void;

/** The adder for e (treat e as read-only afterwards: its layout is cached). */
export function treeAdder(e: TreeEnsemble): TreeAdder {
  const p = perfectTrees(e);
  if (p) return (t, x, cols, s, end, out, o) => addPerfectTree(p, t, x, cols, s, end, out, o);
  return (t, x, cols, s, end, out, o) => addTreeToMargins(e, t, x, cols, s, end, out, o);
}
