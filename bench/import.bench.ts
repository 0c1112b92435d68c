// npm run bench:import: import a 1M-row synthetic extract and compare with the
// sqlite3 CLI's plain `.import` of the same file (the floor for getting rows into SQLite).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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
  cpuSeconds: number;
  peakRssMb: number;
};
console.log(
  `attend import: ${result.rowsImported} rows imported, ${result.rowsRejected} rejected, ${result.seconds.toFixed(2)} s, ` +
    `${Math.round(result.rowsImported / result.seconds)} rows/s, CPU ${result.cpuSeconds.toFixed(2)} s, peak RSS ${result.peakRssMb.toFixed(0)} MB`,
);

const plain = join(dir, 'bench-cli.sqlite');
rmSync(plain, { force: true });
const sqliteVersion = execFileSync('sqlite3', ['--version'], { encoding: 'utf8' }).trim().split(' ')[0];
// Other work on a shared machine skews wall time, so CPU time (user + sys) is reported too.
const timeFile = join(dir, 'sqlite-cli.time');
const timed = existsSync('/usr/bin/time');
const cli = timed
  ? run('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, 'sqlite3', plain], `.mode csv\n.import ${csv} appointments\n`)
  : run('sqlite3', [plain], `.mode csv\n.import ${csv} appointments\n`);
const cliCpu = timed ? readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number).reduce((a, b) => a + b, 0) : NaN;
console.log(`sqlite3 ${sqliteVersion} CLI .import: ${cli.seconds.toFixed(2)} s, CPU ${cliCpu.toFixed(2)} s`);
rmSync(plain, { force: true });
rmSync(timeFile, { force: true });

const ratio = result.seconds / cli.seconds;
console.log(
  `ratio ${ratio.toFixed(2)} (target <= 3), CPU ratio ${(result.cpuSeconds / cliCpu).toFixed(2)}, ` +
    `peak RSS ${result.peakRssMb.toFixed(0)} MB (target < 1536)`,
);
console.log(
  JSON.stringify({
    rows: result.rowsImported,
    seconds: Number(result.seconds.toFixed(3)),
    sqliteCliSeconds: Number(cli.seconds.toFixed(3)),
    ratio: Number(ratio.toFixed(3)),
    peakRssMb: Math.round(result.peakRssMb),
  }),
);
