/**
 * The engine's own predictions (XGBoost's predict_one in WebAssembly), used
 * as a reference for our predictor and to check a model loads in the engine.
 */
import { runInWorker } from './run-in-worker.ts';
import { checkMatrix } from './training-data.ts';

/** Probabilities for each row from XGBoost itself, computed in a worker thread (slow: one call per row). */
export async function predictWithEngine(model: Uint8Array, x: Float32Array, rows: number, cols: number): Promise<Float32Array> {
  checkMatrix(x, rows, cols);
  const reply = await runInWorker({ kind: 'predict', model, x, rows, cols });
  if (reply.kind !== 'predicted') throw new Error(`engine replied ${reply.kind} to a prediction request`);
  return reply.values;
}
