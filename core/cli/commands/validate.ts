import type { OperationCommand } from '../commands.ts';
import { requireString } from '../args.ts';
import { UsageError } from '../context.ts';
import type { BundleValidation } from '../../bundle/index.ts';
import type { HoldoutMetrics } from '../../train/index.ts';

const auc = (m: { auc: number | null; aucCi: [number, number] | null }) =>
  m.auc === null ? 'AUC -' : `AUC ${m.auc.toFixed(3)}${m.aucCi ? ` (${m.aucCi[0].toFixed(3)} to ${m.aucCi[1].toFixed(3)})` : ''}`;
const line = (m: HoldoutMetrics) => `${auc(m)}  Brier ${m.brier.toFixed(4)}  log loss ${m.logloss.toFixed(4)}  n ${m.n}`;
const ci = (v: number | null, c: [number, number] | null) => (v === null ? '-' : `${v.toFixed(2)}${c ? ` (${c[0].toFixed(2)} to ${c[1].toFixed(2)})` : ''}`);

/** `validate --bundle BUNDLE --workspace DB --dataset NAME [--recalibrate platt|isotonic] [--trust FINGERPRINT]` */
export const validateCommand: OperationCommand = {
  usage:
    '--bundle BUNDLE --workspace DB --dataset NAME [--recalibrate platt|isotonic] [--trust FINGERPRINT]   check a bundle, import its model and validate it on local data',
  options: { bundle: { type: 'string' }, workspace: { type: 'string' }, dataset: { type: 'string' }, recalibrate: { type: 'string' }, trust: { type: 'string', multiple: true } },
  request: ({ values }) => {
    requireString(values, 'workspace');
    const recalibrate = values.recalibrate;
    if (recalibrate !== undefined && recalibrate !== 'platt' && recalibrate !== 'isotonic') {
      throw new UsageError(`--recalibrate must be platt or isotonic, got '${String(recalibrate)}'`);
    }
    const trust = (values as Record<string, unknown>).trust as string[] | undefined;
    return {
      operation: 'bundle.validate',
      input: { bundle: requireString(values, 'bundle'), dataset: requireString(values, 'dataset'), recalibrate, trustedKeys: trust },
    };
  },
  format: (r: BundleValidation) => {
    const e = r.external;
    // Values pooled as other are only a warning sign when clearly more common than in training.
    const shifted = r.coverage.filter((c) => c.unseenShare >= 0.05 && c.unseenShare > (c.trainingShare ?? 0) + 0.05);
    return [
      `bundle ${r.bundle.name} ${r.bundle.version}: every file matches its SHA-256; ${r.bundle.signed ? `signature verified, key ${r.bundle.keyFingerprint}` : 'not signed'}`,
      `imported as run ${r.runId} on dataset ${r.dataset}`,
      `external validation on ${e.n} appointments (${e.events} DNAs): ${auc(e)}  Brier ${e.brier.toFixed(4)}`,
      `  calibration slope ${ci(e.calibrationSlope, e.calibrationSlopeCi)}, intercept ${ci(e.calibrationIntercept, e.calibrationInterceptCi)}, observed minus predicted ${(100 * e.calibrationInTheLarge).toFixed(2)} points`,
      `latest local days from ${r.testSlice.from}: ${line(r.testSlice.metrics)}`,
      ...(r.recalibrated ? [`recalibrated locally (${r.recalibrated.method}) as run ${r.recalibrated.runId}: ${line(r.recalibrated.testSlice)}`] : []),
      ...shifted.map(
        (c) =>
          `  note: ${(100 * c.unseenShare).toFixed(1)}% of local ${c.column} values are not among the model's learned levels (pooled as other)${c.trainingShare === null ? '' : `, against ${(100 * c.trainingShare).toFixed(1)}% in its training data`}`,
      ),
      'leaderboard:',
      ...r.leaderboard.map((l) => `  ${l.rank}. ${l.notClearlyWorse ? '*' : ' '} ${l.kind.padEnd(8)} ${auc(l.metrics)}  ${l.name}`),
    ].join('\n');
  },
};
