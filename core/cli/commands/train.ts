import type { OperationCommand } from '../commands.ts';
import { readJsonOption, requireString } from '../args.ts';
import type { HoldoutMetrics, TrainResult } from '../../train/index.ts';

const fmt = (m: HoldoutMetrics) =>
  `AUC ${m.auc === null ? '-' : m.auc.toFixed(3)}  Brier ${m.brier.toFixed(4)}  log loss ${m.logloss.toFixed(4)}`;

/** `train --workspace DB --dataset NAME [--config FILE]` */
export const trainCommand: OperationCommand = {
  usage: '--workspace DB --dataset NAME [--config FILE]   train one model; prints run id and holdout metrics',
  options: { workspace: { type: 'string' }, dataset: { type: 'string' }, config: { type: 'string' } },
  request: ({ values }) => {
    requireString(values, 'workspace');
    const config = typeof values.config === 'string' ? readJsonOption(values.config, 'config') : undefined;
    return { operation: 'train.run', input: { dataset: requireString(values, 'dataset'), config } };
  },
  format: (r: TrainResult) =>
    [
      `run ${r.runId}: ${r.trees} trees on ${r.split.rows.train} appointments (${r.columns.length} features), ${r.seconds.toFixed(1)} s`,
      `holdout (${r.metrics.n} appointments, ${r.metrics.events} DNAs): ${fmt(r.metrics)}${r.calibration ? ` (${r.calibration.method} recalibrated on the validation slice)` : ''}`,
      ...(r.calibration ? [`  before recalibration: ${fmt(r.uncalibratedMetrics)}`] : []),
      `  baseline prior DNA rate: ${fmt(r.baselines.priorDnaRate)}`,
      `  baseline logistic regression: ${fmt(r.baselines.logistic)}`,
    ].join('\n'),
};
