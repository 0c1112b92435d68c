/**
 * Body of the import worker thread: produces the packed batches of one file and
 * posts them; a failure is posted as a message (a NotUtf8Error with its offset,
 * so the caller can retry as Windows-1252).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { produceBatches } from './batch-producer.ts';
import type { ProducerInput, ProducerMessage } from './import-protocol.ts';
import { NotUtf8Error } from './record-stream.ts';

if (parentPort) {
  const port = parentPort;
  const post = (message: ProducerMessage, transfer: ArrayBuffer[]) => port.postMessage(message, transfer);
  try {
    await produceBatches(workerData as ProducerInput, post);
  } catch (err) {
    post(
      {
        kind: 'failed',
        message: err instanceof Error ? err.message : String(err),
        notUtf8At: err instanceof NotUtf8Error ? err.byteOffset : null,
      },
      [],
    );
  }
}
