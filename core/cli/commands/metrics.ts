import type { OperationCommand } from '../commands.ts';
import { requireString } from '../args.ts';
import type { EvaluationReport } from '../../evaluate/index.ts';

const num = (v: number | null, digits: number) => (v === null ? '-' : v.toFixed(digits));
const ci = (v: [number, number] | null, digits: number) => (v === null ? '' : ` (95% CI ${v[0].toFixed(digits)} to ${v[1].toFixed(digits)})`);
const pct = (v: number | null) => (v === null ? '-' : `${(100 * v).toFixed(1)}%`);

/** Readable summary of an evaluation report. */
export function formatReport(r: EvaluationReport): string {
  const lines = [
    `${r.n.toLocaleString('en-GB')} predictions, ${r.events.toLocaleString('en-GB')} DNAs (${pct(r.prevalence)})`,
    `AUC ${num(r.auc, 3)}${ci(r.aucCi, 3)}   average precision ${num(r.averagePrecision, 3)}`,
    `Brier ${r.brier.toFixed(4)}   log loss ${r.logloss.toFixed(4)}   ECE ${r.ece.toFixed(4)}`,
    `calibration slope ${num(r.calibrationSlope, 3)}${ci(r.calibrationSlopeCi, 3)}`,
    `calibration intercept ${num(r.calibrationIntercept, 3)}${ci(r.calibrationInterceptCi, 3)}`,
    `calibration-in-the-large (observed - predicted) ${r.calibrationInTheLarge.toFixed(4)}`,
    '',
    'top share flagged   threshold   sensitivity      PPV',
    ...r.thresholds.byTopShare.map(
      (t) => `${pct(t.share).padStart(17)}   ${t.threshold.toFixed(4).padStart(9)}   ${pct(t.sensitivity).padStart(11)}   ${pct(t.ppv).padStart(6)}`,
    ),
  ];
  const c = r.costOptimal;
  lines.push(
    '',
    c.threshold === null
      ? `cheapest policy (£${c.costs.missedAppointment} per DNA, £${c.costs.reminder} per call): call nobody`
      : `cheapest threshold (£${c.costs.missedAppointment} per DNA, £${c.costs.reminder} per call): p >= ${c.threshold.toFixed(4)}, flags ${pct(c.row?.shareFlagged ?? null)}, £${c.costPerAppointment.toFixed(2)} per appointment`,
  );
  return lines.join('\n');
}

/** `metrics --predictions FILE [--label COL] [--score COL]` */
export const metricsCommand: OperationCommand = {
  usage: '--predictions FILE [--label COL] [--score COL]   metrics of any CSV of labels and scores',
  options: { predictions: { type: 'string' }, label: { type: 'string' }, score: { type: 'string' } },
  request: ({ values }) => ({
    operation: 'metrics.predictions',
    input: {
      file: requireString(values, 'predictions'),
      label: typeof values.label === 'string' ? values.label : undefined,
      score: typeof values.score === 'string' ? values.score : undefined,
    },
  }),
  format: (r: EvaluationReport) => formatReport(r),
};
