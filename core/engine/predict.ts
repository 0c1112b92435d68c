/**
 * Batch prediction over a model read by tree-reader.ts, matching XGBoost's
 * own predictions to float32 precision.
 */
import type { BoosterModel, LinearModel, TreeEnsemble } from './ensemble.ts';
import { checkMatrix, MISSING } from './training-data.ts';
import { treeAdder } from './tree-adder.ts';

// Rows per block: the block's slice of x stays in cache while every tree visits it.
const BLOCK_ROWS = 1024;

/** Throws unless x suits the model: right column count, no NaN/Infinity. */
export function checkModelInput(model: BoosterModel, x: Float32Array, rows: number, cols: number): void {
  checkMatrix(x, rows, cols);
  if (cols !== model.numFeature) throw new Error(`the model expects ${model.numFeature} columns, x has ${cols}`);
}

/** Number of trees to use: all by default, else 1..numTrees. */
export function resolveTreeLimit(e: TreeEnsemble, treeLimit: number | undefined): number {
  if (treeLimit === undefined) return e.numTrees;
  if (!Number.isInteger(treeLimit) || treeLimit < 1 || treeLimit > e.numTrees) {
    throw new Error(`treeLimit must be a whole number from 1 to ${e.numTrees}, got ${treeLimit}`);
  }
  return treeLimit;
}

function treeMargins(e: TreeEnsemble, x: Float32Array, rows: number, cols: number, limit: number): Float32Array {
  const out = new Float32Array(rows).fill(e.baseMargin);
  const addTree = treeAdder(e);
  for (let start = 0; start < rows; start += BLOCK_ROWS) {
    const end = Math.min(rows, start + BLOCK_ROWS);
    for (let t = 0; t < limit; t++) addTree(t, x, cols, start, end, out, 0);
  }
  return out;
}

function linearMargins(m: LinearModel, x: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows);
  const w = m.weights;
  for (let r = 0; r < rows; r++) {
    let sum = Math.fround(m.bias + m.baseMargin);
    const base = r * cols;
    for (let j = 0; j < cols; j++) {
      const v = x[base + j];
      // Missing values are absent from XGBoost's sparse rows, so they add nothing.
      if (v !== MISSING) sum = Math.fround(sum + Math.fround(v * w[j]));
    }
    out[r] = sum;
  }
  return out;
}

/** Margins (log-odds) for each row; treeLimit uses only the first k trees (ignored by gblinear). */
export function predictMargin(model: BoosterModel, x: Float32Array, rows: number, cols: number, treeLimit?: number): Float32Array {
  checkModelInput(model, x, rows, cols);
  if (model.kind === 'gblinear') return linearMargins(model, x, rows, cols);
  return treeMargins(model, x, rows, cols, resolveTreeLimit(model, treeLimit));
}

/** The logistic function, as binary:logistic turns margins into probabilities. */
export function sigmoid(margin: number): number {
  return 1 / (1 + Math.exp(-margin));
}

/** Probabilities of DNA for each row; treeLimit uses only the first k trees. */
export function predictProbability(model: BoosterModel, x: Float32Array, rows: number, cols: number, treeLimit?: number): Float32Array {
  if (model.objective !== 'binary:logistic') throw new Error(`probabilities need a binary:logistic model, this one is ${model.objective}`);
  const margins = predictMargin(model, x, rows, cols, treeLimit);
  for (let i = 0; i < margins.length; i++) margins[i] = sigmoid(margins[i]);
  return margins;
}
