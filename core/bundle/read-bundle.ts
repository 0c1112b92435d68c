import type { TreeEnsemble } from '../engine/index.ts';
import { readBundleFiles } from './bundle-container.ts';
import { HASHED_FILES, type BundleFileName } from './bundle-files.ts';
import { parseBundlePipeline, type BundlePipeline } from './bundle-pipeline.ts';
import { checkSignature, parseManifest, sha256, type BundleManifest, type SignatureCheck } from './manifest.ts';
import { ensembleFromModelJson } from './model-json-reader.ts';

/** A bundle whose every check passed. Nothing in it has been executed. */
export interface OpenedBundle {
  path: string;
  manifest: BundleManifest;
  signature: SignatureCheck;
  pipeline: BundlePipeline;
  ensemble: TreeEnsemble;
  /** model.json as shipped, stored as-is when the bundle is imported. */
  modelJson: Uint8Array;
  modelCard: string;
}

/** Options of opening a bundle. */
export interface OpenBundleOptions {
  /** Key fingerprints (sha256:hex) the bundle must be signed by; when given, unsigned bundles are refused. */
  trustedKeys?: readonly string[];
}

function jsonOf(name: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new Error(`${name} is not valid UTF-8 JSON: ${(e as Error).message}`);
  }
}

/**
 * Read and check a bundle (folder or zip): container rules, manifest schema,
 * SHA-256 and size of every file, the signature when present (and the trusted
 * keys when given), then pipeline.json and model.json, which must agree with each
 * other and with the manifest. Throws naming the first thing wrong.
 */
export function openBundle(path: string, opts: OpenBundleOptions = {}): OpenedBundle {
  const files = readBundleFiles(path);
  const manifest = parseManifest(new TextDecoder().decode(files.get('manifest.json')));
  for (const name of HASHED_FILES) {
    const bytes = files.get(name);
    const want = manifest.files[name];
    if (!bytes) throw new Error(`bundle is missing ${name}, which its manifest lists`);
    if (bytes.length !== want.bytes) throw new Error(`${name} is ${bytes.length} bytes but the manifest says ${want.bytes}: the bundle was truncated or changed`);
    if (sha256(bytes) !== want.sha256) throw new Error(`${name} does not match its SHA-256 in the manifest: the bundle was changed after export`);
  }
  const signature = checkSignature(manifest);
  if (opts.trustedKeys && opts.trustedKeys.length > 0) {
    if (!signature.signed) throw new Error('the bundle is not signed, but a signature by a trusted key is required');
    if (!opts.trustedKeys.includes(signature.keyFingerprint)) throw new Error(`the bundle is signed by key ${signature.keyFingerprint}, which is not among the trusted keys`);
  }
  const get = (name: BundleFileName) => files.get(name) as Uint8Array;
  const pipeline = parseBundlePipeline(jsonOf('pipeline.json', get('pipeline.json')));
  let ensemble: TreeEnsemble;
  try {
    ensemble = ensembleFromModelJson(jsonOf('model.json', get('model.json')));
  } catch (e) {
    const message = (e as Error).message;
    throw new Error(message.startsWith('model.json') ? message : `model.json: ${message}`);
  }
  const columns = pipeline.features.columns.length;
  if (ensemble.numFeature !== columns) throw new Error(`model.json has ${ensemble.numFeature} features but pipeline.json makes ${columns} columns`);
  if (pipeline.features.specHash !== manifest.featureSpecHash) {
    throw new Error(`pipeline.json's feature spec hash ${pipeline.features.specHash} is not the manifest's ${manifest.featureSpecHash}`);
  }
  return { path, manifest, signature, pipeline, ensemble, modelJson: get('model.json'), modelCard: new TextDecoder().decode(get('MODEL_CARD.md')) };
}
