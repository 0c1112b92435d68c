// npm run bench:import: import a 1M-row synthetic extract and compare with the
// sqlite3 CLI's plain `.import` of the same file (the floor for getting rows into SQLite).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const dir = join(process.cwd(), '.bench');
mkdirSync(dir, { recursive: true });
const csv = join(dir, `demo-${rows}.csv`);

function run(cmd: string, args: string[], input?: string): { stdout: string; seconds: number } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return { stdout: r.stdout, seconds };
}

if (!existsSync(csv)) {
  const gen = run(process.execPath, ['bin/attend.mjs', 'demo-data', '--rows', String(rows), '--out', csv, '--seed', '1', '--json']);
  console.log(`generated ${rows} rows in ${gen.seconds.toFixed(1)} s`);
}

const ws = join(dir, 'bench-import.sqlite');
for (const f of [ws, `${ws}-wal`, `${ws}-shm`]) rmSync(f, { force: true });
const attend = run(process.execPath, ['--import', 'tsx', 'bench/import-run.ts', csv, ws]);
const result = JSON.parse(attend.stdout.trim().split('\n').pop() as string) as {
  rowsImported: number;
  rowsRejected: number;
  seconds: number;
  peakRssMb: number;
};
console.log(
  `attend import: ${result.rowsImported} rows imported, ${result.rowsRejected} rejected, ${result.seconds.toFixed(2)} s, ` +
    `${Math.round(result.rowsImported / result.seconds)} rows/s, peak RSS ${result.peakRssMb.toFixed(0)} MB`,
);

const plain = join(dir, 'bench-cli.sqlite');
rmSync(plain, { force: true });
const sqliteVersion = execFileSync('sqlite3', ['--version'], { encoding: 'utf8' }).trim().split(' ')[0];
const cli = run('sqlite3', [plain], `.mode csv\n.import ${csv} appointments\n`);
console.log(`sqlite3 ${sqliteVersion} CLI .import: ${cli.seconds.toFixed(2)} s`);
rmSync(plain, { force: true });

const ratio = result.seconds / cli.seconds;
console.log(`ratio ${ratio.toFixed(2)} (target <= 3), peak RSS ${result.peakRssMb.toFixed(0)} MB (target < 1536)`);
console.log(
  JSON.stringify({
    rows: result.rowsImported,
    seconds: Number(result.seconds.toFixed(3)),
    sqliteCliSeconds: Number(cli.seconds.toFixed(3)),
    ratio: Number(ratio.toFixed(3)),
    peakRssMb: Math.round(result.peakRssMb),
  }),
);
