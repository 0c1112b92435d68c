import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
  auc,
  averagePrecision,
  binEdges,
  brierScore,
  calibrationBins,
  calibrationCurve,
  calibrationInTheLargeIntercept,
  calibrationSlopeIntercept,
  costThreshold,
  decisionCurve,
  delongAuc,
  expectedCalibrationError,
  liftTable,
  logLoss,
  meanCalibrationDifference,
  precisionRecallCurve,
  rocCurve,
  thresholdRow,
} from '../../core/evaluate/index.ts';

interface Reference {
  auc: number;
  brier: number;
  logloss: number;
  averagePrecision: number;
  roc: { fpr: number[]; tpr: number[]; thresholds: number[] };
  pr: { precision: number[]; recall: number[]; thresholds: number[] };
  calibrationCurve: Record<string, { probTrue: number[]; probPred: number[] }>;
  quantileEdges: number[];
  reliability: { lower: number; upper: number; n: number; events: number; observed: number; observedCi: number[]; predicted: number }[];
  ece: number;
  delong: { auc: number; variance: number; ci: number[] };
  recalibration: {
    intercept: number;
    slope: number;
    interceptCi: number[];
    slopeCi: number[];
    offsetIntercept: number;
    offsetInterceptCi: number[];
  } | null;
  meanCalibrationDifference: number;
  thresholdRows: { threshold: number; tp: number; fp: number; tn: number; fn: number }[];
  decisionCurve: { threshold: number; model: number; treatAll: number }[];
  lift: { n: number; events: number }[];
  costOptimal: { threshold: number | null; cost: number };
}

const TOL = 1e-9;
const PYTHON = '/usr/bin/python3';
const FIXTURES = ['predictions', 'predictions-ties', 'predictions-tiny'];

/** Recursively compare numbers (to TOL) and arrays/objects of numbers. */
function expectClose(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - expected), `${path}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(TOL);
  } else if (Array.isArray(expected)) {
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    for (const [k, e] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

function load(name: string) {
  const parsed = Papa.parse<{ label: string; score: string }>(readFileSync(`test/fixtures/evaluate/${name}.csv`, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  return { y: parsed.data.map((r) => Number(r.label)), p: parsed.data.map((r) => Number(r.score)) };
}

function pythonWithSklearn(): boolean {
  return spawnSync(PYTHON, ['-c', 'import sklearn, scipy, numpy'], { encoding: 'utf8' }).status === 0;
}

const sources: [string, (name: string) => Reference][] = [
  ['stored reference JSON', (name) => JSON.parse(readFileSync(`test/fixtures/evaluate/${name}.reference.json`, 'utf8')) as Reference],
];
if (pythonWithSklearn()) {
  sources.push([
    'live scikit-learn oracle',
    (name) => {
      const r = spawnSync(PYTHON, ['test/evaluate/oracle/reference.py', `test/fixtures/evaluate/${name}.csv`], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout) as Reference;
    },
  ]);
}

describe.each(sources)('agreement with %s', (_source, reference) => {
  describe.each(FIXTURES)('%s.csv', (name) => {
    const ref = reference(name);
    const { y, p } = load(name);

    it('AUC, Brier, log loss, average precision', () => {
      expectClose(auc(y, p), ref.auc, 'auc');
      expectClose(brierScore(y, p), ref.brier, 'brier');
      expectClose(logLoss(y, p), ref.logloss, 'logloss');
      expectClose(averagePrecision(y, p), ref.averagePrecision, 'ap');
    });

    it('ROC curve (roc_curve, drop_intermediate=False)', () => {
      const roc = rocCurve(y, p)!;
      expectClose(roc.fpr, ref.roc.fpr, 'fpr');
      expectClose(roc.tpr, ref.roc.tpr, 'tpr');
      expect(roc.thresholds[0]).toBe(Infinity);
      expectClose(roc.thresholds.slice(1), ref.roc.thresholds, 'thresholds');
    });

    it('precision-recall curve (precision_recall_curve)', () => {
      expectClose(precisionRecallCurve(y, p), ref.pr, 'pr');
    });

    it('DeLong AUC variance and 95% CI (O(n^2) structural components)', () => {
      const d = delongAuc(y, p)!;
      expectClose(d.auc, ref.delong.auc, 'auc');
      expectClose(d.variance, ref.delong.variance, 'variance');
      expectClose(d.ci, ref.delong.ci, 'ci');
    });

    it('calibration_curve, uniform and quantile, 5 and 10 bins', () => {
      for (const strategy of ['uniform', 'quantile'] as const) {
        for (const bins of [5, 10]) expectClose(calibrationCurve(y, p, { bins, strategy }), ref.calibrationCurve[`${strategy}${bins}`], `${strategy}${bins}`);
      }
    });

    it('reliability diagram on quantile bins with Wilson CIs, and ECE', () => {
      expect(binEdges(p, 10, 'quantile')).toEqual(ref.quantileEdges);
      expectClose(calibrationBins(y, p), ref.reliability, 'reliability');
      expectClose(expectedCalibrationError(y, p), ref.ece, 'ece');
      expectClose(meanCalibrationDifference(y, p), ref.meanCalibrationDifference, 'citl');
    });

    it('calibration slope and intercept with Wald CIs (statsmodels GLM)', (ctx) => {
      if (!ref.recalibration) ctx.skip();
      const r = ref.recalibration!;
      const fit = calibrationSlopeIntercept(y, p)!;
      expectClose([fit.intercept.value, fit.slope.value], [r.intercept, r.slope], 'coefficients');
      expectClose([fit.intercept.ci, fit.slope.ci], [r.interceptCi, r.slopeCi], 'ci');
      const offset = calibrationInTheLargeIntercept(y, p)!;
      expectClose([offset.value, offset.ci], [r.offsetIntercept, r.offsetInterceptCi], 'offset');
    });

    it('threshold rows (confusion_matrix), decision curve, cost-optimal threshold', () => {
      for (const r of ref.thresholdRows) expectClose(thresholdRow(y, p, r.threshold), r, `t=${r.threshold}`);
      expectClose(decisionCurve(y, p), ref.decisionCurve, 'decision');
      const c = costThreshold(y, p, { missedAppointment: 120, reminder: 3, preventedShare: 0.3 });
      expect(c.threshold).toBe(ref.costOptimal.threshold);
      expectClose(c.costPerAppointment, ref.costOptimal.cost, 'cost');
    });

    it.skipIf(name === 'predictions-tiny')('lift by deciles', () => {
      expectClose(liftTable(y, p).map((r) => ({ n: r.n, events: r.events })), ref.lift, 'lift');
    });
  });
});
