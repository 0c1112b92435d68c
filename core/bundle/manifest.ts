/**
 * manifest.json: what a bundle is, where it came from, and the SHA-256 of every
 * other file. The optional signature covers the canonical JSON of everything else
 * in the manifest, so no file can change without breaking it.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../features/index.ts';
import { BUNDLE_FILES, HASHED_FILES, type BundleFileName } from './bundle-files.ts';
import { fingerprintOfPublicKey, signMessage, verifyMessage, type SigningKey } from './signing.ts';

export const MANIFEST_FORMAT = 'attend-model-bundle';
export const MANIFEST_VERSION = 1;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');
const fileEntry = z.object({ sha256: sha256Hex, bytes: z.number().int().min(0) }).strict();

const manifestSchema = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    formatVersion: z.literal(MANIFEST_VERSION),
    name: z.string().min(1).max(200),
    version: z.string().min(1).max(50),
    created: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'must be an ISO 8601 UTC time'),
    app: z.object({ name: z.literal('attend'), version: z.string().min(1).max(50) }).strict(),
    engine: z.object({ name: z.literal('xgboost'), version: z.string().min(1).max(100) }).strict(),
    runId: z.string().min(1).max(100),
    featureSpecHash: sha256Hex,
    datasetFingerprint: z.string().min(1).max(200),
    files: z.record(z.string(), fileEntry),
    signature: z
      .object({ algorithm: z.literal('ed25519'), publicKey: z.string().min(1).max(200), keyFingerprint: z.string().min(1).max(100), value: z.string().min(1).max(200) })
      .strict()
      .optional(),
  })
  .strict();

/** The contents of manifest.json. */
export type BundleManifest = z.infer<typeof manifestSchema>;

/** Everything of the manifest but its file hashes and signature. */
export type ManifestHeader = Omit<BundleManifest, 'format' | 'formatVersion' | 'files' | 'signature'>;

/** Hex SHA-256 of bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The manifest of a bundle's files, signed when a key is given. */
export function buildManifest(header: ManifestHeader, files: ReadonlyMap<BundleFileName, Uint8Array>, key?: SigningKey): BundleManifest {
  const entries: Record<string, { sha256: string; bytes: number }> = {};
  for (const name of HASHED_FILES) {
    const bytes = files.get(name);
    if (!bytes) throw new Error(`bundle file ${name} is missing`);
    entries[name] = { sha256: sha256(bytes), bytes: bytes.length };
  }
  const manifest: BundleManifest = { format: MANIFEST_FORMAT, formatVersion: MANIFEST_VERSION, ...header, files: entries };
  if (!key) return manifest;
  return {
    ...manifest,
    signature: { algorithm: 'ed25519', publicKey: key.publicKey, keyFingerprint: key.fingerprint, value: signMessage(key, canonicalJson(manifest)) },
  };
}

/** Parse manifest.json text, naming the field that is wrong. */
export function parseManifest(text: string): BundleManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`manifest.json is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`manifest.json: ${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`);
  }
  const listed = Object.keys(parsed.data.files);
  for (const name of listed) {
    if (!(HASHED_FILES as readonly string[]).includes(name)) throw new Error(`manifest.json: files lists "${name}", which is not a bundle file (${BUNDLE_FILES.join(', ')})`);
  }
  for (const name of HASHED_FILES) if (!listed.includes(name)) throw new Error(`manifest.json: files does not list ${name}`);
  return parsed.data;
}

/** Result of checking a manifest's signature. */
export type SignatureCheck = { signed: false } | { signed: true; keyFingerprint: string };

/** Verify the signature when there is one; throws when it does not verify. */
export function checkSignature(manifest: BundleManifest): SignatureCheck {
  const sig = manifest.signature;
  if (!sig) return { signed: false };
  const fingerprint = fingerprintOfPublicKey(sig.publicKey);
  if (fingerprint !== sig.keyFingerprint) throw new Error(`manifest.json: signature.keyFingerprint ${sig.keyFingerprint} is not the fingerprint of signature.publicKey (${fingerprint})`);
  const { signature: _omit, ...unsigned } = manifest;
  if (!verifyMessage(sig.publicKey, canonicalJson(unsigned), sig.value)) {
    throw new Error(`manifest.json: the signature does not verify: the manifest was changed after signing, or was not signed by key ${fingerprint}`);
  }
  return { signed: true, keyFingerprint: fingerprint };
}
