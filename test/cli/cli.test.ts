import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'attend-cli-'));

function attend(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/attend.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('attend command line', () => {
  it('prints usage and exits 2 without a command, 2 for an unknown one', () => {
    const none = attend();
    expect(none.code).toBe(2);
    expect(none.stdout).toMatch(/Usage: attend <command>/);
    const unknown = attend('fly');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'fly'/);
  });

  it('names a missing or malformed option on stderr with exit code 2', () => {
    const missing = attend('demo-data', '--rows', '10');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--out is required/);
    const bad = attend('demo-data', '--rows', 'ten', '--out', join(dir, 'x.csv'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--rows must be a whole number, got 'ten'/);
    const unknownFlag = attend('profile', '--colour', 'blue');
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/colour/);
  });

  it('runs demo-data, import and profile end to end with --json', () => {
    const csv = join(dir, 'demo.csv');
    const ws = join(dir, 'ws.sqlite');
    const gen = attend('demo-data', '--rows', '3000', '--out', csv, '--seed', '7', '--json');
    expect(gen.code).toBe(0);
    expect(JSON.parse(gen.stdout).rows).toBe(3000);
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toMatch(/^Appointment ID,NHS Number/);

    const imp = attend('import', csv, '--workspace', ws, '--dataset', 'trust', '--json');
    expect(imp.code).toBe(0);
    const report = JSON.parse(imp.stdout);
    expect(report.dataset).toBe('trust');
    expect(report.rowsRead).toBe(3000);
    expect(report.rowsImported + report.rowsRejected).toBeLessThanOrEqual(3000);
    expect(report.rowsImported).toBeGreaterThan(2900);
    expect(report.dnaRate).toBeGreaterThan(0.05);
    expect(report.dnaRate).toBeLessThan(0.12);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['dataset', 'rowsRead', 'rowsImported', 'rowsRejected', 'dnaRate', 'dateRange', 'issues']),
    );
    for (const issue of report.issues) expect(Object.keys(issue)).toEqual(expect.arrayContaining(['row', 'column', 'message']));

    const prof = attend('profile', '--workspace', ws, '--dataset', 'trust', '--json');
    expect(prof.code).toBe(0);
    const profile = JSON.parse(prof.stdout);
    expect(profile.rows).toBe(report.rowsImported);
    expect(profile.byWeekday.length).toBeGreaterThan(0);

    const config = join(dir, 'train.json');
    writeFileSync(config, JSON.stringify({ params: { trees: 30, maxDepth: 3 }, split: { kind: 'temporal', validationDays: 60, testDays: 60 } }));
    const trained = attend('train', '--workspace', ws, '--dataset', 'trust', '--config', config, '--json');
    expect(trained.code).toBe(0);
    const run = JSON.parse(trained.stdout);
    expect(run.runId).toMatch(/^run-\d{14}-[0-9a-f]{6}$/);
    expect(run.trees).toBeLessThanOrEqual(30);
    expect(run.params.maxDepth).toBe(3);
    expect(Object.keys(run.metrics)).toEqual(expect.arrayContaining(['auc', 'brier', 'logloss']));
    expect(typeof run.seconds).toBe('number');

    const evaluated = attend('evaluate', '--workspace', ws, '--run', run.runId, '--json');
    expect(evaluated.code).toBe(0);
    const ev = JSON.parse(evaluated.stdout);
    expect(ev.evaluation.auc).toBeCloseTo(run.metrics.auc, 12);
    expect(ev.evaluation.roc.fpr.length).toBeGreaterThan(2);
    expect(ev.evaluation.reliability.length).toBe(10);
    expect(ev.importance.meanAbsShap.length).toBe(run.columns.length);

    const callList = join(dir, 'calls.csv');
    const risk = attend('risk', '--workspace', ws, '--run', run.runId, '--out', callList, '--json');
    expect(risk.code).toBe(0);
    const riskSummary = JSON.parse(risk.stdout);
    expect(riskSummary.appointments).toBe(readFileSync(callList, 'utf8').trim().split('\r\n').length - 1);
    expect(riskSummary.rows).toBeUndefined();
    const badRisk = attend('risk', '--workspace', ws, '--run', run.runId, '--out', callList, '--from', '01/11/2025');
    expect(badRisk.code).toBe(2);
    expect(badRisk.stderr).toMatch(/from.*yyyy-mm-dd/);

    const grid = join(dir, 'grid.json');
    writeFileSync(grid, JSON.stringify({ base: { params: { trees: 20 }, split: { kind: 'temporal', validationDays: 60, testDays: 60 } }, params: { maxDepth: [2, 3] } }));
    const compared = attend('compare', '--workspace', ws, '--dataset', 'trust', '--grid', grid, '--json');
    expect(compared.code).toBe(0);
    const board = JSON.parse(compared.stdout).leaderboard;
    expect(board.map((r: { name: string }) => r.name).sort()).toEqual(
      ['baseline: logistic regression (features of maxDepth 2)', 'baseline: prior DNA rate', 'maxDepth 2', 'maxDepth 3'].sort(),
    );

    const text = attend('profile', '--workspace', ws, '--dataset', 'trust');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(profile.rows.toLocaleString('en-GB'));
  });

  it('reports an import of a missing file on stderr with a non-zero exit', () => {
    const r = attend('import', join(dir, 'nope.csv'), '--workspace', join(dir, 'ws2.sqlite'), '--json');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/nope\.csv/);
  });

  it('refuses a mapping file with an unknown field, naming it, with exit code 2', () => {
    const mapping = join(dir, 'bad-mapping.json');
    writeFileSync(mapping, JSON.stringify({ columns: { apptDate: 'When' } }));
    const r = attend('import', 'test/fixtures/import/utf8-bom.csv', '--workspace', join(dir, 'ws4.sqlite'), '--mapping', mapping);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mapping\.columns.*apptDate/);
  });

  it('reports an unknown dataset by name', () => {
    const ws = join(dir, 'ws3.sqlite');
    expect(attend('import', 'test/fixtures/import/utf8-bom.csv', '--workspace', ws, '--dataset', 'real').code).toBe(0);
    const r = attend('profile', '--workspace', ws, '--dataset', 'missing');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"missing"/);
  });

  it('refuses a workspace path that does not exist instead of creating an empty one', () => {
    const typo = join(dir, 'typo.sqlite');
    for (const args of [
      ['profile', '--workspace', typo, '--dataset', 'demo'],
      ['train', '--workspace', typo, '--dataset', 'demo'],
      ['evaluate', '--workspace', typo, '--run', 'run-x'],
      ['risk', '--workspace', typo, '--run', 'run-x', '--out', join(dir, 'r.csv')],
      ['compare', '--workspace', typo, '--dataset', 'demo'],
    ]) {
      const r = attend(...args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr).toMatch(/no workspace at .*typo\.sqlite/);
    }
    expect(existsSync(typo)).toBe(false);
    expect(existsSync(join(dir, 'r.csv'))).toBe(false);
  });
});
