import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { builtinModules } from 'node:module';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreMjsSource } from '../../core/bundle/score-mjs.ts';
import { trainedBundle, type TrainedBundle } from './helpers/trained-bundle.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

/** Run `node score.mjs ...args` the way another trust would: plain Node, no loader, no node_modules nearby. */
function runScore(script: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', cwd: tmpdir(), env: { PATH: process.env.PATH ?? '' } });
}

/** appointment_id -> [outcome, probability text] of a score.mjs output file, checking its header. */
function readScores(file: string): Map<string, [string, string]> {
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  expect(header).toBe('appointment_id,outcome,probability');
  return new Map(
    lines.map((line) => {
      const [id, outcome, p] = line.split(',');
      return [id, [outcome, p]];
    }),
  );
}

/** Largest |difference| from the app's probabilities, after checking the same appointments were scored. */
function maxDiff(scores: Map<string, [string, string]>, app: Map<string, number>): number {
  expect(new Set(scores.keys())).toEqual(new Set(app.keys()));
  let max = 0;
  for (const [id, [, p]] of scores) max = Math.max(max, Math.abs(Number(p) - (app.get(id) as number)));
  return max;
}

describe('score.mjs source', () => {
  let source: string;
  beforeAll(async () => {
    const started = performance.now();
    source = await scoreMjsSource();
    console.info(`score.mjs: ${Buffer.byteLength(source)} bytes, built in ${Math.round(performance.now() - started)} ms`);
  }, 60_000);

  it('is one ES module importing only Node built-ins, with papaparse inlined and no sqlite, worker or wasm code', () => {
    const builtins = new Set(builtinModules);
    const imported = [...source.matchAll(/^import\s[^;]*?from\s+"([^"]+)";$/gm)].map((m) => m[1]);
    expect(imported.length).toBeGreaterThan(3);
    for (const name of imported) expect(name.startsWith('node:') && builtins.has(name.slice(5)), name).toBe(true);
    // esbuild's require shim is only reached by papaparse's Node-stream input, which the scorer never uses.
    const required = [...source.matchAll(/\brequire\d*\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    for (const name of required) expect(builtins.has(name.replace(/^node:/, '')), name).toBe(true);
    expect(source).not.toMatch(/^\s*import\(|\bimport\s*\(\s*["']/m);
    expect(source).toContain('// node_modules/papaparse/papaparse.js');
    expect(source).toContain('@license');
    for (const absent of ['sqlite3', 'ml-xgboost', 'worker_threads', 'import-worker', 'engine-worker', 'WebAssembly', 'tsx/esm']) {
      expect(source, absent).not.toContain(absent);
    }
  });

  it('holds no build-machine paths', () => {
    for (const path of [REPO, REPO.replace(/\/$/, ''), tmpdir(), homedir()]) expect(source).not.toContain(path);
    const comments = [...source.matchAll(/^\/\/ ((?:core|node_modules)\/\S+)$/gm)].map((m) => m[1]);
    expect(comments).toContain('core/bundle/scorer/score-main.ts');
    expect(comments).toContain('core/bundle/score-extract.ts');
    expect(comments.some((c) => c.startsWith('core/workspace/') || c.startsWith('core/engine/engine'))).toBe(false);
  });

  it('is the same bytes when built again in another process', async () => {
    expect(await scoreMjsSource()).toBe(source);
    const script = "import { scoreMjsSource } from './core/bundle/score-mjs.ts';\nimport { createHash } from 'node:crypto';\nprocess.stdout.write(createHash('sha256').update(await scoreMjsSource()).digest('hex'));";
    const res = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toBe(createHash('sha256').update(source).digest('hex'));
  });
});

describe('node score.mjs in a bundle folder', () => {
  let b: TrainedBundle;
  let script: string;
  let work: string;

  beforeAll(async () => {
    b = await trainedBundle();
    script = join(b.bundleDir, 'score.mjs');
    writeFileSync(script, await scoreMjsSource());
    work = join(b.dir, 'work');
    mkdirSync(work);
  }, 120_000);
  afterAll(async () => b?.ws.close());

  it('scores the demo extract exactly as the app does', async () => {
    const out = join(work, 'scores.csv');
    const started = performance.now();
    const res = runScore(script, ['--data', b.csv, '--out', out]);
    console.info(`node score.mjs on ${b.appScores.size} appointments: ${Math.round(performance.now() - started)} ms`);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toBe(`10000 rows read, 9985 scored, 2 rejected, 13 replaced by a later row with the same appointment id; scores written to ${out}\n`);
    const scores = readScores(out);
    expect(maxDiff(scores, b.appScores)).toBe(0);
    expect([...scores.keys()]).toEqual(b.matrix.appointmentIds);
    // The shortest text that reads back as the same double.
    for (const [, [, p]] of scores) expect(String(Number(p))).toBe(p);
    const stored = await b.ws.db.all<{ id: string; outcome: string }>('SELECT appointment_id AS id, outcome FROM appointments');
    expect(new Map([...scores].map(([id, [outcome]]) => [id, outcome]))).toEqual(new Map(stored.map((r) => [r.id, r.outcome])));
    expect(new Set(stored.map((r) => r.outcome)).size).toBe(6);
    // Rejected rows go to stderr with their row numbers.
    const errors = res.stderr.split('\n').filter((l) => l.startsWith('error '));
    expect(errors.length).toBe(2);
    for (const line of errors) expect(line).toMatch(/^error row \d+ column [A-Za-z ]+: /);
  });

  it('reads the bundle given by --bundle, and a mapping file', () => {
    const elsewhere = join(work, 'elsewhere.mjs');
    copyFileSync(script, elsewhere);
    const lines = readFileSync(b.csv, 'utf8').split('\n').slice(0, 801);
    const plain = join(work, 'plain.csv');
    writeFileSync(plain, lines.join('\n'));
    lines[0] = lines[0].replace('Appointment ID', 'Visit Key');
    const renamed = join(work, 'renamed.csv');
    writeFileSync(renamed, lines.join('\n'));
    const mapping = join(work, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ columns: { appointmentId: 'Visit Key' } }));

    const a = runScore(script, ['--data', plain, '--out', join(work, 'a.csv')]);
    const c = runScore(elsewhere, ['--bundle', b.bundleDir, '--data', renamed, '--mapping', mapping, '--out', join(work, 'c.csv')]);
    expect([a.status, c.status], a.stderr + c.stderr).toEqual([0, 0]);
    expect(readFileSync(join(work, 'c.csv'), 'utf8')).toBe(readFileSync(join(work, 'a.csv'), 'utf8'));
    expect(readScores(join(work, 'a.csv')).size).toBeGreaterThan(790);
    // Without --bundle the copy outside the bundle finds no model.
    const lost = runScore(elsewhere, ['--data', plain, '--out', join(work, 'd.csv')]);
    expect(lost.status).toBe(2);
    expect(lost.stderr).toBe(`score.mjs: ${join(work, 'model.json')}: no such file\n`);
  });

  it('scores a Windows-1252 file', () => {
    const out = join(work, 'w.csv');
    const res = runScore(script, ['--data', join(FIXTURES, 'windows-1252.csv'), '--out', out]);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^2 rows read, 2 scored, 0 rejected; scores written to /);
    expect([...readScores(out).keys()].sort()).toEqual(['W001', 'W002']);
  });

  it('exits 2 with a clear message on bad usage or bad input', () => {
    const out = join(work, 'x.csv');
    const usage = 'usage: node score.mjs --data EXTRACT.csv --out SCORES.csv [--mapping MAPPING.json] [--bundle DIR]';
    const none = runScore(script, []);
    expect([none.status, none.stderr]).toEqual([2, `score.mjs: --data and --out are required\n${usage}\n`]);
    const unknown = runScore(script, ['--data', b.csv, '--out', out, '--fast']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--fast'");
    const help = runScore(script, ['--help']);
    expect([help.status, help.stdout]).toEqual([0, `${usage}\n`]);
    const missing = runScore(script, ['--data', join(work, 'nope.csv'), '--out', out]);
    expect([missing.status, missing.stderr]).toEqual([2, `score.mjs: ${join(work, 'nope.csv')}: no such file\n`]);
    const header = runScore(script, ['--data', join(FIXTURES, 'header-only.csv'), '--out', out]);
    expect([header.status, header.stderr]).toEqual([2, `score.mjs: ${join(FIXTURES, 'header-only.csv')} has a header line but no data rows\n`]);
    const badMapping = join(work, 'bad-mapping.json');
    writeFileSync(badMapping, '[1]');
    const mapped = runScore(script, ['--data', b.csv, '--out', out, '--mapping', badMapping]);
    expect([mapped.status, mapped.stderr]).toEqual([2, `score.mjs: --mapping ${badMapping}: must hold a JSON object\n`]);
  });

  it('exits 2 naming the field when model.json or pipeline.json is wrong', () => {
    const broken = join(work, 'broken');
    mkdirSync(broken);
    const model = JSON.parse(readFileSync(join(b.bundleDir, 'model.json'), 'utf8'));
    model.learner.gradient_booster.model.trees[3].left_children[0] = 999;
    writeFileSync(join(broken, 'model.json'), JSON.stringify(model));
    copyFileSync(join(b.bundleDir, 'pipeline.json'), join(broken, 'pipeline.json'));
    const out = join(work, 'y.csv');
    const bad = runScore(script, ['--bundle', broken, '--data', b.csv, '--out', out]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^score\.mjs: model\.json: trees\[3\]\.left_children\[0\] is 999, not a node of this tree \(1\.\.\d+, not itself\)\n$/);

    copyFileSync(join(b.bundleDir, 'model.json'), join(broken, 'model.json'));
    const pipeline = JSON.parse(readFileSync(join(b.bundleDir, 'pipeline.json'), 'utf8'));
    pipeline.outcome.dnaCodes = [];
    writeFileSync(join(broken, 'pipeline.json'), JSON.stringify(pipeline));
    const badPipeline = runScore(script, ['--bundle', broken, '--data', b.csv, '--out', out]);
    expect([badPipeline.status, badPipeline.stderr]).toEqual([2, 'score.mjs: pipeline.json: outcome.dnaCodes must be a non-empty list of short codes\n']);
  });
});

describe('node score.mjs for a model without recalibration', () => {
  let b: TrainedBundle;
  beforeAll(async () => {
    b = await trainedBundle({ calibration: 'none' });
  }, 120_000);
  afterAll(async () => b?.ws.close());

  it('writes the raw float32 probabilities the app computes', async () => {
    const script = join(b.bundleDir, 'score.mjs');
    writeFileSync(script, await scoreMjsSource());
    const out = join(b.dir, 'scores.csv');
    const res = runScore(script, ['--data', b.csv, '--out', out]);
    expect(res.status, res.stderr).toBe(0);
    const scores = readScores(out);
    expect(maxDiff(scores, b.appScores)).toBe(0);
    for (const [, [, p]] of scores) expect(Math.fround(Number(p))).toBe(Number(p));
  });
});
