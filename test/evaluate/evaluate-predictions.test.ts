import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  auc,
  averagePrecision,
  calibrationSlopeIntercept,
  checkPredictions,
  delongAuc,
  evaluatePredictions,
  readPredictionsCsv,
} from '../../core/evaluate/index.ts';

/** Deterministic synthetic predictions: a 32-bit LCG with a fixed seed. */
function synthetic(n: number, seed = 12345) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const labels = new Float64Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const risk = 0.02 + 0.3 * next() ** 2;
    labels[i] = next() < risk ? 1 : 0;
    scores[i] = Math.round(Math.min(1, Math.max(0, risk + 0.05 * (next() - 0.5))) * 1e6) / 1e6;
  }
  return { labels, scores };
}

const REQUIRED_KEYS = [
  'auc', 'aucCi', 'averagePrecision', 'brier', 'logloss', 'calibrationSlope', 'calibrationIntercept', 'calibrationSlopeCi',
  'calibrationInterceptCi', 'calibrationInTheLarge', 'ece', 'reliability', 'roc', 'pr', 'thresholds', 'decisionCurve', 'lift',
  'n', 'events', 'prevalence',
];

describe('evaluatePredictions', () => {
  const { labels, scores } = synthetic(20_000);
  const report = evaluatePredictions(labels, scores);

  it('bundles every metric in plain JSON', () => {
    expect(Object.keys(report)).toEqual(expect.arrayContaining(REQUIRED_KEYS));
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('computes AUC and AP on the full data but downsamples the curves to 500 points', () => {
    expect(report.auc).toBe(auc(labels, scores));
    expect(report.aucCi).toEqual(delongAuc(labels, scores)!.ci);
    expect(report.averagePrecision).toBe(averagePrecision(labels, scores));
    const roc = report.roc!;
    expect(roc.points).toBeGreaterThan(5000);
    expect(roc.fpr.length).toBeLessThanOrEqual(500);
    expect([roc.fpr[0], roc.tpr[0], roc.thresholds[0]]).toEqual([0, 0, null]);
    expect([roc.fpr.at(-1), roc.tpr.at(-1)]).toEqual([1, 1]);
    const pr = report.pr!;
    expect(pr.recall.length).toBeLessThanOrEqual(500);
    expect(pr.thresholds.length).toBe(pr.recall.length - 1);
    expect([pr.recall.at(-1), pr.precision.at(-1), pr.recall[0]]).toEqual([0, 1, 1]);
  });

  it('fills the calibration, table and chart sections with their defaults', () => {
    const fit = calibrationSlopeIntercept(labels, scores)!;
    expect([report.calibrationSlope, report.calibrationIntercept]).toEqual([fit.slope.value, fit.intercept.value]);
    expect(report.reliability.length).toBe(10);
    expect(report.reliability.reduce((s, b) => s + b.n, 0)).toBe(20_000);
    expect(report.lift.length).toBe(10);
    expect(report.lift.at(-1)!.cumulativeGain).toBe(1);
    expect(report.decisionCurve.length).toBe(50);
    expect(report.thresholds.byThreshold.length).toBe(10);
    expect(report.costOptimal.costs).toEqual({ missedAppointment: 120, reminder: 3, preventedShare: 0.3 });
    expect(report.subgroups).toEqual([]);
    expect(report.prevalence).toBe(report.events / 20_000);
  });

  it('names the first bad prediction', () => {
    expect(() => checkPredictions([0, 2], [0.1, 0.2])).toThrow('prediction 2: label must be 0 or 1, got 2');
    expect(() => checkPredictions([0, 1], [0.1, 1.5])).toThrow('prediction 2: probability must be in [0, 1], got 1.5');
    expect(() => checkPredictions([0, 1], [NaN, 0.5])).toThrow('prediction 1: probability must be in [0, 1], got NaN');
    expect(() => checkPredictions([], [])).toThrow('no predictions to evaluate');
  });
});

describe('readPredictionsCsv', () => {
  const dir = 'test/fixtures/evaluate';
  it('reads 0/1 labels with default columns', () => {
    const { labels, scores } = readPredictionsCsv(`${dir}/predictions-tiny.csv`);
    expect(Array.from(labels)).toEqual([1, 0, 1, 0, 1, 0]);
    expect(Array.from(scores)).toEqual([0.9, 0.8, 0.8, 0.3, 0.3, 0.1]);
  });
  it('reads word labels from named columns, any case', () => {
    const { labels, scores } = readPredictionsCsv(`${dir}/predictions-words.csv`, { label: 'outcome', score: 'risk' });
    expect(Array.from(labels)).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
    expect(Array.from(scores)).toEqual([0.9, 0.8, 0.8, 0.3, 0.3, 0.1, 0.5, 0]);
  });
  it('names the row, line and column of a bad label or score, and a missing column', () => {
    expect(() => readPredictionsCsv(`${dir}/predictions-bad-label.csv`)).toThrow(
      "predictions-bad-label.csv: row 3 (line 4), column 'Label': 'maybe' is not a label (1/0, yes/no, true/false, DNA/attended)",
    );
    expect(() => readPredictionsCsv(`${dir}/predictions-bad-score.csv`)).toThrow(
      "predictions-bad-score.csv: row 2 (line 3), column 'score': '1.2' is not a probability between 0 and 1",
    );
    expect(() => readPredictionsCsv(`${dir}/predictions-tiny.csv`, { score: 'risk' })).toThrow("no column 'risk' (columns: label, score)");
  });
  it('fixtures are what the tests above describe', () => {
    expect(readFileSync(`${dir}/predictions-words.csv`, 'utf8').split('\n')[0]).toBe('Appointment,Outcome,RISK');
  });
});
