import type { OperationCommand } from '../commands.ts';
import { readJsonOption, requireString } from '../args.ts';
import type { BundleScoring } from '../../bundle/index.ts';

/** `score --bundle BUNDLE --data FILE --out FILE [--mapping FILE] [--trust FINGERPRINT]` */
export const scoreCommand: OperationCommand = {
  usage: '--bundle BUNDLE --data FILE --out FILE [--mapping FILE] [--trust FINGERPRINT]   score an extract with a bundle (no workspace)',
  options: { bundle: { type: 'string' }, data: { type: 'string' }, out: { type: 'string' }, mapping: { type: 'string' }, trust: { type: 'string', multiple: true } },
  request: ({ values }) => ({
    operation: 'bundle.score',
    input: {
      bundle: requireString(values, 'bundle'),
      data: requireString(values, 'data'),
      out: requireString(values, 'out'),
      mapping: typeof values.mapping === 'string' ? readJsonOption(values.mapping, 'mapping') : undefined,
      trustedKeys: (values as Record<string, unknown>).trust as string[] | undefined,
    },
  }),
  format: (r: BundleScoring) =>
    [
      `bundle ${r.bundle.name} ${r.bundle.version}: ${r.bundle.signed ? `signature verified, key ${r.bundle.keyFingerprint}` : 'not signed'}`,
      `${r.rowsScored} appointments scored (${r.rowsRead} rows read, ${r.rowsRejected} rejected, ${r.rowsSuperseded} replaced by a later row), written to ${r.file}`,
      ...(r.meanProbability === null ? [] : [`mean DNA probability ${(100 * r.meanProbability).toFixed(2)}%`]),
      ...r.issues.slice(0, 20).map((i) => `  row ${i.row ?? '-'}${i.column ? `, ${i.column}` : ''}: ${i.message}`),
      ...(r.issueCount > 20 ? [`  ... and ${r.issueCount - 20} more issues (--json lists the first 100)`] : []),
    ].join('\n'),
};
