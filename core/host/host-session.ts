import type { OperationContext, ProgressEvent } from '../api/index.ts';
import { openWorkspace, type Workspace } from '../workspace/index.ts';

/** What every host (browser, Electron) keeps for its lifetime: one workspace and a progress feed. */
export interface HostSession {
  readonly workspacePath: string;
  /** An operation context for one request; the signal cancels that request only. */
  context(operation: string, signal: AbortSignal): OperationContext;
  /** Listen to progress of every running operation; returns the unsubscribe function. */
  onProgress(listener: (event: ProgressEvent) => void): () => void;
  close(): Promise<void>;
}

// Imports report progress per chunk; ten updates a second is plenty for a progress bar.
const PROGRESS_INTERVAL_MS = 100;

/** Open a session on a workspace file; the workspace itself opens on first use. */
export function createHostSession(workspacePath: string): HostSession {
  let ws: Promise<Workspace> | undefined;
  let closed = false;
  const listeners = new Set<(event: ProgressEvent) => void>();

  const emit = (event: ProgressEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener (closed stream) must not fail the operation reporting progress.
      }
    }
  };

  return {
    workspacePath,
    context(operation, signal) {
      let last = 0;
      return {
        signal,
        workspace: () => {
          if (closed) return Promise.reject(new Error('the host is closing'));
          ws ??= openWorkspace(workspacePath);
          // A failed open (bad file) should be retried on the next request, not cached.
          ws.catch(() => (ws = undefined));
          return ws;
        },
        progress: (e) => {
          const now = Date.now();
          const final = e.total !== undefined && e.done >= e.total;
          if (!final && now - last < PROGRESS_INTERVAL_MS) return;
          last = now;
          emit({ operation, ...e });
        },
      };
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      listeners.clear();
      const open = ws;
      ws = undefined;
      if (open) await (await open.catch(() => undefined))?.close();
    },
  };
}
