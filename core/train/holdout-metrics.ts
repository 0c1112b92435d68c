import { auc, brierScore, delongAuc, logLoss } from '../evaluate/index.ts';

/** Headline figures of a model's predictions on an evaluation slice. */
export interface HoldoutMetrics {
  auc: number | null;
  /** DeLong 95% CI of the AUC; null when a class has fewer than 2 members. */
  aucCi: [number, number] | null;
  brier: number;
  logloss: number;
  /** Appointments evaluated and DNAs among them. */
  n: number;
  events: number;
}

/** AUC with its DeLong CI, Brier score and log loss of probabilities against 0/1 labels. */
export function holdoutMetrics(labels: ArrayLike<number>, probabilities: ArrayLike<number>): HoldoutMetrics {
  let events = 0;
  for (let i = 0; i < labels.length; i++) events += labels[i];
  return {
    auc: auc(labels, probabilities),
    aucCi: delongAuc(labels, probabilities)?.ci ?? null,
    brier: brierScore(labels, probabilities),
    logloss: logLoss(labels, probabilities),
    n: labels.length,
    events,
  };
}
