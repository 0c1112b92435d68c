import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoExtract } from '../../../core/demo/index.ts';
import { repoPaths, startHttpHost, type HttpHost } from '../../../core/host/index.ts';
import type { OperationName, OperationOutput } from '../../../core/api/index.ts';

/** A browser-mode host on an empty workspace, with a small demo extract ready to import. */
export interface AppHost {
  host: HttpHost;
  dir: string;
  extract: string;
  /** Call an operation over the host's HTTP API, as the renderer does. */
  api<N extends OperationName>(name: N, input: unknown): Promise<OperationOutput<N>>;
  close(): Promise<void>;
}

/** Start the host in this process (the renderer must be built) with a demo extract of `rows` rows. */
export async function startAppHost(rows = 20_000, seed = 7): Promise<AppHost> {
  const dir = await mkdtemp(join(tmpdir(), 'attend-e2e-'));
  const extract = join(dir, 'clinic-extract.csv');
  await writeDemoExtract({ out: extract, rows, seed });
  const host = await startHttpHost({ workspacePath: join(dir, 'workspace.sqlite'), staticDir: repoPaths.rendererDist });
  return {
    host,
    dir,
    extract,
    async api(name, input) {
      const res = await fetch(`http://127.0.0.1:${host.port}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-attend-token': host.token },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
      return body.result as OperationOutput<typeof name>;
    },
    async close() {
      await host.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
