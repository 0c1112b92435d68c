import { descendingOrder } from './score-steps.ts';

/** One quantile group of appointments, highest risk first. */
export interface LiftRow {
  group: number;
  n: number;
  events: number;
  rate: number;
  /** Group DNA rate / overall DNA rate. */
  lift: number | null;
  cumulativeShare: number;
  cumulativeEvents: number;
  /** Share of all DNAs found in groups 1..group. */
  cumulativeGain: number | null;
  cumulativeLift: number | null;
}

/**
 * Lift and cumulative gain by quantile groups of risk (default 10 = deciles):
 * predictions sorted highest first (ties in input order), group g holding
 * positions floor(g*n/k) .. floor((g+1)*n/k) - 1.
 */
export function liftTable(labels: ArrayLike<number>, probabilities: ArrayLike<number>, groups = 10, order = descendingOrder(probabilities)): LiftRow[] {
  const n = labels.length;
  if (!Number.isInteger(groups) || groups < 1) throw new Error(`groups must be a whole number >= 1, got ${groups}`);
  if (n < groups) throw new Error(`liftTable: ${n} predictions cannot fill ${groups} groups`);
  let total = 0;
  for (let i = 0; i < n; i++) total += labels[i];
  const prevalence = total / n;
  const rows: LiftRow[] = [];
  let cumN = 0;
  let cumEvents = 0;
  for (let g = 0; g < groups; g++) {
    const from = Math.floor((g * n) / groups);
    const to = Math.floor(((g + 1) * n) / groups);
    let events = 0;
    for (let k = from; k < to; k++) events += labels[order[k]];
    cumN += to - from;
    cumEvents += events;
    const rate = events / (to - from);
    rows.push({
      group: g + 1,
      n: to - from,
      events,
      rate,
      lift: total === 0 ? null : rate / prevalence,
      cumulativeShare: cumN / n,
      cumulativeEvents: cumEvents,
      cumulativeGain: total === 0 ? null : cumEvents / total,
      cumulativeLift: total === 0 ? null : cumEvents / cumN / prevalence,
    });
  }
  return rows;
}
