import { resolve } from 'node:path';
import type { LongRunningCommand } from '../commands.ts';
import { optionalInt } from '../args.ts';
import { UsageError } from '../context.ts';
import { defaultWorkspacePath, ensureDemoWorkspace, ensureRendererBuilt, startHttpHost } from '../../host/index.ts';

/** `serve [--port P] [--workspace DB]`: the app in a browser, bound to 127.0.0.1, until Ctrl+C. */
export const serveCommand: LongRunningCommand = {
  usage: '[--port P] [--workspace DB]   the app in a browser, bound to 127.0.0.1',
  options: { port: { type: 'string' }, workspace: { type: 'string' } },
  run: async ({ values, json }) => {
    const port = optionalInt(values, 'port') ?? 0;
    if (port < 0 || port > 65535) throw new UsageError(`--port must be between 0 and 65535, got ${port}`);
    const given = typeof values.workspace === 'string' && values.workspace !== '' ? resolve(values.workspace) : undefined;
    const workspacePath = given ?? defaultWorkspacePath();
    const say = (line: string) => {
      if (!json) process.stderr.write(`${line}\n`);
    };
    if (!given) {
      say(`workspace ${workspacePath}`);
      const { created } = await ensureDemoWorkspace(workspacePath);
      if (created) say('created the demo workspace (150,000 synthetic appointments)');
    }
    const staticDir = await ensureRendererBuilt();
    const host = await startHttpHost({ port, workspacePath, staticDir });
    process.stdout.write(json ? `${JSON.stringify({ url: host.url })}\n` : `Attend is running at ${host.url}\n`);
    say('Press Ctrl+C to stop.');
    const signal = await new Promise<NodeJS.Signals>((done) => {
      process.once('SIGINT', () => done('SIGINT'));
      process.once('SIGTERM', () => done('SIGTERM'));
    });
    say(`${signal}: stopping`);
    await host.close();
    return 0;
  },
};
