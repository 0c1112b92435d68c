import type { OperationCommand } from '../commands.ts';
import { requireString } from '../args.ts';
import type { RiskList } from '../../risk/index.ts';

type RiskExport = Omit<RiskList, 'rows'> & { file: string; appointments: number };

/** `risk --workspace DB --run ID [--from DATE --to DATE] [--as-of DATE] --out FILE` */
export const riskCommand: OperationCommand = {
  usage: '--workspace DB --run ID [--from DATE --to DATE] [--as-of DATE] --out FILE   score upcoming appointments with reasons',
  options: { workspace: { type: 'string' }, run: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'as-of': { type: 'string' }, out: { type: 'string' } },
  request: ({ values }) => {
    requireString(values, 'workspace');
    return {
      operation: 'risk.export',
      input: {
        runId: requireString(values, 'run'),
        out: requireString(values, 'out'),
        from: values.from as string | undefined,
        to: values.to as string | undefined,
        asOf: values['as-of'] as string | undefined,
      },
    };
  },
  format: (r: RiskExport) =>
    [
      `${r.appointments} upcoming appointments scored with run ${r.runId}${r.calibrated ? ' (calibrated)' : ''}, written to ${r.file}`,
      `expected DNAs: ${r.expectedDnas.toFixed(1)}`,
      'sessions with the most expected DNAs:',
      ...r.sessions.slice(0, 10).map((s) => `  ${s.clinicCode ?? '-'} ${s.date} ${s.session}: ${s.appointments} booked, ${s.expectedDnas.toFixed(1)} expected DNAs`),
    ].join('\n'),
};
