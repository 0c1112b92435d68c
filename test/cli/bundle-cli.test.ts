import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'attend-bundle-cli-'));
const csv = join(dir, 'demo.csv');
const ws = join(dir, 'ws.sqlite');
let runId = '';

function attend(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/attend.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  expect(attend('demo-data', '--rows', '6000', '--out', csv, '--seed', '21').code).toBe(0);
  expect(attend('import', csv, '--workspace', ws, '--dataset', 'demo').code).toBe(0);
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ params: { trees: 20, maxDepth: 3 } }));
  const train = attend('train', '--workspace', ws, '--dataset', 'demo', '--config', config, '--json');
  expect(train.code).toBe(0);
  runId = JSON.parse(train.stdout).runId;
}, 180_000);

describe('export, score and validate on the command line', () => {
  it('exports a signed bundle, scores an extract with it and validates it, with --json', () => {
    const bundle = join(dir, 'model.zip');
    const exported = attend('export', '--workspace', ws, '--run', runId, '--out', bundle, '--name', 'CLI model', '--version', '0.3.0', '--json');
    expect(exported.code).toBe(0);
    const e = JSON.parse(exported.stdout);
    expect(e.file).toBe(bundle);
    expect(e.manifest.name).toBe('CLI model');
    expect(e.signerFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);

    const out = join(dir, 'scores.csv');
    const scored = attend('score', '--bundle', bundle, '--data', csv, '--out', out, '--trust', e.signerFingerprint, '--json');
    expect(scored.code).toBe(0);
    const s = JSON.parse(scored.stdout);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('appointment_id,outcome,probability');
    expect(lines.length - 1).toBe(s.rowsScored);
    expect(s.rowsRead).toBe(6000);
    expect(s.bundle).toEqual({ name: 'CLI model', version: '0.3.0', signed: true, keyFingerprint: e.signerFingerprint });
    for (const line of lines.slice(1, 50)) expect(Number(line.split(',')[2])).toBeGreaterThan(0);

    const validated = attend('validate', '--bundle', bundle, '--workspace', ws, '--dataset', 'demo', '--recalibrate', 'platt', '--json');
    expect(validated.code).toBe(0);
    const v = JSON.parse(validated.stdout);
    expect(v.bundle.keyFingerprint).toBe(e.signerFingerprint);
    expect(v.recalibrated.method).toBe('platt');
    expect(v.leaderboard.map((l: { kind: string }) => l.kind).sort()).toEqual(['baseline', 'baseline', 'bundle', 'bundle', 'model']);
    const text = attend('validate', '--bundle', bundle, '--workspace', ws, '--dataset', 'demo');
    expect(text.stdout).toMatch(/every file matches its SHA-256; signature verified, key sha256:/);
    expect(text.stdout).toMatch(/external validation on \d+ appointments/);
  }, 120_000);

  it('refuses bad usage with 2 and a tampered or untrusted bundle with a clear message', () => {
    expect(attend('export', '--workspace', ws, '--run', runId).code).toBe(2);
    expect(attend('score', '--bundle', 'x', '--data', csv).stderr).toMatch(/--out is required/);
    expect(attend('validate', '--bundle', 'x', '--workspace', ws, '--dataset', 'demo', '--recalibrate', 'magic').stderr).toMatch(
      /--recalibrate must be platt or isotonic, got 'magic'/,
    );
    const folder = join(dir, 'folder');
    expect(attend('export', '--workspace', ws, '--run', runId, '--out', folder, '--unsigned').code).toBe(0);
    const untrusted = attend('score', '--bundle', folder, '--data', csv, '--out', join(dir, 'u.csv'), '--trust', 'sha256:' + 'f'.repeat(64));
    expect(untrusted.code).not.toBe(0);
    expect(untrusted.stderr).toMatch(/the bundle is not signed, but a signature by a trusted key is required/);
    const noFolder = attend('score', '--bundle', folder, '--data', csv, '--out', join(dir, 'missing', 's.csv'));
    expect(noFolder.stderr).toMatch(/cannot write .*s\.csv: folder .*missing does not exist/);
    expect(attend('score', '--bundle', folder, '--data', join(dir, 'nope.csv'), '--out', join(dir, 'n.csv')).stderr).toMatch(/nope\.csv: no such file/);
    writeFileSync(join(folder, 'score.py'), readFileSync(join(folder, 'score.py'), 'utf8').replace('import', 'imporT'));
    const tampered = attend('score', '--bundle', folder, '--data', csv, '--out', join(dir, 't.csv'));
    expect(tampered.code).not.toBe(0);
    expect(tampered.stderr).toMatch(/score\.py does not match its SHA-256 in the manifest/);
  }, 120_000);
});
