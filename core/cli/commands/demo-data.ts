import type { Command } from '../commands.ts';
import { optionalInt, requireString } from '../args.ts';
import type { DemoExtractSummary } from '../../demo/index.ts';

/** `demo-data --rows N --out FILE [--seed S]` */
export const demoDataCommand: Command = {
  usage: '--rows N --out FILE [--seed S]   write a synthetic NHS outpatient extract (CSV)',
  options: { rows: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
  request: ({ values }) => ({
    operation: 'demo.generate',
    input: { out: requireString(values, 'out'), rows: optionalInt(values, 'rows'), seed: optionalInt(values, 'seed') },
  }),
  format: (r: DemoExtractSummary) =>
    `wrote ${r.rows} appointments to ${r.file} (${r.patients} patients, ${r.upcoming} upcoming, extract date ${r.extractDate})`,
};
