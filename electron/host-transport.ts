import type { FromCore } from './core-protocol.ts';
import type { HostTransport } from './core-service.ts';

/** The part of Electron's process.parentPort (utility process) the core uses. */
interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

/** The part of a Node process with an IPC channel (child_process.fork) the core uses. */
interface IpcProcessLike {
  send?: (message: unknown) => boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
}

/**
 * The channel to main: Electron's parentPort inside a utility process, else
 * the Node IPC channel (the same bundle then runs under plain Node, which is
 * how the tests drive it). Null when the process has neither.
 */
export function hostTransport(proc: NodeJS.Process = process, onOrphaned: () => void = () => process.exit(0)): HostTransport | null {
  const port = (proc as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (port) {
    return {
      post: (message: FromCore) => port.postMessage(message),
      onMessage: (listener) => {
        port.on('message', (event) => listener(event.data));
      },
    };
  }
  const ipc = proc as unknown as IpcProcessLike;
  const send = ipc.send;
  if (typeof send !== 'function') return null;
  // A Node child outlives its parent unless told otherwise.
  ipc.on('disconnect', onOrphaned);
  return {
    post: (message: FromCore) => {
      send.call(proc, message);
    },
    onMessage: (listener) => {
      ipc.on('message', listener);
    },
  };
}
