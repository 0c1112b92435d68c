import { describe, expect, it } from 'vitest';
import { HASHED_FILES, type BundleFileName } from '../../core/bundle/bundle-files.ts';
import { buildManifest, checkSignature, parseManifest, sha256, type ManifestHeader } from '../../core/bundle/manifest.ts';
import { generateSigningKey, signingKeyFromPem, verifyMessage } from '../../core/bundle/signing.ts';

const header: ManifestHeader = {
  name: 'DNA model', version: '1.0.0', created: '2026-11-23T10:00:00.000Z', app: { name: 'attend', version: '0.1.0' },
  engine: { name: 'xgboost', version: 'xgboost-0.72-wasm' }, runId: 'run-1', featureSpecHash: 'a'.repeat(64), datasetFingerprint: 'sha256:' + 'b'.repeat(64),
};
const files = new Map<BundleFileName, Uint8Array>(HASHED_FILES.map((n) => [n, new TextEncoder().encode(n)]));

describe('manifest', () => {
  it('lists the SHA-256 and size of every file', () => {
    const m = buildManifest(header, files);
    expect(m.files['model.json']).toEqual({ sha256: sha256(new TextEncoder().encode('model.json')), bytes: 10 });
    expect(sha256(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(Object.keys(m.files).sort()).toEqual([...HASHED_FILES].sort());
    expect(checkSignature(parseManifest(JSON.stringify(m)))).toEqual({ signed: false });
  });
  it('signs with Ed25519 and reports the signer fingerprint; any change breaks it', () => {
    const key = generateSigningKey();
    expect(signingKeyFromPem(key.privateKeyPem)).toEqual(key);
    expect(key.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    const m = buildManifest(header, files, key);
    expect(checkSignature(parseManifest(JSON.stringify(m)))).toEqual({ signed: true, keyFingerprint: key.fingerprint });
    const tampered = structuredClone(m);
    tampered.files['model.json'].sha256 = 'c'.repeat(64);
    expect(() => checkSignature(tampered)).toThrow('the signature does not verify');
    const other = generateSigningKey();
    const swapped = { ...m, signature: { ...m.signature!, publicKey: other.publicKey, keyFingerprint: other.fingerprint } };
    expect(() => checkSignature(swapped)).toThrow(`not signed by key ${other.fingerprint}`);
    const lied = { ...m, signature: { ...m.signature!, keyFingerprint: other.fingerprint } };
    expect(() => checkSignature(lied)).toThrow('is not the fingerprint of signature.publicKey');
    expect(verifyMessage(key.publicKey, 'x', 'AAAA')).toBe(false);
  });
  it('names the field that is wrong', () => {
    const m = buildManifest(header, files);
    expect(() => parseManifest('{')).toThrow('manifest.json is not valid JSON');
    expect(() => parseManifest(JSON.stringify({ ...m, formatVersion: 2 }))).toThrow('manifest.json: formatVersion:');
    expect(() => parseManifest(JSON.stringify({ ...m, extra: 1 }))).toThrow('manifest.json: (top level):');
    const { ['score.py']: _drop, ...fewer } = m.files;
    expect(() => parseManifest(JSON.stringify({ ...m, files: fewer }))).toThrow('manifest.json: files does not list score.py');
    expect(() => parseManifest(JSON.stringify({ ...m, files: { ...m.files, 'evil.sh': m.files['README.md'] } }))).toThrow('files lists "evil.sh", which is not a bundle file');
    expect(() => parseManifest(JSON.stringify({ ...m, files: { ...m.files, 'README.md': { sha256: 'xyz', bytes: 1 } } }))).toThrow('manifest.json: files.README.md.sha256: must be 64 lowercase hex digits');
  });
  it('refuses a non-Ed25519 key', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => signingKeyFromPem(rsa)).toThrow('signing key must be Ed25519, this one is rsa');
  });
});
