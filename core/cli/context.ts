import type { OperationContext, ProgressEvent } from '../api/index.ts';
import { openWorkspace, type Workspace } from '../workspace/index.ts';

/** An operation context for one CLI command: lazily opened workspace (created only when the command may), progress on stderr. */
export function cliContext(workspacePath: string | undefined, showProgress: boolean, createWorkspace = false) {
  let ws: Promise<Workspace> | undefined;
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('cancelled'));
  process.once('SIGINT', onSigint);
  let lastPrint = 0;
  const ctx: OperationContext = {
    signal: controller.signal,
    workspace: () => {
      if (!workspacePath) throw new UsageError('--workspace DB is required');
      ws ??= openWorkspace(workspacePath, { mustExist: !createWorkspace });
      return ws;
    },
    progress: (e: Omit<ProgressEvent, 'operation'>) => {
      if (!showProgress) return;
      const now = Date.now();
      if (now - lastPrint < 500) return;
      lastPrint = now;
      const pct = e.total ? ` ${Math.round((100 * e.done) / e.total)}%` : '';
      process.stderr.write(`${e.stage}${pct}${e.message ? ` ${e.message}` : ''}\n`);
    },
  };
  return {
    ctx,
    close: async () => {
      process.off('SIGINT', onSigint);
      if (ws) await (await ws).close();
    },
  };
}

/** Wrong command-line usage; main prints it with the usage text and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
