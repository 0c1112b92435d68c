import { Z_95 } from './normal.ts';

/** AUC with its DeLong variance and a normal-approximation confidence interval. */
export interface AucWithCi {
  auc: number;
  /** null when a class has fewer than 2 members. */
  variance: number | null;
  /** [lower, upper], clipped to [0, 1]; null when a class has fewer than 2 members. */
  ci: [number, number] | null;
}

/** Midranks (1-based, ties share their mean rank) of values[idx[k]], k = 0..idx.length-1. */
function midranks(values: ArrayLike<number>, idx: Uint32Array): Float64Array {
  const m = idx.length;
  const order = new Uint32Array(m);
  for (let k = 0; k < m; k++) order[k] = k;
  order.sort((a, b) => values[idx[a]] - values[idx[b]]);
  const ranks = new Float64Array(m);
  let i = 0;
  while (i < m) {
    let j = i;
    while (j + 1 < m && values[idx[order[j + 1]]] === values[idx[order[i]]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = r;
    i = j + 1;
  }
  return ranks;
}

function sampleVariance(xs: Float64Array): number {
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return ss / (xs.length - 1);
}

/**
 * AUC and its confidence interval by DeLong's method (default z = 1.96, a 95% CI),
 * with the O(n log n) midrank algorithm of Sun & Xu (2014). Returns null when
 * either class is absent.
 */
export function delongAuc(labels: ArrayLike<number>, scores: ArrayLike<number>, z = Z_95): AucWithCi | null {
  const n = labels.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) m++;
  const q = n - m;
  if (m === 0 || q === 0) return null;
  const pos = new Uint32Array(m);
  const neg = new Uint32Array(q);
  const all = new Uint32Array(n);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    all[i] = i;
    if (labels[i] === 1) pos[a++] = i;
    else neg[b++] = i;
  }
  const rAll = midranks(scores, all);
  const rPos = midranks(scores, pos);
  const rNeg = midranks(scores, neg);
  // Structural components: V10 for each DNA, V01 for each attendance.
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(q);
  let sum = 0;
  for (let k = 0; k < m; k++) {
    v10[k] = (rAll[pos[k]] - rPos[k]) / q;
    sum += v10[k];
  }
  for (let k = 0; k < q; k++) v01[k] = 1 - (rAll[neg[k]] - rNeg[k]) / m;
  const auc = sum / m;
  if (m < 2 || q < 2) return { auc, variance: null, ci: null };
  const variance = sampleVariance(v10) / m + sampleVariance(v01) / q;
  const half = z * Math.sqrt(variance);
  return { auc, variance, ci: [Math.max(0, auc - half), Math.min(1, auc + half)] };
}
