/**
 * Synchronous training and prediction on a loaded XGBoost module: copies data
 * into the WebAssembly heap, calls the C glue, and frees everything it allocated.
 */
import type { XgbModule } from './wasm-module.ts';

/** What the training loop needs besides the data. */
export interface TrainJob {
  x: Float32Array;
  y: Float32Array;
  rows: number;
  cols: number;
  /** XGBoost name=value pairs, already validated. */
  params: [string, string][];
  rounds: number;
  /** Rounds per call of train_full_model; progress and cancellation happen between calls. */
  chunk: number;
  /** Called after each chunk with the rounds done so far. */
  onChunk(done: number): void;
}

function copyFloats(mod: XgbModule, data: Float32Array): number {
  const ptr = mod._malloc(data.byteLength);
  if (ptr === 0) throw new Error(`engine out of memory allocating ${data.byteLength} bytes`);
  // HEAPF32 is re-read after malloc because growing memory replaces the views.
  mod.HEAPF32.set(data, ptr >> 2);
  return ptr;
}

function copyBytes(mod: XgbModule, data: Uint8Array): number {
  const ptr = mod._malloc(data.byteLength);
  if (ptr === 0) throw new Error(`engine out of memory allocating ${data.byteLength} bytes`);
  mod.HEAPU8.set(data, ptr);
  return ptr;
}

function saveModel(mod: XgbModule, handle: number): Uint8Array {
  const size = mod._save_model(handle);
  if (size <= 0) throw new Error('engine failed to serialise the model');
  const ptr = mod._malloc(size);
  try {
    mod._get_file_content(ptr, size);
    return mod.HEAPU8.slice(ptr, ptr + size);
  } finally {
    mod._free(ptr);
  }
}

/** Trains a model and returns its XGBoost 0.72 binary. */
export function trainInModule(mod: XgbModule, job: TrainJob): Uint8Array {
  const px = copyFloats(mod, job.x);
  let py = 0;
  let handle = 0;
  try {
    py = copyFloats(mod, job.y);
    handle = mod._create_model(px, py, job.rows, job.cols);
    if (handle === 0) throw new Error('engine failed to create the training matrix');
    for (const [name, value] of job.params) mod.ccall('set_param', null, ['number', 'string', 'string'], [handle, name, value]);
    for (let done = 0; done < job.rounds; ) {
      const n = Math.min(job.chunk, job.rounds - done);
      mod._train_full_model(handle, n);
      done += n;
      job.onChunk(done);
    }
    return saveModel(mod, handle);
  } finally {
    if (handle !== 0) mod._free_memory_model(handle);
    if (py !== 0) mod._free(py);
    mod._free(px);
  }
}

/** Probabilities from the engine's own predictor (predict_one, row by row). */
export function predictInModule(mod: XgbModule, model: Uint8Array, x: Float32Array, rows: number, cols: number): Float32Array {
  const pm = copyBytes(mod, model);
  let handle = 0;
  const prow = mod._malloc(cols * 4);
  // predict_one may write one value per output group; 64 floats is ample for binary models.
  const pout = mod._malloc(64 * 4);
  try {
    handle = mod._load_model(pm, model.byteLength);
    if (handle === 0) throw new Error('engine could not load the model');
    const out = new Float32Array(rows);
    for (let r = 0; r < rows; r++) {
      mod.HEAPF32.set(x.subarray(r * cols, (r + 1) * cols), prow >> 2);
      mod._predict_one(handle, prow, cols, pout);
      out[r] = mod.HEAPF32[pout >> 2];
    }
    return out;
  } finally {
    if (handle !== 0) mod._free_memory_model(handle);
    mod._free(pout);
    mod._free(prow);
    mod._free(pm);
  }
}
