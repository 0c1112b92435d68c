/**
 * The matrix handed to the engine and the checks that keep bad values out of
 * WebAssembly, where a NaN aborts the whole instance.
 */

/** Value that marks a missing feature; the feature encoder never emits it for a real value. */
export const MISSING = -1;

/** A dense row-major feature matrix with 0/1 labels. */
export interface TrainingData {
  /** rows * cols values, row-major; missing is -1, never NaN. */
  x: Float32Array;
  /** One label per row: 1 = DNA, 0 = attended. */
  y: Float32Array;
  rows: number;
  cols: number;
}

/** Throws an Error naming the first bad row/column when the matrix is not fit for prediction. */
export function checkMatrix(x: Float32Array, rows: number, cols: number): void {
  if (!(x instanceof Float32Array)) throw new Error('x must be a Float32Array');
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows must be a positive whole number, got ${rows}`);
  if (!Number.isInteger(cols) || cols < 1) throw new Error(`cols must be a positive whole number, got ${cols}`);
  if (x.length !== rows * cols) throw new Error(`x has ${x.length} values but rows * cols = ${rows * cols}`);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    // v - v is 0 for finite numbers and NaN for NaN and +-Infinity.
    if (v - v !== 0) {
      const what = Number.isNaN(v) ? 'NaN' : String(v);
      throw new Error(`x has ${what} at row ${Math.floor(i / cols)}, column ${i % cols}: encode missing values as -1`);
    }
  }
}

/** Throws an Error naming the first bad row when the matrix or the labels are not fit for training. */
export function checkTrainingData(data: TrainingData): void {
  if (data === null || typeof data !== 'object') throw new Error('training data must be an object { x, y, rows, cols }');
  checkMatrix(data.x, data.rows, data.cols);
  if (!(data.y instanceof Float32Array)) throw new Error('y must be a Float32Array');
  if (data.y.length !== data.rows) throw new Error(`y has ${data.y.length} labels but there are ${data.rows} rows`);
  let positives = 0;
  for (let i = 0; i < data.y.length; i++) {
    const v = data.y[i];
    if (v !== 0 && v !== 1) throw new Error(`y has ${v} at row ${i}: labels must be 0 or 1`);
    positives += v;
  }
  if (positives === 0 || positives === data.rows) throw new Error(`y must contain both classes (found ${positives} positives in ${data.rows} rows)`);
}
