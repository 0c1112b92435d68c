#!/usr/bin/env node
// Bundle the Electron side with esbuild into electron/dist:
//   main.cjs        main process (window, IPC checks, relay to the core process)
//   preload.cjs     sandboxed preload (may only require('electron'))
//   core-host.cjs   the core process (utilityProcess.fork): all of core/, compiled
//   engine-worker.mjs, import-worker.mjs   the core's worker threads, compiled
// The core is TypeScript run through tsx everywhere else; in Electron it is
// compiled here instead, so the app needs no TypeScript loader at run time.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

// Loaded from node_modules at run time, never bundled: sqlite3 is native (found
// through its `bindings` lookup), ml-xgboost's glue reads its .wasm beside it,
// esbuild and vite spawn their own binaries, electron is provided by Electron.
const EXTERNAL = ['electron', 'sqlite3', 'ml-xgboost', 'esbuild', 'vite', 'tsx'];

/** The worker entries of the core, compiled beside the bundles under these names. */
const WORKERS = { 'engine-worker.mjs': 'core/engine/engine-worker.ts', 'import-worker.mjs': 'core/import/import-worker.ts' };

/** The files buildElectron writes, relative to its output folder. */
export const ELECTRON_BUNDLES = ['main.cjs', 'preload.cjs', 'core-host.cjs', ...Object.keys(WORKERS)];

// Every bundle defines __attendBundleUrl, the URL of the bundle file itself.
const BUNDLE_URL_CJS = "const __attendBundleUrl = require('node:url').pathToFileURL(__filename).href;";
// CommonJS packages bundled into an ES module still call require() for Node built-ins.
const BUNDLE_URL_ESM =
  "import { createRequire as __attendCreateRequire } from 'node:module'; const require = __attendCreateRequire(import.meta.url); const __attendBundleUrl = import.meta.url;";

const WORKER_URL = /new URL\(\s*(['"])\.\/([\w-]+-worker\.mjs)\1\s*,\s*import\.meta\.url\s*\)/g;
const IMPORT_META_URL = /\bimport\.meta\.url\b/g;

/**
 * The core finds files relative to its own module (import.meta.url): templates,
 * '../../package.json', node_modules through createRequire, its worker files.
 * In a bundle every module would share the bundle's URL, so this plugin gives
 * each project module the URL of its own source file again (computed from the
 * bundle's location at run time, so it holds wherever the app is installed;
 * the app ships core/ for that reason). Worker files are the exception: they
 * point to the compiled workers beside the bundle, so no TypeScript loader is
 * needed at run time. An unknown worker name fails the build.
 */
function moduleUrlPlugin(outDir) {
  return {
    name: 'attend-module-url',
    setup(b) {
      b.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, async (args) => {
        const rel = relative(root, args.path);
        if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep)[0] === 'node_modules') return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const fromBundle = relative(outDir, args.path).split(sep).join('/');
        const contents = source
          .replace(WORKER_URL, (_m, _q, worker) => {
            if (!(worker in WORKERS)) throw new Error(`${rel} starts a worker ${worker} that scripts/build-electron.mjs does not build (add it to WORKERS)`);
            return `new URL(${JSON.stringify(`./${worker}`)}, __attendBundleUrl)`;
          })
          .replace(IMPORT_META_URL, `new URL(${JSON.stringify(fromBundle)}, __attendBundleUrl).href`);
        return { contents, loader: args.path.endsWith('ts') ? 'ts' : 'js' };
      });
    },
  };
}

/**
 * Build the bundles into outDir (default electron/dist). outDir must lie inside
 * the project, so the bundles find node_modules (sqlite3, ml-xgboost, esbuild).
 */
export async function buildElectron({ quiet = false, outDir = join(root, 'electron', 'dist') } = {}) {
  const out = resolve(outDir);
  const inside = relative(root, out);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw new Error(`buildElectron: ${out} must be a folder inside ${root}, where node_modules is found`);
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel: quiet ? 'error' : 'warning',
    absWorkingDir: root,
    external: EXTERNAL,
    plugins: [moduleUrlPlugin(out)],
  };
  const cjs = { ...common, format: 'cjs', banner: { js: BUNDLE_URL_CJS } };
  const esm = { ...common, format: 'esm', banner: { js: BUNDLE_URL_ESM } };
  await Promise.all([
    build({ ...cjs, entryPoints: ['electron/main.ts'], outfile: join(out, 'main.cjs') }),
    build({ ...cjs, entryPoints: ['electron/core-host.ts'], outfile: join(out, 'core-host.cjs') }),
    // The sandboxed preload may only require('electron'); everything else is bundled in.
    build({ ...common, format: 'cjs', external: ['electron'], plugins: [], entryPoints: ['electron/preload.ts'], outfile: join(out, 'preload.cjs') }),
    ...Object.entries(WORKERS).map(([name, entry]) => build({ ...esm, entryPoints: [entry], outfile: join(out, name) })),
  ]);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // --out DIR: build somewhere else than electron/dist (the tests do).
  const at = process.argv.indexOf('--out');
  const out = await buildElectron(at > 0 && process.argv[at + 1] ? { outDir: process.argv[at + 1] } : {});
  console.log(`built ${ELECTRON_BUNDLES.join(', ')} in ${out}`);
}
