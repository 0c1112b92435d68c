/**
 * Engine benchmark (not a test; timings never go in tests):
 *   node --import tsx bench/engine.bench.ts train ROWS [TREES] [DEPTH]
 *   node --import tsx bench/engine.bench.ts predict ROWS TREES [DEPTH]
 * Each run reports wall time and peak RSS of the whole process (worker included).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { predictMargin, readTreeEnsemble, trainBooster } from '../core/engine/index.ts';
import { seededRandom } from '../test/engine/helpers/synthetic.ts';

const COLS = 20;

function dataset(rows: number, seed: number): { x: Float32Array; y: Float32Array; rows: number; cols: number } {
  const rnd = seededRandom(seed);
  const x = new Float32Array(rows * COLS);
  const y = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let logit = -3;
    for (let c = 0; c < COLS; c++) {
      const v = rnd() < 0.05 ? -1 : Math.fround(rnd() * 10);
      x[r * COLS + c] = v;
      if (c < 8 && v !== -1) logit += (c % 2 === 0 ? 0.08 : -0.06) * v;
    }
    y[r] = rnd() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { x, y, rows, cols: COLS };
}

const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

async function benchTrain(rows: number, trees: number, depth: number): Promise<void> {
  const data = dataset(rows, 1);
  const result = await trainBooster(data, { trees, maxDepth: depth, eta: 0.1 }, { transfer: true, chunk: 10 });
  console.log(`train rows=${rows} cols=${COLS} trees=${trees} depth=${depth}: ${result.seconds.toFixed(1)} s, model ${result.model.length} bytes, peak RSS ${peakMb()} MB`);
}

async function benchPredict(rows: number, trees: number, depth: number): Promise<void> {
  const { model } = await trainBooster(dataset(100_000, 1), { trees, maxDepth: depth, eta: 0.1, minChildWeight: 1 }, { chunk: 20 });
  const e = readTreeEnsemble(model);
  const data = dataset(rows, 2);
  const started = performance.now();
  predictMargin(e, data.x, rows, COLS);
  const ours = (performance.now() - started) / 1000;
  console.log(`predict rows=${rows} trees=${trees} depth=${depth} nodes=${e.treeOffsets[e.numTrees]}: ours ${ours.toFixed(2)} s`);
  const dir = mkdtempSync(join(tmpdir(), 'attend-bench-'));
  try {
    writeFileSync(join(dir, 'model.bin'), model);
    writeFileSync(join(dir, 'x.f32'), new Uint8Array(data.x.buffer));
    const script = fileURLToPath(new URL('../oracle/bench_predict.py', import.meta.url));
    const res = spawnSync('/usr/bin/python3', [script, join(dir, 'model.bin'), join(dir, 'x.f32'), String(rows), String(COLS)], { encoding: 'utf8' });
    console.log(res.status === 0 ? `python xgboost ${res.stdout.trim()} s (nthread=1)` : `python failed: ${res.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, rowsArg, treesArg, depthArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? 100_000);
if (mode === 'predict') await benchPredict(rows, Number(treesArg ?? 200), Number(depthArg ?? 6));
else await benchTrain(rows, Number(treesArg ?? 100), Number(depthArg ?? 6));
