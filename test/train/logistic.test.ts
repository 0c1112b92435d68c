import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic } from '../../core/train/index.ts';
import { syntheticDna } from '../engine/helpers/synthetic.ts';

const hasSklearn = spawnSync('/usr/bin/python3', ['-c', 'import sklearn'], { encoding: 'utf8' }).status === 0;

describe('logistic regression baseline', () => {
  it.skipIf(!hasSklearn)('matches scikit-learn LogisticRegression (C=1) on the same preprocessing', () => {
    const d = syntheticDna(3000, 11);
    const model = fitLogistic(d.x, d.y, d.rows, d.cols);
    const file = join(mkdtempSync(join(tmpdir(), 'attend-logit-')), 'data.csv');
    const lines: string[] = [];
    for (let r = 0; r < d.rows; r++) lines.push([...d.x.subarray(r * d.cols, (r + 1) * d.cols), d.y[r]].join(','));
    writeFileSync(file, lines.join('\n') + '\n');
    const ref = JSON.parse(execFileSync('/usr/bin/python3', ['test/train/oracle/logistic.py', file], { encoding: 'utf8' })) as {
      coefficients: number[];
      probabilities: number[];
    };
    expect(model.coefficients.length).toBe(ref.coefficients.length);
    for (let j = 0; j < ref.coefficients.length; j++) expect(Math.abs(model.coefficients[j] - ref.coefficients[j])).toBeLessThan(1e-6);
    const p = predictLogistic(model, d.x, d.rows, d.cols);
    let worst = 0;
    for (let r = 0; r < d.rows; r++) worst = Math.max(worst, Math.abs(p[r] - ref.probabilities[r]));
    expect(worst).toBeLessThan(1e-6);
  });

  it('recovers a known effect direction and refuses a column count it was not fitted on', () => {
    // y = 1 exactly when the first column is large: its weight must be clearly positive.
    const rows = 400;
    const x = new Float32Array(rows * 2);
    const y = new Float32Array(rows);
    for (let r = 0; r < rows; r++) {
      x[r * 2] = r % 40;
      x[r * 2 + 1] = (r * 7) % 13;
      y[r] = r % 40 > 30 ? 1 : 0;
    }
    const m = fitLogistic(x, y, rows, 2);
    expect(m.coefficients[1]).toBeGreaterThan(1);
    expect(() => predictLogistic(m, x, rows / 2, 4)).toThrow(/expects 2 columns/);
  });
});
