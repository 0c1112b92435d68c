import { describe, expect, it } from 'vitest';
import {
  costThreshold,
  decisionCurve,
  delongAuc,
  downsampleIndices,
  liftTable,
  subgroupTable,
  thresholdRow,
  thresholdTable,
  topShareRow,
  wilsonInterval,
} from '../../core/evaluate/index.ts';

// The hand-computed case (also test/fixtures/evaluate/predictions-tiny.csv).
const y = [1, 0, 1, 0, 1, 0];
const p = [0.9, 0.8, 0.8, 0.3, 0.3, 0.1];

describe('threshold table', () => {
  it('counts p >= t as flagged', () => {
    expect(thresholdRow(y, p, 0.5)).toEqual({
      threshold: 0.5, flagged: 3, shareFlagged: 0.5, tp: 2, fp: 1, tn: 2, fn: 1,
      sensitivity: 2 / 3, specificity: 2 / 3, ppv: 2 / 3, npv: 2 / 3,
    });
    expect(thresholdRow(y, p, 0.8).flagged).toBe(3);
    const none = thresholdRow(y, p, 0.95);
    expect([none.flagged, none.ppv, none.npv, none.sensitivity]).toEqual([0, null, 0.5, 0]);
  });
  it('flags the top share, ties at the cut included', () => {
    expect(topShareRow(y, p, 1 / 6).flagged).toBe(1);
    const top20 = topShareRow(y, p, 0.2);
    expect([top20.threshold, top20.flagged, top20.tp]).toEqual([0.8, 3, 2]);
    expect(() => topShareRow(y, p, 0)).toThrow(/top share must be in \(0, 1\], got 0/);
  });
  it('defaults to 0.05..0.50 by 0.05 and 5/10/20/30% top shares', () => {
    const t = thresholdTable(y, p);
    expect(t.byThreshold.map((r) => r.threshold)).toEqual([0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]);
    expect(t.byTopShare.map((r) => [r.share, r.flagged])).toEqual([[0.05, 1], [0.1, 1], [0.2, 3], [0.3, 3]]);
  });
});

describe('cost-based threshold', () => {
  it('minimises (missed DNAs + flagged DNAs * (1 - prevented)) * cost + calls * call cost', () => {
    const c = costThreshold(y, p, { missedAppointment: 120, reminder: 3 });
    // Flag p >= 0.3: 3 DNAs flagged, 5 calls: (3 * 120 * 0.7 + 5 * 3) / 6 = 44.5.
    expect(c.threshold).toBe(0.3);
    expect(c.costPerAppointment).toBeCloseTo(44.5, 12);
    expect(c.costFlagNone).toBe(60);
    expect(c.costFlagAll).toBeCloseTo(45, 12);
    expect(c.row?.tp).toBe(3);
  });
  it('calls nobody when calls cost more than they save', () => {
    const c = costThreshold(y, p, { missedAppointment: 10, reminder: 5, preventedShare: 0.3 });
    expect([c.threshold, c.row, c.costPerAppointment]).toEqual([null, null, 5]);
  });
});

describe('decision curve', () => {
  it('net benefit TP/n - FP/n * t/(1-t) against treat-all and treat-none', () => {
    const [a, b] = decisionCurve(y, p, [0.25, 0.5]);
    expect(a.model).toBeCloseTo(7 / 18, 14);
    expect(a.treatAll).toBeCloseTo(1 / 3, 14);
    expect(b).toEqual({ threshold: 0.5, model: 2 / 6 - 1 / 6, treatAll: 0, treatNone: 0 });
    expect(decisionCurve(y, p).map((d) => d.threshold)).toEqual(Array.from({ length: 50 }, (_, i) => (i + 1) / 100));
  });
});

describe('lift and cumulative gain', () => {
  it('splits highest risk first into equal groups, ties in input order', () => {
    const rows = liftTable(y, p, 3);
    expect(rows.map((r) => [r.n, r.events, r.lift, r.cumulativeGain])).toEqual([
      [2, 1, 1, 1 / 3],
      [2, 1, 1, 2 / 3],
      [2, 1, 1, 1],
    ]);
    expect(() => liftTable(y, p, 10)).toThrow(/6 predictions cannot fill 10 groups/);
  });
});

