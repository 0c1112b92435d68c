import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { auc, brierScore, logLoss } from '../../core/evaluate/index.ts';

// Reference values computed by scikit-learn 1.2 (test/evaluate/oracle/reference.py).
const reference = JSON.parse(readFileSync('test/fixtures/evaluate/predictions.sklearn.json', 'utf8')) as {
  auc: number;
  brier: number;
  logloss: number;
};
const parsed = Papa.parse<{ label: string; score: string }>(readFileSync('test/fixtures/evaluate/predictions.csv', 'utf8'), {
  header: true,
  skipEmptyLines: true,
});
const labels = parsed.data.map((r) => Number(r.label));
const scores = parsed.data.map((r) => Number(r.score));

describe('holdout metrics agree with scikit-learn', () => {
  it('AUC (roc_auc_score), with tied scores', () => {
    expect(Math.abs((auc(labels, scores) as number) - reference.auc)).toBeLessThan(1e-9);
  });
  it('Brier score (brier_score_loss)', () => {
    expect(Math.abs(brierScore(labels, scores) - reference.brier)).toBeLessThan(1e-9);
  });
  it('log loss (log_loss), with probabilities of exactly 0 and 1', () => {
    expect(Math.abs(logLoss(labels, scores) - reference.logloss)).toBeLessThan(1e-9);
  });
});

describe('auc', () => {
  it('is 1 for perfect ranking, 0 for reversed, 0.5 for all tied', () => {
    expect(auc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
    expect(auc([1, 1, 0, 0], [0.1, 0.2, 0.3, 0.4])).toBe(0);
    expect(auc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    expect(auc([0, 1, 1], [0.2, 0.2, 0.9])).toBe(0.75);
  });
  it('is null when only one class is present', () => {
    expect(auc([0, 0], [0.1, 0.2])).toBeNull();
  });
});
