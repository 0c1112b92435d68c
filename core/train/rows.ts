/** The rows `index` of a row-major matrix, as a new matrix. */
export function takeRows(x: Float32Array, cols: number, index: Int32Array): Float32Array {
  const out = new Float32Array(index.length * cols);
  for (let i = 0; i < index.length; i++) out.set(x.subarray(index[i] * cols, index[i] * cols + cols), i * cols);
  return out;
}

/** The entries `index` of a vector. */
export function takeValues(v: Float32Array, index: Int32Array): Float32Array {
  const out = new Float32Array(index.length);
  for (let i = 0; i < index.length; i++) out[i] = v[index[i]];
  return out;
}
