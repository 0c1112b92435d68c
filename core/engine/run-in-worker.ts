/**
 * Runs one engine request in a fresh worker thread, so an abort inside
 * WebAssembly or a dying thread becomes a rejected promise for the caller.
 */
import { Worker } from 'node:worker_threads';
import type { EngineReply, EngineRequest } from './worker-protocol.ts';

/** Message of the Error a cancelled job rejects with. */
export const CANCELLED = 'training cancelled';

/** Caller-side hooks of one worker job. */
export interface WorkerJobOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Buffers moved to the worker instead of copied; they are detached in the caller. */
  transfer?: ArrayBuffer[];
}

type FinalReply = Exclude<EngineReply, { kind: 'progress' } | { kind: 'failed' }>;

/** Starts a worker for `request` and resolves with its final reply. */
export function runInWorker(request: EngineRequest, opts: WorkerJobOptions = {}): Promise<FinalReply> {
  const { signal } = opts;
  if (signal?.aborted) return Promise.reject(new Error(CANCELLED));
  return new Promise<FinalReply>((resolve, reject) => {
    const worker = new Worker(new URL('./engine-worker.mjs', import.meta.url), {
      workerData: request,
      transferList: opts.transfer ?? [],
      // The engine's messages are captured in the worker; keep stray output off the caller's console too.
      stdout: true,
      stderr: true,
    });
    // Nothing should print (the worker captures the engine's output), but keep a tail for crash reports.
    let stderrTail = '';
    worker.stdout.resume();
    worker.stderr.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString()).slice(-2000);
    });
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
      void worker.terminate();
    };
    const onAbort = (): void => finish(() => reject(new Error(CANCELLED)));
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (reply: EngineReply) => {
      if (reply.kind === 'progress') {
        if (!settled) opts.onProgress?.(reply.done, reply.total);
      } else if (reply.kind === 'failed') {
        finish(() => reject(new Error(reply.message)));
      } else {
        finish(() => resolve(reply));
      }
    });
    worker.on('error', (err) => finish(() => reject(new Error(`engine worker crashed: ${err instanceof Error ? err.message : String(err)}`))));
    worker.on('exit', (code) => {
      const detail = stderrTail.trim() ? `: ${stderrTail.trim()}` : '';
      finish(() => reject(new Error(`engine worker stopped unexpectedly (exit code ${code})${detail}`)));
    });
  });
}
