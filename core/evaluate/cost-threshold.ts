import { scoreSteps, type ScoreSteps } from './score-steps.ts';
import { thresholdRowFromCounts, type ThresholdRow } from './threshold-table.ts';

/** Costs of the reminder policy, in any one currency. */
export interface ReminderCosts {
  /** Cost of a DNA that happens (a wasted clinic slot). */
  missedAppointment: number;
  /** Cost of one reminder call; every flagged appointment gets one. */
  reminder: number;
  /** Share of flagged DNAs a reminder prevents; default 0.3. */
  preventedShare?: number;
}

/** Default share of DNAs a reminder prevents: an assumption to replace with local evidence. */
export const DEFAULT_PREVENTED_SHARE = 0.3;

/** The cost-minimising threshold and what it costs. */
export interface CostThreshold {
  /** Flag p >= threshold; null when calling nobody is cheapest. */
  threshold: number | null;
  costPerAppointment: number;
  costFlagNone: number;
  costFlagAll: number;
  row: ThresholdRow | null;
}

/**
 * Threshold minimising expected cost per appointment: DNAs not flagged cost
 * missedAppointment, flagged DNAs cost missedAppointment * (1 - preventedShare),
 * and each flagged appointment costs a reminder. Searches every distinct score.
 */
export function costThreshold(labels: ArrayLike<number>, probabilities: ArrayLike<number>, costs: ReminderCosts, steps?: ScoreSteps): CostThreshold {
  const effect = costs.preventedShare ?? DEFAULT_PREVENTED_SHARE;
  if (!(effect >= 0 && effect <= 1)) throw new Error(`preventedShare must be in [0, 1], got ${effect}`);
  if (!(costs.missedAppointment >= 0) || !(costs.reminder >= 0)) throw new Error('costs must be numbers >= 0');
  const s = steps ?? scoreSteps(labels, probabilities);
  const n = s.positives + s.negatives;
  if (n === 0) throw new Error('costThreshold: no predictions');
  const cost = (tp: number, fp: number) =>
    ((s.positives - tp) * costs.missedAppointment + tp * costs.missedAppointment * (1 - effect) + (tp + fp) * costs.reminder) / n;
  const costFlagNone = cost(0, 0);
  let best = -1;
  let bestCost = costFlagNone;
  for (let k = 0; k < s.thresholds.length; k++) {
    const c = cost(s.tp[k], s.fp[k]);
    if (c < bestCost) {
      bestCost = c;
      best = k;
    }
  }
  return {
    threshold: best < 0 ? null : s.thresholds[best],
    costPerAppointment: bestCost,
    costFlagNone,
    costFlagAll: cost(s.positives, s.negatives),
    row: best < 0 ? null : thresholdRowFromCounts(s.thresholds[best], s.tp[best], s.fp[best], s.positives, s.negatives),
  };
}
