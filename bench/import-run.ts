// One import in its own process, so its peak RSS is the import's alone.
import { importExtract } from '../core/import/index.ts';
import { openWorkspace } from '../core/workspace/index.ts';

const [file, workspacePath] = process.argv.slice(2);
const ws = await openWorkspace(workspacePath);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const report = await importExtract(ws, file, { dataset: 'bench' });
const seconds = (performance.now() - started) / 1000;
// Whole-process CPU: main thread, import worker and SQLite's thread pool alike.
const cpu = process.cpuUsage(cpuBefore);
await ws.close();
process.stdout.write(
  JSON.stringify({
    rowsRead: report.rowsRead,
    rowsImported: report.rowsImported,
    rowsRejected: report.rowsRejected,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
