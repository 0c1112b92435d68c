/**
 * Messages between the calling thread and the engine worker. Each worker runs
 * exactly one request and is then terminated, so every job gets a fresh heap.
 */

/** Train a model; `params` are XGBoost name=value pairs already validated. */
export interface TrainRequest {
  kind: 'train';
  x: Float32Array;
  y: Float32Array;
  rows: number;
  cols: number;
  params: [string, string][];
  rounds: number;
  chunk: number;
}

/** Predict probabilities with the engine's own predictor. */
export interface PredictRequest {
  kind: 'predict';
  model: Uint8Array;
  x: Float32Array;
  rows: number;
  cols: number;
}

/** Anything the engine worker can be asked to do. */
export type EngineRequest = TrainRequest | PredictRequest;

/** Worker to caller: progress, the result, or a failure turned into plain data. */
export type EngineReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'trained'; model: Uint8Array; log: string[] }
  | { kind: 'predicted'; values: Float32Array }
  | { kind: 'failed'; message: string; log: string[] };
