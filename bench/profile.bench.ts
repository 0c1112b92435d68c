// Measures profileDataset on a million synthetic appointments in a temp workspace file:
//   npm run bench:profile [-- rows]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../core/workspace/index.ts';
import { listDatasets, profileDataset } from '../core/profile/index.ts';
import { insertDataset, insertImport } from '../test/profile/fixture-workspace.ts';
import { insertSyntheticAppointments } from '../test/profile/synthetic-appointments.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'attend-profile-bench-'));
const ws = await openWorkspace(join(dir, 'bench.sqlite'));
try {
  let t = performance.now();
  const id = await insertDataset(ws.db, 'bench');
  const importId = await insertImport(ws.db, id, { file: 'bench.csv', importedAt: '2024-01-01T00:00:00Z', rowsImported: rows, rowsRejected: 0 });
  await insertSyntheticAppointments(ws.db, id, importId, rows);
  console.log(`insert ${rows} rows: ${((performance.now() - t) / 1000).toFixed(2)} s`);

  const rssBefore = process.memoryUsage().rss;
  t = performance.now();
  const p = await profileDataset(ws, 'bench');
  const seconds = (performance.now() - t) / 1000;
  // maxRSS is the peak of the whole process (in KiB), so it includes the insert above.
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`profileDataset: ${seconds.toFixed(2)} s; rss before ${(rssBefore / 2 ** 20).toFixed(0)} MB, peak rss ${peak.toFixed(0)} MB`);
  console.log(`rows ${p.rows}, patients ${p.patients}, DNA rate ${p.dnaRate?.toFixed(4)}, months ${p.byMonth.length}, specialties ${p.bySpecialty.length}`);

  t = performance.now();
  await listDatasets(ws);
  console.log(`listDatasets: ${((performance.now() - t) / 1000).toFixed(2)} s`);
} finally {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
}
