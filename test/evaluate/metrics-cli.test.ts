import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function attend(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/attend.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = 'test/fixtures/evaluate';

describe('attend metrics', () => {
  it('prints the report as JSON, agreeing with scikit-learn and statsmodels', () => {
    const ref = JSON.parse(readFileSync(`${dir}/predictions.reference.json`, 'utf8'));
    const r = attend('metrics', '--predictions', `${dir}/predictions.csv`, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const pairs: [string, number, number][] = [
      ['auc', out.auc, ref.auc],
      ['aucCi lo', out.aucCi[0], ref.delong.ci[0]],
      ['aucCi hi', out.aucCi[1], ref.delong.ci[1]],
      ['averagePrecision', out.averagePrecision, ref.averagePrecision],
      ['brier', out.brier, ref.brier],
      ['logloss', out.logloss, ref.logloss],
      ['calibrationSlope', out.calibrationSlope, ref.recalibration.slope],
      ['calibrationIntercept', out.calibrationIntercept, ref.recalibration.intercept],
      ['ece', out.ece, ref.ece],
    ];
    for (const [key, got, want] of pairs) expect(Math.abs(got - want), key).toBeLessThan(1e-9);
    expect([out.n, out.events]).toEqual([2000, 175]);
  });

  it('prints a readable summary of the hand-computed case', () => {
    const r = attend('metrics', '--predictions', `${dir}/predictions-tiny.csv`);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 6)).toEqual([
      '6 predictions, 3 DNAs (50.0%)',
      'AUC 0.778 (95% CI 0.370 to 1.000)   average precision 0.756',
      'Brier 0.2133   log loss 0.6007   ECE 0.2000',
      'calibration slope 0.676 (95% CI -0.556 to 1.908)',
      'calibration intercept -0.135 (95% CI -1.969 to 1.699)',
      'calibration-in-the-large (observed - predicted) -0.0333',
    ]);
    expect(r.stdout).toContain('cheapest threshold (£120 per DNA, £3 per call): p >= 0.3000, flags 83.3%, £44.50 per appointment');
  });

  it('takes other column names and word labels', () => {
    const r = attend('metrics', '--predictions', `${dir}/predictions-words.csv`, '--label', 'outcome', '--score', 'risk', '--json');
    expect(r.code).toBe(0);
    // DNAs score 0.9, 0.8, 0.3, 0.5; attendances 0.8, 0.3, 0.1, 0: 12 of 16 pairs won, 2 tied.
    expect(JSON.parse(r.stdout).auc).toBe(13 / 16);
  });

  it('names the row and column of a bad label, and requires --predictions', () => {
    const bad = attend('metrics', '--predictions', `${dir}/predictions-bad-label.csv`);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("row 3 (line 4), column 'Label': 'maybe' is not a label");
    const missing = attend('metrics');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--predictions is required/);
  });
});
