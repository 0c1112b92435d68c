/**
 * Evaluating every prefix of an ensemble (first 1, 2, ... k trees) in one pass,
 * for early stopping: choose the number of trees on a validation slice.
 */
import type { TreeEnsemble } from './ensemble.ts';
import { checkModelInput } from './predict.ts';
import { treeAdder } from './tree-adder.ts';

const BLOCK_ROWS = 1024;

/**
 * Calls visit(k, margins) with the margins of all rows after the first k trees,
 * for k = every, 2*every, ... and always for the last tree. `margins` is reused:
 * copy it to keep it.
 */
export function marginsByTreePrefix(e: TreeEnsemble, x: Float32Array, rows: number, cols: number, visit: (treesUsed: number, margins: Float32Array) => void, every = 1): void {
  checkModelInput(e, x, rows, cols);
  if (!Number.isInteger(every) || every < 1) throw new Error(`every must be a positive whole number, got ${every}`);
  const margins = new Float32Array(rows).fill(e.baseMargin);
  const addTree = treeAdder(e);
  for (let t = 0; t < e.numTrees; t++) {
    addTree(t, x, cols, 0, rows, margins, 0);
    const k = t + 1;
    if (k % every === 0 || k === e.numTrees) visit(k, margins);
  }
}

/** Softplus log(1 + e^z), written to stay finite for large |z|. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Mean log loss of the first k trees for every k: entry k-1 holds the loss with k trees. */
export function logLossByTreePrefix(e: TreeEnsemble, x: Float32Array, y: Float32Array, rows: number, cols: number): Float64Array {
  checkModelInput(e, x, rows, cols);
  if (y.length !== rows) throw new Error(`y has ${y.length} labels but there are ${rows} rows`);
  const sums = new Float64Array(e.numTrees);
  const block = new Float32Array(BLOCK_ROWS);
  const addTree = treeAdder(e);
  for (let start = 0; start < rows; start += BLOCK_ROWS) {
    const end = Math.min(rows, start + BLOCK_ROWS);
    block.fill(e.baseMargin);
    for (let t = 0; t < e.numTrees; t++) {
      addTree(t, x, cols, start, end, block, start);
      let s = 0;
      for (let r = start; r < end; r++) {
        const m = block[r - start];
        // -log(sigmoid(m)) for a DNA, -log(1 - sigmoid(m)) otherwise.
        s += y[r] === 1 ? softplus(-m) : softplus(m);
      }
      sums[t] += s;
    }
  }
  for (let t = 0; t < sums.length; t++) sums[t] /= rows;
  return sums;
}

/** The smallest number of trees reaching the minimum of a per-prefix loss curve. */
export function bestTreeCount(lossByPrefix: Float64Array): number {
  if (lossByPrefix.length === 0) throw new Error('the loss curve is empty');
  let best = 0;
  for (let k = 1; k < lossByPrefix.length; k++) if (lossByPrefix[k] < lossByPrefix[best]) best = k;
  return best + 1;
}
