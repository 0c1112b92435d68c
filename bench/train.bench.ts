// npm run bench:train: the WebAssembly engine against native XGBoost (one thread)
// on the very same 1M-row matrix. Targets: train ratio <= 2.5, |dAUC| <= 0.005,
// matrix < 20 s, peak RSS < 2.5 GB, scoring ratio <= 1.5.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { predictProbability, readTreeEnsemble, trainBooster, type BoosterParams } from '../core/engine/index.ts';
import { auc } from '../core/evaluate/index.ts';
import { buildMatrixFromTable, defaultFeatureSpec, fitPipelineOnTable, loadDatasetTable } from '../core/features/index.ts';
import { importExtract } from '../core/import/index.ts';
import { takeRows, takeValues, temporalSlices } from '../core/train/index.ts';
import { openWorkspace } from '../core/workspace/index.ts';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const dir = join(process.cwd(), '.bench');
mkdirSync(dir, { recursive: true });
const csv = join(dir, `demo-${rows}.csv`);
const wsPath = join(dir, `train-${rows}.sqlite`);

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

if (!existsSync(csv)) run(process.execPath, ['bin/attend.mjs', 'demo-data', '--rows', String(rows), '--out', csv, '--seed', '1', '--json']);
const fresh = !existsSync(wsPath);
const ws = await openWorkspace(wsPath);
if (fresh) await importExtract(ws, csv, { dataset: 'demo' });

// The matrix, built once: load, fit the category maps before the validation cut, encode.
let t0 = performance.now();
const spec = defaultFeatureSpec();
const table = await loadDatasetTable(ws, 'demo', spec);
const matrix = buildMatrixFromTable(table, fitPipelineOnTable(table, spec, { dataset: 'demo' }), { rows: 'training' });
const matrixSeconds = (performance.now() - t0) / 1000;
console.log(`matrix: ${matrix.rows} rows x ${matrix.cols} features in ${matrixSeconds.toFixed(2)} s`);
const scoring = buildMatrixFromTable(table, fitPipelineOnTable(table, spec, { dataset: 'demo' }), { rows: 'all' });
await ws.close();

const slices = temporalSlices(matrix.appointmentDay, 91, 91);
// Train on everything before the test slice; sampling off so both engines see the same problem.
const trainIndex = Int32Array.from([...slices.train, ...slices.validation]);
const xTrain = takeRows(matrix.x, matrix.cols, trainIndex);
const yTrain = takeValues(matrix.y as Float32Array, trainIndex);
const xTest = takeRows(matrix.x, matrix.cols, slices.test);
const yTest = takeValues(matrix.y as Float32Array, slices.test);
const params: Partial<BoosterParams> = { trees: 200, maxDepth: 6, eta: 0.1, minChildWeight: 1, subsample: 1, colsampleBytree: 1, maxBin: 256, seed: 1 };

const f32 = (a: Float32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const native = join(dir, 'native');
mkdirSync(native, { recursive: true });
writeFileSync(join(native, 'shape.json'), JSON.stringify({ cols: matrix.cols }));
writeFileSync(join(native, 'train_x.f32'), f32(xTrain));
writeFileSync(join(native, 'train_y.f32'), f32(yTrain));
writeFileSync(join(native, 'test_x.f32'), f32(xTest));
writeFileSync(join(native, 'test_y.f32'), f32(yTest));
writeFileSync(join(native, 'score_x.f32'), f32(scoring.x));

t0 = performance.now();
const trained = await trainBooster({ x: xTrain, y: yTrain, rows: trainIndex.length, cols: matrix.cols }, params);
const trainSeconds = (performance.now() - t0) / 1000;
const ensemble = readTreeEnsemble(trained.model);
const ourAuc = auc(yTest, predictProbability(ensemble, xTest, slices.test.length, matrix.cols)) as number;
t0 = performance.now();
predictProbability(ensemble, scoring.x, scoring.rows, scoring.cols);
const scoreSeconds = (performance.now() - t0) / 1000;
console.log(`attend engine: trained ${trainIndex.length} rows x 200 trees in ${trainSeconds.toFixed(1)} s, test AUC ${ourAuc.toFixed(4)}, scored ${scoring.rows} rows in ${scoreSeconds.toFixed(2)} s`);

const nativeParams = { rounds: 200, max_depth: 6, eta: 0.1, min_child_weight: 1, subsample: 1, colsample_bytree: 1, max_bin: 256, seed: 1 };
const n = JSON.parse(run('/usr/bin/python3', ['bench/native_xgboost.py', native, JSON.stringify(nativeParams)]).trim().split('\n').pop() as string) as {
  trainSeconds: number;
  auc: number;
  scoreSeconds: number;
  version: string;
};
console.log(`native XGBoost ${n.version} (nthread=1): trained in ${n.trainSeconds.toFixed(1)} s, test AUC ${n.auc.toFixed(4)}, scored in ${n.scoreSeconds.toFixed(2)} s`);

const peakRssMb = process.resourceUsage().maxRSS / 1024;
const ratio = trainSeconds / n.trainSeconds;
const scoreRatio = scoreSeconds / n.scoreSeconds;
console.log(
  `train ratio ${ratio.toFixed(2)} (target <= 2.5), |dAUC| ${Math.abs(ourAuc - n.auc).toFixed(4)} (<= 0.005), ` +
    `matrix ${matrixSeconds.toFixed(1)} s (< 20), score ratio ${scoreRatio.toFixed(2)} (<= 1.5), peak RSS ${peakRssMb.toFixed(0)} MB (< 2560)`,
);
const r3 = (v: number) => Number(v.toFixed(3));
console.log(
  JSON.stringify({
    rows: matrix.rows,
    matrixSeconds: r3(matrixSeconds),
    trainSeconds: r3(trainSeconds),
    nativeTrainSeconds: r3(n.trainSeconds),
    ratio: r3(ratio),
    auc: Number(ourAuc.toFixed(5)),
    nativeAuc: Number(n.auc.toFixed(5)),
    scoreSeconds: r3(scoreSeconds),
    nativeScoreSeconds: r3(n.scoreSeconds),
    scoreRatio: r3(scoreRatio),
    peakRssMb: Math.round(peakRssMb),
  }),
);
