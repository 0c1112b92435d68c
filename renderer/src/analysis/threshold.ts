import type { RocCurve, ThresholdRow } from '../api/types.ts';

/** Counts of a threshold rule "call everyone with risk >= threshold" on the test slice. */
export interface Confusion {
  /** The threshold asked for. */
  threshold: number;
  /** The curve point the counts come from (exact when it equals threshold); null: nobody flagged. */
  atCurveThreshold: number | null;
  /** True when the counts are those of the threshold itself, not of the nearest curve point. */
  exact: boolean;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  flagged: number;
  sensitivity: number | null;
  specificity: number | null;
  ppv: number | null;
  npv: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

function fromCounts(threshold: number, atCurveThreshold: number | null, exact: boolean, tp: number, fp: number, n: number, events: number): Confusion {
  const fn = events - tp;
  const tn = n - events - fp;
  return {
    threshold,
    atCurveThreshold,
    exact,
    tp,
    fp,
    tn,
    fn,
    flagged: tp + fp,
    sensitivity: ratio(tp, events),
    specificity: ratio(tn, n - events),
    ppv: ratio(tp, tp + fp),
    npv: ratio(tn, tn + fn),
  };
}

/**
 * The confusion table at a threshold. Exact rows of the evaluation's threshold
 * table are used when the threshold is one of them; otherwise the counts come
 * from the ROC point with the smallest threshold at or above it (the curve holds
 * at most 500 points, so this is the nearest rule the data can answer exactly).
 */
export function confusionAt(roc: RocCurve, n: number, events: number, threshold: number, exactRows: readonly ThresholdRow[] = []): Confusion {
  const row = exactRows.find((r) => Math.abs(r.threshold - threshold) < 1e-9);
  if (row) return fromCounts(threshold, row.threshold, true, row.tp, row.fp, n, events);
  // Thresholds fall along the curve; index 0 (null) flags nobody.
  let k = 0;
  for (let i = 1; i < roc.thresholds.length; i++) {
    const t = roc.thresholds[i];
    if (t !== null && t >= threshold) k = i;
    else if (t !== null && t < threshold) break;
  }
  const tp = Math.round(roc.tpr[k] * events);
  const fp = Math.round(roc.fpr[k] * (n - events));
  const at = roc.thresholds[k];
  return fromCounts(threshold, at, at !== null && Math.abs(at - threshold) < 1e-12, tp, fp, n, events);
}

/** What a threshold means for the clinic: calls and DNAs caught, per week and per call. */
export interface Workload {
  /** Null when the run's test slice has no length in weeks (k-fold runs). */
  callsPerWeek: number | null;
  dnasCaughtPerWeek: number | null;
  /** Calls per 1,000 appointments. */
  callsPer1000: number;
  /** DNAs caught per 1,000 appointments. */
  dnasCaughtPer1000: number;
  /** Calls made for each DNA caught; null when none is caught. */
  callsPerDnaCaught: number | null;
  /** Share of all DNAs that are on the call list. */
  shareOfDnasCaught: number | null;
}

/** Workload of a threshold over a test slice of n appointments lasting `weeks` weeks. */
export function workloadOf(c: Confusion, n: number, weeks: number | null): Workload {
  return {
    callsPerWeek: weeks ? c.flagged / weeks : null,
    dnasCaughtPerWeek: weeks ? c.tp / weeks : null,
    callsPer1000: n === 0 ? 0 : (1000 * c.flagged) / n,
    dnasCaughtPer1000: n === 0 ? 0 : (1000 * c.tp) / n,
    callsPerDnaCaught: c.tp === 0 ? null : c.flagged / c.tp,
    shareOfDnasCaught: c.sensitivity,
  };
}
