/**
 * Ed25519 signing of bundle manifests with Node's crypto. Each trust has one
 * key pair (kept in its workspace); the receiving trust sees the signer's key
 * fingerprint and can insist on a key it trusts.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/** A signing key pair as stored: PKCS#8 PEM private key. */
export interface SigningKey {
  privateKeyPem: string;
  /** Base64 of the SPKI DER public key, as written into manifests. */
  publicKey: string;
  fingerprint: string;
}

/** A fresh Ed25519 key pair. */
export function generateSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return signingKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
}

/** The key pair of a stored PKCS#8 PEM private key; refuses anything but Ed25519. */
export function signingKeyFromPem(privateKeyPem: string): SigningKey {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`signing key must be Ed25519, this one is ${key.asymmetricKeyType}`);
  const der = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return { privateKeyPem, publicKey: der.toString('base64'), fingerprint: keyFingerprint(der) };
}

/** sha256:<hex> of a public key's SPKI DER bytes: the name a trust shares for its key. */
export function keyFingerprint(spkiDer: Uint8Array): string {
  return `sha256:${createHash('sha256').update(spkiDer).digest('hex')}`;
}

function publicKeyObject(publicKeyBase64: string): KeyObject {
  const der = Buffer.from(publicKeyBase64, 'base64');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    throw new Error('signature.publicKey is not a valid public key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`signature.publicKey must be Ed25519, got ${key.asymmetricKeyType}`);
  return key;
}

/** Base64 Ed25519 signature of the message. */
export function signMessage(key: SigningKey, message: string): string {
  return sign(null, Buffer.from(message, 'utf8'), createPrivateKey(key.privateKeyPem)).toString('base64');
}

/** True when the base64 signature of the message verifies under the base64 SPKI public key. */
export function verifyMessage(publicKeyBase64: string, message: string, signatureBase64: string): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length !== 64) return false;
  return verify(null, Buffer.from(message, 'utf8'), publicKeyObject(publicKeyBase64), signature);
}

/** Fingerprint of a base64 SPKI public key (validating it). */
export function fingerprintOfPublicKey(publicKeyBase64: string): string {
  publicKeyObject(publicKeyBase64);
  return keyFingerprint(Buffer.from(publicKeyBase64, 'base64'));
}
