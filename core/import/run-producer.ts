import { Worker } from 'node:worker_threads';
import type { BatchMessage, DoneMessage, ProducerInput, ProducerMessage } from './import-protocol.ts';
import { NotUtf8Error } from './record-stream.ts';

/** Message of the Error a cancelled import rejects with. */
export const IMPORT_CANCELLED = 'import cancelled';

/** The consumer's side of one produced file. */
export interface ProducerHooks {
  /** Takes each batch in file order; a returned promise holds back the next one (and, in time, the worker). */
  onBatch(batch: BatchMessage): void | Promise<void>;
  signal?: AbortSignal;
}

/**
 * Run `produceBatches` in a worker thread and feed its batches to `onBatch` one
 * at a time, acknowledging each once taken so the worker stays a bounded
 * distance ahead. Resolves with the worker's summary; rejects (and stops the
 * worker) on a worker failure or death, an `onBatch` error, or `signal`.
 */
export function runProducer(input: Omit<ProducerInput, 'acks'>, hooks: ProducerHooks): Promise<DoneMessage> {
  const { signal } = hooks;
  if (signal?.aborted) return Promise.reject(new Error(IMPORT_CANCELLED));
  const acks = new Int32Array(new SharedArrayBuffer(4));
  return new Promise<DoneMessage>((resolve, reject) => {
    const worker = new Worker(new URL('./import-worker.mjs', import.meta.url), {
      workerData: { ...input, acks: acks.buffer },
      stderr: true,
    });
    let stderrTail = '';
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
    const fail = (err: unknown) => finish(() => reject(err instanceof Error ? err : new Error(String(err))));
    const onAbort = () => fail(new Error(IMPORT_CANCELLED));
    signal?.addEventListener('abort', onAbort, { once: true });

    const queue: ProducerMessage[] = [];
    let pumping = false;
    const pump = async () => {
      if (pumping) return;
      pumping = true;
      try {
        while (queue.length > 0 && !settled) {
          const message = queue.shift() as ProducerMessage;
          if (message.kind === 'failed') {
            fail(message.notUtf8At !== null ? new NotUtf8Error(message.notUtf8At) : new Error(message.message));
          } else if (message.kind === 'done') {
            finish(() => resolve(message));
          } else {
            const waiting = hooks.onBatch(message);
            if (waiting) await waiting;
            if (signal?.aborted) throw new Error(IMPORT_CANCELLED);
            Atomics.add(acks, 0, 1);
            Atomics.notify(acks, 0);
          }
        }
      } catch (err) {
        fail(err);
      } finally {
        pumping = false;
      }
    };
    // Set once the worker's last word is in: its exit is then expected, even with batches still queued.
    let ended = false;
    worker.on('message', (message: ProducerMessage) => {
      if (message.kind !== 'batch') ended = true;
      queue.push(message);
      void pump();
    });
    worker.on('error', (err) => fail(new Error(`import worker crashed: ${err instanceof Error ? err.message : String(err)}`)));
    worker.on('exit', (code) => {
      if (ended) return;
      const detail = stderrTail.trim() ? `: ${stderrTail.trim()}` : '';
      fail(new Error(`import worker stopped unexpectedly (exit code ${code})${detail}`));
    });
  });
}
