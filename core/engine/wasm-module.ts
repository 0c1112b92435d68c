/**
 * Loads the XGBoost 0.72 WebAssembly build shipped in ml-xgboost, bypassing
 * its JS wrapper (which copies inputs onto the 5 MB stack and fails at 100k rows).
 */
import { createRequire } from 'node:module';

/** The exported C functions and heap views of the emscripten module that the engine uses. */
export interface XgbModule {
  HEAPU8: Uint8Array;
  HEAPF32: Float32Array;
  _malloc(bytes: number): number;
  _free(ptr: number): void;
  /** (x ptr, y ptr, rows, cols) -> model handle; -1 in x means missing. */
  _create_model(x: number, y: number, rows: number, cols: number): number;
  /** Runs n boosting rounds; calling it again continues boosting. */
  _train_full_model(model: number, rounds: number): void;
  /** Serialises the model inside the module; returns its size in bytes. */
  _save_model(model: number): number;
  /** Copies the last serialised model into ptr. */
  _get_file_content(ptr: number, size: number): void;
  /** (bytes ptr, size) -> model handle, 0 on failure. */
  _load_model(ptr: number, size: number): number;
  /** (model, row ptr, cols, out ptr) -> number of outputs written (probabilities). */
  _predict_one(model: number, row: number, cols: number, out: number): number;
  _free_memory_model(model: number): void;
  ccall(name: string, ret: null, types: string[], args: (number | string)[]): void;
  abort(what?: unknown): never;
  print: (line: string) => void;
  printErr: (line: string) => void;
  isReady: Promise<XgbModule>;
}

/** Path of the emscripten glue inside the installed package. */
export const WASM_GLUE = 'ml-xgboost/dist/wasm/xgboost.js';

// The glue tries fetch() on a file path, fails, and falls back to reading the file: harmless.
const STARTUP_NOISE = ['wasm streaming compile failed', 'falling back to ArrayBuffer instantiation'];

/**
 * Instantiates the module in the current thread (one instance per thread: Node
 * caches it per require graph) with console output captured into `log`.
 */
export async function loadXgbModule(log: string[]): Promise<XgbModule> {
  const require = createRequire(import.meta.url);
  const mod = require(WASM_GLUE) as XgbModule;
  // The glue prints at start-up and XGBoost prints while training: keep it off the console.
  const capture = (line: string): void => {
    const text = String(line);
    if (STARTUP_NOISE.some((prefix) => text.startsWith(prefix))) return;
    if (log.length < 1000) log.push(text);
  };
  mod.print = capture;
  mod.printErr = capture;
  return mod.isReady;
}
