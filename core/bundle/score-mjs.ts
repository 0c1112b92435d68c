/**
 * score.mjs for a bundle: scorer/score-main.ts and everything it imports
 * (the import's CSV reading, the feature pipeline, the predictor and the
 * calibration, plus papaparse) bundled by esbuild into one ES module.
 *
 * The no-dependency guarantee: the module imports nothing but Node's built-in
 * modules (node:fs, node:crypto, ...), so `node score.mjs` runs on a bare Node
 * 20 with no npm install. The build checks this (every input file is ours or
 * papaparse's, every import left in the output is a built-in) and refuses to
 * produce a score.mjs that breaks it.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const ENTRY = 'core/bundle/scorer/score-main.ts';
// Input paths in esbuild's metafile are relative to this folder, as are the
// "// core/..." comments it writes, so no build-machine path reaches the output.
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ALLOWED_INPUT = /^(core\/|node_modules\/papaparse\/)/;

const BANNER = [
  '// score.mjs: DNA risk scorer of an Attend model bundle.',
  '// usage: node score.mjs --data EXTRACT.csv --out SCORES.csv [--mapping MAPPING.json] [--bundle DIR]',
  '// Needs Node 20 or later and nothing else: this file imports only Node built-in modules',
  '// (papaparse, MIT licence, is included below). Generated from the Attend sources; do not edit.',
].join('\n');

let cached: Promise<string> | null = null;

/** Throws unless the build stayed inside our sources and papaparse and imports only Node built-ins. */
function checkSelfContained(meta: Metafile): void {
  const strays = Object.keys(meta.inputs).filter((p) => !ALLOWED_INPUT.test(p));
  if (strays.length > 0) throw new Error(`score.mjs would include files other than the scorer's sources and papaparse: ${strays.join(', ')}`);
  const builtins = new Set(builtinModules);
  for (const output of Object.values(meta.outputs)) {
    for (const imp of output.imports) {
      const name = imp.path.replace(/^node:/, '');
      if (!imp.external || !builtins.has(name)) throw new Error(`score.mjs would import "${imp.path}", which is not a Node built-in module`);
    }
  }
}

async function buildSource(): Promise<string> {
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [ENTRY],
    outfile: 'score.mjs',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    minify: false,
    legalComments: 'inline',
    charset: 'ascii',
    metafile: true,
    logLevel: 'silent',
    banner: { js: BANNER },
  });
  checkSelfContained(result.metafile);
  const [file] = result.outputFiles;
  if (!file || result.outputFiles.length !== 1) throw new Error(`esbuild made ${result.outputFiles.length} files for score.mjs, expected one`);
  return file.text;
}

/** The source of score.mjs, built once per process (same sources, same bytes). */
export function scoreMjsSource(): Promise<string> {
  if (!cached) {
    cached = buildSource();
    // A failed build is not kept, so a later call tries again.
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}
