/**
 * Entry of the core process (bundled to electron/dist/core-host.cjs): owns the
 * workspace and runs every operation, so a long import or training run, or a
 * crash, never touches the window's main process.
 */
import { ensureDemoWorkspace } from '../core/host/demo-workspace.ts';
import { createHostSession } from '../core/host/host-session.ts';
import { CORE_ENV } from './core-protocol.ts';
import { serveCore, type HostTransport } from './core-service.ts';
import { hostTransport } from './host-transport.ts';

/** Report a start-up failure to main, then exit; the pause lets the message leave before the channel closes. */
function fail(transport: HostTransport, message: string, code: number): void {
  transport.post({ kind: 'fatal', message });
  setTimeout(() => process.exit(code), 200);
}

async function main(): Promise<void> {
  const transport = hostTransport();
  if (!transport) {
    process.stderr.write('core-host: started without a channel to the main process (run it through utilityProcess.fork or child_process.fork)\n');
    process.exit(2);
  }
  const workspacePath = process.env[CORE_ENV.workspace];
  if (!workspacePath) {
    return fail(transport, `no workspace given (${CORE_ENV.workspace} is empty)`, 2);
  }
  if (process.env[CORE_ENV.demo] === '1') {
    try {
      await ensureDemoWorkspace(workspacePath);
    } catch (err) {
      return fail(transport, `could not create the demo workspace ${workspacePath}: ${(err as Error).message}`, 1);
    }
  }
  await serveCore(transport, createHostSession(workspacePath));
  process.exit(0);
}

void main();
