import { dispatch, isOperationName, type OperationContext } from '../core/api/index.ts';
import type { HostSession } from '../core/host/host-session.ts';
import { asToCore, type FromCore } from './core-protocol.ts';

/** How the core process talks to main: Electron's parentPort or a Node IPC channel (host-transport.ts). */
export interface HostTransport {
  post(message: FromCore): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** Reason given to an operation's AbortSignal when main cancels it. */
export const CANCELLED_BY_USER = 'cancelled';

/**
 * Serve main's calls on one HostSession: each call gets its own AbortSignal,
 * and its progress events go back tagged with its id. Resolves once a
 * shutdown request has closed the session.
 */
export function serveCore(transport: HostTransport, session: HostSession): Promise<void> {
  const running = new Map<number, AbortController>();
  // The session's progress feed is shared by all calls; the call whose
  // progress() is on the stack is the one the (synchronous) event belongs to.
  let reporting: number | undefined;
  session.onProgress((event) => {
    if (reporting !== undefined) transport.post({ kind: 'progress', id: reporting, event });
  });

  const post = (message: FromCore): void => {
    try {
      transport.post(message);
    } catch (err) {
      // A result that cannot be cloned must still end the call.
      if (message.kind === 'result') {
        transport.post({ kind: 'error', id: message.id, message: `the result could not be sent to the window: ${(err as Error).message}` });
      }
    }
  };

  async function run(id: number, name: string, input: unknown): Promise<void> {
    if (running.has(id)) return post({ kind: 'error', id, message: `call id ${id} is already running` });
    if (!isOperationName(name)) return post({ kind: 'error', id, message: `unknown operation '${name}'` });
    const controller = new AbortController();
    running.set(id, controller);
    const base = session.context(name, controller.signal);
    const ctx: OperationContext = {
      ...base,
      progress: (event) => {
        reporting = id;
        try {
          base.progress(event);
        } finally {
          reporting = undefined;
        }
      },
    };
    try {
      post({ kind: 'result', id, result: await dispatch(name, input, ctx) });
    } catch (err) {
      post({ kind: 'error', id, message: err instanceof Error ? err.message : String(err) });
    } finally {
      running.delete(id);
    }
  }

  return new Promise<void>((resolve) => {
    transport.onMessage((raw) => {
      const message = asToCore(raw);
      if (!message) return;
      if (message.kind === 'call') void run(message.id, message.name, message.input);
      else if (message.kind === 'cancel') running.get(message.id)?.abort(new Error(CANCELLED_BY_USER));
      else {
        for (const controller of running.values()) controller.abort(new Error('the app is closing'));
        void session.close().finally(resolve);
      }
    });
    transport.post({ kind: 'ready' });
  });
}
