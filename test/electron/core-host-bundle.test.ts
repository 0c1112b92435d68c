import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../core/api/index.ts';
import { CORE_ENV } from '../../electron/core-protocol.ts';
import { createCoreRelay, type CoreRelay } from '../../electron/core-relay.ts';
import { nodeCoreSpawner } from './helpers/node-core-process.ts';

// The real bundles, built the way `npm start` and `npm run dist` build them,
// into a scratch folder inside the project (node_modules is found from there).
const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, 'node_modules', '.cache', `attend-electron-test-${process.pid}`);
const work = mkdtempSync(join(tmpdir(), 'attend-core-host-'));
const relays: CoreRelay[] = [];

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--out', out], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build-electron failed:\n${built.stderr}`);
});

afterAll(async () => {
  await Promise.all(relays.map((r) => r.close()));
  rmSync(out, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** A relay to the bundled core host on `workspace`, as main.ts sets it up (plain Node instead of a utility process). */
function relayTo(workspace: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, [CORE_ENV.demo]: '0' };
  if (workspace) env[CORE_ENV.workspace] = workspace;
  else delete env[CORE_ENV.workspace];
  const { spawn, children } = nodeCoreSpawner(join(out, 'core-host.cjs'), env);
  const relay = createCoreRelay(spawn);
  relays.push(relay);
  return { relay, children };
}

/** Static require()s of a CommonJS bundle. */
const requiresOf = (file: string) => [...new Set([...readFileSync(join(out, file), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))].sort();
const isBuiltin = (name: string) => builtinModules.includes(name.replace(/^node:/, ''));

describe('electron bundles', () => {
  it('are the five files main and the core process load', () => {
    const files = readdirSync(out).filter((f) => !f.endsWith('.map')).sort();
    expect(files).toEqual(['core-host.cjs', 'engine-worker.mjs', 'import-worker.mjs', 'main.cjs', 'preload.cjs']);
  });

  it('preload requires nothing but electron (a sandboxed preload can load nothing else)', () => {
    expect(requiresOf('preload.cjs')).toEqual(['electron']);
  });

  it('the core host loads only Node built-ins, sqlite3 and esbuild from outside: no electron, no TypeScript loader', () => {
    expect(requiresOf('core-host.cjs').filter((n) => !isBuiltin(n))).toEqual(['esbuild', 'sqlite3']);
    const text = readFileSync(join(out, 'core-host.cjs'), 'utf8');
    // Workers are the compiled ones beside the bundle, not core/'s tsx bootstraps.
    expect(text).toContain('new URL("./engine-worker.mjs", __attendBundleUrl)');
    expect(text).toContain('new URL("./import-worker.mjs", __attendBundleUrl)');
    expect(text).not.toContain('tsx/esm/api');
  });
});

describe('the bundled core host, driven through the relay', () => {
  it('imports (import worker), trains (engine worker, WebAssembly) and reports progress per call', async () => {
    const { relay } = relayTo(join(work, 'a.sqlite'));
    const csv = join(work, 'extract.csv');
    const generated = (await relay.call('demo.generate', { out: csv, rows: 3000, seed: 3 }).result) as { rows: number };
    expect(generated.rows).toBe(3000);
    const imported = (await relay.call('import.run', { file: csv, dataset: 'demo' }).result) as { dataset: string; rowsImported: number };
    expect(imported.dataset).toBe('demo');
    const progress: ProgressEvent[] = [];
    const trained = (await relay.call('train.run', { dataset: 'demo', config: { params: { trees: 20, maxDepth: 3 } } }, (e) => progress.push(e)).result) as {
      runId: string;
      trees: number;
    };
    expect(trained.trees).toBeGreaterThan(0);
    expect(trained.trees).toBeLessThanOrEqual(20);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((e) => e.operation === 'train.run')).toBe(true);
    const runs = (await relay.call('runs.list', {}).result) as Array<{ id: string }>;
    expect(runs.map((r) => r.id)).toEqual([trained.runId]);
    expect(relay.started).toBe(1);
  });

  it('cancels a call in the core process by its id', async () => {
    const { relay } = relayTo(join(work, 'b.sqlite'));
    let call: ReturnType<CoreRelay['call']> | undefined;
    const firstProgress = new Promise<void>((resolve) => {
      call = relay.call('demo.generate', { out: join(work, 'big.csv'), rows: 4_000_000, seed: 1 }, () => resolve());
    });
    await firstProgress;
    expect(relay.cancel(call!.id)).toBe(true);
    await expect(call!.result).rejects.toThrow(/^cancelled$/);
    // The process lives on and serves the next call.
    expect(await relay.call('datasets.list', {}).result).toEqual([]);
    expect(relay.started).toBe(1);
  });

  it('rejects pending calls when the core process dies, and serves again from a restarted one', async () => {
    const { relay, children } = relayTo(join(work, 'c.sqlite'));
    expect(await relay.call('datasets.list', {}).result).toEqual([]);
    let call: ReturnType<CoreRelay['call']> | undefined;
    const running = new Promise<void>((resolve) => {
      call = relay.call('demo.generate', { out: join(work, 'big2.csv'), rows: 4_000_000, seed: 1 }, () => resolve());
    });
    await running;
    children[0].kill('SIGKILL');
    await expect(call!.result).rejects.toThrow(
      "the core process stopped unexpectedly (no exit code) while running 'demo.generate'; Attend has restarted it, so the operation can be run again",
    );
    expect(relay.started).toBe(2);
    expect(await relay.call('datasets.list', {}).result).toEqual([]);
  });

  it('reports a core process that cannot start', async () => {
    const { relay } = relayTo(undefined);
    await expect(relay.call('datasets.list', {}).result).rejects.toThrow(
      `the core process could not start: no workspace given (${CORE_ENV.workspace} is empty)`,
    );
  });
});
