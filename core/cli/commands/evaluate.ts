import type { OperationCommand } from '../commands.ts';
import { requireString } from '../args.ts';
import type { RunEvaluation } from '../../train/index.ts';

const num = (v: number | null, digits = 3) => (v === null ? '-' : v.toFixed(digits));
const ci = (c: [number, number] | null) => (c ? ` (95% CI ${c[0].toFixed(3)} to ${c[1].toFixed(3)})` : '');

/** `evaluate --workspace DB --run ID` */
export const evaluateCommand: OperationCommand = {
  usage: '--workspace DB --run ID   all metrics and curves of a run (--json for the curves)',
  options: { workspace: { type: 'string' }, run: { type: 'string' } },
  request: ({ values }) => {
    requireString(values, 'workspace');
    return { operation: 'runs.evaluate', input: { runId: requireString(values, 'run') } };
  },
  format: (r: RunEvaluation) => {
    const e = r.evaluation;
    const lines = [
      `run ${r.run.id} on ${r.run.dataset}: test slice from ${r.slice.from}, ${e.n} appointments, ${e.events} DNAs (${(100 * e.prevalence).toFixed(1)}%)`,
      `AUC ${num(e.auc)}${ci(e.aucCi)}, average precision ${num(e.averagePrecision)}`,
      `Brier ${e.brier.toFixed(4)}, log loss ${e.logloss.toFixed(4)}, ECE ${e.ece.toFixed(4)}`,
      `calibration slope ${num(e.calibrationSlope)}${ci(e.calibrationSlopeCi)}, intercept ${num(e.calibrationIntercept)}${ci(e.calibrationInterceptCi)}`,
      `cost-optimal threshold ${num(e.costOptimal.threshold)}`,
      'subgroups (n, DNA rate, AUC):',
      ...e.subgroups.map((g) => `  ${g.variable} ${g.group}: ${g.n}, ${g.dnaRate === null ? '-' : (100 * g.dnaRate).toFixed(1) + '%'}, ${num(g.auc)}`),
      `top features (mean |SHAP|): ${r.importance.meanAbsShap.slice(0, 5).map((f) => f.feature).join(', ')}`,
    ];
    return lines.join('\n');
  },
};
