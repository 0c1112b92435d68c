/**
 * Body of the engine worker thread: loads the WebAssembly module, runs one
 * request and posts the outcome. An emscripten abort() throws a string, so
 * every throw is turned into a message here; a thread that dies anyway is
 * reported by the caller's exit handler.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadXgbModule } from './wasm-module.ts';
import { predictInModule, trainInModule } from './wasm-session.ts';
import type { EngineReply, EngineRequest } from './worker-protocol.ts';

function describe(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  // emscripten aborts throw a string that carries a long JS stack trace.
  return String(thrown).split('\n')[0];
}

async function run(request: EngineRequest, post: (reply: EngineReply, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const log: string[] = [];
  try {
    const mod = await loadXgbModule(log);
    if (request.kind === 'train') {
      const model = trainInModule(mod, {
        ...request,
        onChunk: (done) => post({ kind: 'progress', done, total: request.rounds }),
      });
      post({ kind: 'trained', model, log }, [model.buffer as ArrayBuffer]);
    } else {
      const values = predictInModule(mod, request.model, request.x, request.rows, request.cols);
      post({ kind: 'predicted', values }, [values.buffer as ArrayBuffer]);
    }
  } catch (thrown) {
    post({ kind: 'failed', message: `engine failed: ${describe(thrown)}`, log });
  }
}

if (parentPort) {
  const port = parentPort;
  await run(workerData as EngineRequest, (reply, transfer) => port.postMessage(reply, transfer ?? []));
}
