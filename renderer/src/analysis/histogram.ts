import type { RocCurve } from '../api/types.ts';

/** One bar of the histogram of predictions. */
export interface HistogramBin {
  lower: number;
  upper: number;
  dna: number;
  attended: number;
}

/** Appointments at or above each curve threshold, split by outcome. */
function countsAtOrAbove(roc: RocCurve, n: number, events: number, x: number): { dna: number; attended: number } {
  // The smallest curve threshold >= x; before the first point nobody is flagged.
  let k = 0;
  for (let i = 1; i < roc.thresholds.length; i++) {
    const t = roc.thresholds[i];
    if (t !== null && t >= x) k = i;
    else break;
  }
  if (x <= 0) k = roc.thresholds.length - 1;
  return { dna: Math.round(roc.tpr[k] * events), attended: Math.round(roc.fpr[k] * (n - events)) };
}

/** A bin width that gives about `bins` bars up to the highest prediction: 0.01, 0.02, 0.025, 0.05, 0.1. */
export function niceBinWidth(max: number, bins = 20): number {
  const raw = Math.max(max, 0.01) / bins;
  for (const w of [0.005, 0.01, 0.02, 0.025, 0.05, 0.1]) if (raw <= w) return w;
  return 0.1;
}

/**
 * Histogram of predicted probabilities by outcome, read off the ROC curve's
 * cumulative counts (count >= a minus count >= b). Bin edges fall between curve
 * points, so each count is that of the nearest curve threshold at or above the edge.
 */
export function predictionHistogram(roc: RocCurve, n: number, events: number, bins = 20): HistogramBin[] {
  const top = roc.thresholds.find((t): t is number => t !== null) ?? 1;
  const width = niceBinWidth(top, bins);
  const count = Math.max(1, Math.ceil((top + 1e-12) / width));
  const out: HistogramBin[] = [];
  for (let i = 0; i < count; i++) {
    const lower = Math.round(i * width * 1e6) / 1e6;
    const upper = Math.round((i + 1) * width * 1e6) / 1e6;
    const a = countsAtOrAbove(roc, n, events, lower);
    const b = i === count - 1 ? { dna: 0, attended: 0 } : countsAtOrAbove(roc, n, events, upper);
    out.push({ lower, upper, dna: a.dna - b.dna, attended: a.attended - b.attended });
  }
  return out;
}