describe('DeLong and Wilson intervals', () => {
  it('is null without both classes and has no CI with a single DNA', () => {
    expect(delongAuc([0, 0], [0.1, 0.2])).toBeNull();
    expect(delongAuc([1, 0, 0], [0.9, 0.1, 0.2])).toEqual({ auc: 1, variance: null, ci: null });
  });
  it('hand-computed case: V10 = (1, 5/6, 1/2), V01 = (1/2, 5/6, 1)', () => {
    const d = delongAuc(y, p)!;
    expect(d.auc).toBeCloseTo(7 / 9, 14);
    // Both sample variances are 7/108; each divided by 3.
    expect(d.variance).toBeCloseTo(14 / 324, 14);
  });
  it('Wilson interval of 0 of 1 and 1 of 2', () => {
    expect(wilsonInterval(0, 1)[0]).toBe(0);
    const [lo, hi] = wilsonInterval(1, 2);
    expect(lo + hi).toBeCloseTo(1, 14);
  });
});

describe('curve downsampling', () => {
  it('keeps both ends, at most maxPoints, strictly increasing, and a vertical jump', () => {
    const n = 10_000;
    const x = Array.from({ length: n }, (_, i) => (i < 5000 ? 0 : (i - 5000) / 4999));
    const yy = Array.from({ length: n }, (_, i) => (i < 5000 ? i / 4999 : 1));
    const idx = downsampleIndices(x, yy, 500);
    expect(idx.length).toBeLessThanOrEqual(500);
    expect(idx.length).toBeGreaterThan(490);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(n - 1);
    for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
    // Half the path is the vertical stretch: about half the points fall there.
    const vertical = idx.filter((i) => i < 5000).length;
    expect(Math.abs(vertical - 250)).toBeLessThanOrEqual(2);
    expect(downsampleIndices([0, 1], [0, 1])).toEqual([0, 1]);
  });
});

describe('subgroup table', () => {
  // 24 in group A (12 DNAs), 5 in group B (2 DNAs), none in group C, one missing code.
  const labels: number[] = [];
  const probs: number[] = [];
  const codes: number[] = [];
  for (let i = 0; i < 24; i++) {
    labels.push(i % 2);
    probs.push(0.1 + 0.03 * i);
    codes.push(0);
  }
  for (let i = 0; i < 5; i++) {
    labels.push(i < 2 ? 1 : 0);
    probs.push(0.2);
    codes.push(1);
  }
  labels.push(1);
  probs.push(0.5);
  codes.push(-1);
  const variable = { name: 'sex', codes: Int32Array.from(codes), labels: ['A', 'B', 'C'] };

  it('reports n, DNAs, rate, AUC with CI and calibration, suppressing counts under 10', () => {
    const [a, b, c] = subgroupTable(labels, probs, [variable]);
    const ya = labels.slice(0, 24);
    const pa = probs.slice(0, 24);
    const d = delongAuc(ya, pa)!;
    expect({ ...a, calibrationInTheLarge: 0 }).toEqual({
      variable: 'sex', group: 'A', n: 24, events: 12, dnaRate: 0.5, auc: d.auc, aucCi: d.ci, calibrationInTheLarge: 0,
    });
    expect(a.calibrationInTheLarge).toBeCloseTo(0.5 - 0.445, 14);
    // Mean of 0.1 + 0.03 i over i < 24 is 0.445, and the DNAs are the higher of each pair: AUC = 78/144.
    expect(d.auc).toBeCloseTo(78 / 144, 14);
    expect(b).toEqual({ variable: 'sex', group: 'B', n: '<10', events: '<10', dnaRate: null, auc: null, aucCi: null, calibrationInTheLarge: null });
    expect(c).toEqual({ variable: 'sex', group: 'C', n: 0, events: 0, dnaRate: null, auc: null, aucCi: null, calibrationInTheLarge: null });
  });
  it('names a code without a label', () => {
    const bad = { name: 'age band', codes: Uint8Array.from(codes.map((c) => (c < 0 ? 7 : c))), labels: ['A', 'B', 'C'] };
    expect(() => subgroupTable(labels, probs, [bad])).toThrow("subgroup 'age band': code 7 at prediction 30 has no label (3 labels)");
  });
});
