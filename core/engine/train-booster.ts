/**
 * trainBooster: the engine's training entry point. Validates data and
 * parameters in the caller, then trains in a worker thread in chunks of a few
 * rounds so progress is reported and cancellation is prompt.
 */
import { resolveBoosterParams, toXgboostParams, type BoosterParams } from './booster-params.ts';
import { runInWorker } from './run-in-worker.ts';
import { checkTrainingData, type TrainingData } from './training-data.ts';

/** Caller options of one training run. */
export interface TrainOptions {
  /** Called every few rounds with rounds done and rounds asked for. */
  onProgress?: (treesDone: number, total: number) => void;
  /** Aborting rejects with Error('training cancelled') and stops the worker at once. */
  signal?: AbortSignal;
  /**
   * Move x and y to the worker instead of copying them (saves one copy of the
   * matrix); the caller's arrays are detached afterwards. Default false.
   */
  transfer?: boolean;
  /** Rounds per engine call between progress reports. Default 5. */
  chunk?: number;
}

/** A trained model as the engine wrote it. */
export interface TrainedBooster {
  /** XGBoost 0.72 binary model (loads in Python XGBoost with Booster(model_file=...)). */
  model: Uint8Array;
  /** Boosting rounds trained. */
  trees: number;
  /** Wall-clock seconds, worker start-up included. */
  seconds: number;
  /** What the engine printed, captured (with silent=1 just a notice that hist was selected). */
  log: string[];
}

function ownedBuffer(a: Float32Array): Float32Array {
  // Transferring a view of a larger buffer would detach the rest of it too.
  const whole = a.byteOffset === 0 && a.byteLength === a.buffer.byteLength && a.buffer instanceof ArrayBuffer;
  return whole ? a : a.slice();
}

/** Trains a gradient-boosted (or linear) binary:logistic model in a worker thread. */
export async function trainBooster(data: TrainingData, params: Partial<BoosterParams> = {}, opts: TrainOptions = {}): Promise<TrainedBooster> {
  const resolved = resolveBoosterParams(params);
  checkTrainingData(data);
  if (resolved.monotoneConstraints.length > data.cols) {
    throw new Error(`Parameter monotoneConstraints has ${resolved.monotoneConstraints.length} entries but the data has ${data.cols} columns`);
  }
  const chunk = opts.chunk ?? 5;
  if (!Number.isInteger(chunk) || chunk < 1) throw new Error(`chunk must be a positive whole number, got ${chunk}`);
  const x = opts.transfer ? ownedBuffer(data.x) : data.x;
  const y = opts.transfer ? ownedBuffer(data.y) : data.y;
  const started = performance.now();
  const reply = await runInWorker(
    { kind: 'train', x, y, rows: data.rows, cols: data.cols, params: toXgboostParams(resolved), rounds: resolved.trees, chunk },
    { onProgress: opts.onProgress, signal: opts.signal, transfer: opts.transfer ? [x.buffer as ArrayBuffer, y.buffer as ArrayBuffer] : [] },
  );
  if (reply.kind !== 'trained') throw new Error(`engine replied ${reply.kind} to a training request`);
  return { model: reply.model, trees: resolved.trees, seconds: (performance.now() - started) / 1000, log: reply.log };
}
