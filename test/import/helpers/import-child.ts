// Imports FILE into the workspace WS and prints each progress event as a line,
// so a test can kill this process in the middle of an import.
import { importExtract } from '../../../core/import/index.ts';
import { openWorkspace } from '../../../core/workspace/index.ts';

const [file, workspace] = process.argv.slice(2);
const ws = await openWorkspace(workspace);
const report = await importExtract(ws, file, {
  dataset: 'weekly',
  onProgress: (p) => process.stdout.write(`progress ${p.rowsRead}\n`),
});
await ws.close();
process.stdout.write(`done ${report.rowsImported}\n`);
