// npm run bench:risk: the risk list of a 1M-appointment extract as the screen
// uses it: score every upcoming appointment, then the first page of 200 rows with
// reasons, a page deep in the list, a re-sort, and the whole call list with reasons.
// Target: the first page within 10 s of asking (scoring included), later pages
// under 1 s. The workspace and run are cached in .bench/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { importExtract } from '../core/import/index.ts';
import { listRuns } from '../core/journal/index.ts';
import { cachedRiskList, riskView } from '../core/risk/index.ts';
import { trainRun } from '../core/train/index.ts';
import { openWorkspace } from '../core/workspace/index.ts';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const dir = join(process.cwd(), '.bench');
mkdirSync(dir, { recursive: true });
const csv = join(dir, `demo-${rows}.csv`);
const wsPath = join(dir, `risk-${rows}.sqlite`);

if (!existsSync(csv)) {
  const r = spawnSync(process.execPath, ['bin/attend.mjs', 'demo-data', '--rows', String(rows), '--out', csv, '--seed', '1', '--json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}
const fresh = !existsSync(wsPath);
const ws = await openWorkspace(wsPath);
if (fresh) await importExtract(ws, csv, { dataset: 'demo' });
let runId = (await listRuns(ws.db, { dataset: 'demo' }))[0]?.id;
if (!runId) runId = (await trainRun(ws, 'demo', { params: { trees: 200, maxDepth: 6, eta: 0.1 } })).runId;

const seconds = (t: number) => Math.round((performance.now() - t) / 10) / 100;
let t = performance.now();
const list = await cachedRiskList(ws, runId, {});
const first = riskView(list, { offset: 0, limit: 200 });
const firstPage = seconds(t);
t = performance.now();
riskView(list, { offset: Math.floor(first.total / 2), limit: 200 });
const deepPage = seconds(t);
t = performance.now();
riskView(list, { sort: { key: 'clinic', direction: 'asc' }, offset: 0, limit: 200 });
const resorted = seconds(t);
t = performance.now();
riskView(list, {});
const allReasons = seconds(t);
await ws.close();
console.log(`${first.total} upcoming appointments; first page ${firstPage} s, deep page ${deepPage} s, re-sorted page ${resorted} s, reasons for all ${allReasons} s`);
console.log(JSON.stringify({ upcoming: first.total, firstPageSeconds: firstPage, deepPageSeconds: deepPage, resortSeconds: resorted, allReasonsSeconds: allReasons }));
