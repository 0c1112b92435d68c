import type { Command } from '../commands.ts';
import { readJsonOption, requireString } from '../args.ts';
import { UsageError } from '../context.ts';
import type { ImportReport } from '../../import/types.ts';

/** `import FILE --workspace DB [--dataset NAME] [--mapping FILE]` */
export const importCommand: Command = {
  usage: 'FILE --workspace DB [--dataset NAME] [--mapping FILE]   import an extract',
  options: { workspace: { type: 'string' }, dataset: { type: 'string' }, mapping: { type: 'string' } },
  createsWorkspace: true,
  request: ({ values, positionals }) => {
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE to import');
    requireString(values, 'workspace');
    const mapping = typeof values.mapping === 'string' ? readJsonOption(values.mapping, 'mapping') : undefined;
    return {
      operation: 'import.run',
      input: { file: positionals[0], dataset: values.dataset as string | undefined, mapping },
    };
  },
  format: (r: ImportReport) => {
    const lines = [
      `dataset ${r.dataset}: ${r.rowsImported} rows imported (${r.rowsUpdated} updated), ${r.rowsRejected} rejected of ${r.rowsRead} read`,
      `dates ${r.dateRange.from ?? '-'} to ${r.dateRange.to ?? '-'}, DNA rate ${r.dnaRate === null ? '-' : (100 * r.dnaRate).toFixed(1) + '%'}`,
    ];
    for (const i of r.issues) {
      lines.push(`  ${i.severity} row ${i.row ?? '-'}${i.column ? ` column ${i.column}` : ''}: ${i.message}`);
    }
    if (r.issueCount > r.issues.length) lines.push(`  ... ${r.issueCount - r.issues.length} more issues in the workspace`);
    return lines.join('\n');
  },
};
