#!/usr/bin/env node
// Bundle the Electron main process and preload into electron/dist/*.cjs with esbuild.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Build electron/dist/main.cjs and electron/dist/preload.cjs. */
export async function buildElectron({ quiet = false } = {}) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: true,
    logLevel: quiet ? 'error' : 'warning',
    absWorkingDir: root,
  };
  await Promise.all([
    // sqlite3 is a native module and cannot be bundled; electron is provided at run time.
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'electron/dist/main.cjs', external: ['electron', 'sqlite3', 'vite'] }),
    // The sandboxed preload may only require('electron'); everything else is bundled in.
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'electron/dist/preload.cjs', external: ['electron'] }),
  ]);
  return join(root, 'electron', 'dist');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = await buildElectron();
  console.log(`built ${out}/main.cjs and preload.cjs`);
}
