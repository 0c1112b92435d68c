import { parseCalibration } from '../calibrate/index.ts';
import { parsePipeline } from '../features/index.ts';
import { getRun, getRunEnsemble } from '../journal/index.ts';
import { listDatasets } from '../profile/index.ts';
import type { Workspace } from '../workspace/index.ts';
import { writeBundle } from './bundle-container.ts';
import type { BundleFileName } from './bundle-files.ts';
import { bundlePipeline } from './bundle-pipeline.ts';
import { bundleReadme } from './bundle-readme.ts';
import { buildManifest, type BundleManifest } from './manifest.ts';
import { modelCardHtml, modelCardMarkdown } from './model-card.ts';
import type { ModelCardInput } from './model-card-input.ts';
import { modelJson, modelJsonText } from './model-json.ts';
import { scoreMjsSource } from './score-mjs.ts';
import { scorePySource } from './score-py.ts';
import { scoreSql } from './score-sql.ts';
import { trustSigningKey } from './trust-key.ts';

/** Options of an export. */
export interface ExportOptions {
  /** Bundle name; default "Attend DNA model (<dataset>)". */
  name?: string;
  /** Bundle version; default "1.0.0". */
  version?: string;
  /** Sign the manifest with the workspace's Ed25519 key (default true). */
  sign?: boolean;
  /** Creation time (ISO); default now. */
  created?: string;
}

/** What an export wrote. */
export interface ExportResult {
  file: string;
  kind: 'zip' | 'folder';
  bytes: number;
  runId: string;
  manifest: BundleManifest;
  signerFingerprint: string | null;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * Write a run as a bundle another trust can use without this app: model.json,
 * pipeline.json, scorers in JS, Python and SQL, the model card, a README, and a
 * manifest hashing (and by default signing) all of them. Only the model, the
 * learned category levels, the calibration and aggregate metrics go in: never a
 * patient-level row.
 */
export async function exportBundle(ws: Workspace, runId: string, out: string, opts: ExportOptions = {}): Promise<ExportResult> {
  const run = await getRun(ws.db, runId);
  const ensemble = await getRunEnsemble(ws.db, runId);
  if (ensemble.kind !== 'gbtree') throw new Error(`run ${runId} is a linear booster; bundles carry tree models only`);
  const features = parsePipeline(run.pipeline);
  const calibration = run.calibration === null ? null : parseCalibration(run.calibration);
  const pipeline = bundlePipeline(features, calibration);
  const dataset = (await listDatasets(ws)).find((d) => d.name === run.dataset);
  const key = opts.sign === false ? undefined : await trustSigningKey(ws.db);
  const created = opts.created ?? new Date().toISOString();
  const header = {
    name: opts.name ?? `Attend DNA model (${run.dataset})`,
    version: opts.version ?? '1.0.0',
    created,
    app: { name: 'attend' as const, version: run.appVersion.replace(/^attend /, '') },
    engine: { name: 'xgboost' as const, version: run.engineVersion },
    runId,
    featureSpecHash: run.featureSpecHash,
    datasetFingerprint: run.datasetFingerprint,
  };
  const card: ModelCardInput = {
    bundle: { name: header.name, version: header.version, created, appVersion: header.app.version, engineVersion: run.engineVersion, signerFingerprint: key?.fingerprint ?? null, dnaCodes: pipeline.outcome.dnaCodes },
    run,
    dataset: { name: run.dataset, appointments: dataset?.rows ?? 0, from: dataset?.from ?? null, to: dataset?.to ?? null },
  };
  const files = new Map<BundleFileName, Uint8Array>([
    ['model.json', utf8(modelJsonText(modelJson(ensemble, { featureNames: features.columns })))],
    ['pipeline.json', utf8(`${JSON.stringify(pipeline, null, 2)}\n`)],
    ['score.mjs', utf8(await scoreMjsSource())],
    ['score.py', utf8(scorePySource())],
    ['score.sql', utf8(scoreSql(pipeline, ensemble))],
    ['MODEL_CARD.md', utf8(modelCardMarkdown(card))],
    ['model_card.html', utf8(modelCardHtml(card))],
    ['README.md', utf8(bundleReadme(card))],
  ]);
  const manifest = buildManifest(header, files, key);
  files.set('manifest.json', utf8(`${JSON.stringify(manifest, null, 2)}\n`));
  const written = writeBundle(out, files);
  return { file: out, kind: written.kind, bytes: written.bytes, runId, manifest, signerFingerprint: key?.fingerprint ?? null };
}
