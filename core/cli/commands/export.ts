import type { OperationCommand } from '../commands.ts';
import { requireString } from '../args.ts';
import type { ExportResult } from '../../bundle/index.ts';

/** `export --workspace DB --run ID --out BUNDLE [--name TEXT] [--version V] [--unsigned]` */
export const exportCommand: OperationCommand = {
  usage: '--workspace DB --run ID --out BUNDLE[.zip] [--name TEXT] [--version V] [--unsigned]   write a model bundle (folder, or zip when BUNDLE ends in .zip)',
  options: { workspace: { type: 'string' }, run: { type: 'string' }, out: { type: 'string' }, name: { type: 'string' }, version: { type: 'string' }, unsigned: { type: 'boolean' } },
  request: ({ values }) => {
    requireString(values, 'workspace');
    return {
      operation: 'bundle.export',
      input: {
        runId: requireString(values, 'run'),
        out: requireString(values, 'out'),
        name: values.name as string | undefined,
        version: values.version as string | undefined,
        sign: values.unsigned !== true,
      },
    };
  },
  format: (r: ExportResult) =>
    [
      `bundle ${r.manifest.name} ${r.manifest.version} (run ${r.runId}) written to ${r.file} (${r.kind}, ${Object.keys(r.manifest.files).length + 1} files, ${r.bytes} bytes)`,
      r.signerFingerprint ? `signed with key ${r.signerFingerprint}` : 'unsigned',
    ].join('\n'),
};
