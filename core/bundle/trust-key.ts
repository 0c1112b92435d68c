import type { Db } from '../workspace/index.ts';
import { getMeta } from '../workspace/index.ts';
import { generateSigningKey, signingKeyFromPem, type SigningKey } from './signing.ts';

const META_KEY = 'bundle_signing_key';

/**
 * The trust's Ed25519 signing key, created on first use and kept in the
 * workspace (like the pseudonym key): the workspace file is the trust's
 * identity, and copying it carries the key along.
 */
export async function trustSigningKey(db: Db): Promise<SigningKey> {
  const existing = await getMeta(db, META_KEY);
  if (existing) return signingKeyFromPem(existing);
  const key = generateSigningKey();
  await db.run('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)', [META_KEY, key.privateKeyPem]);
  return signingKeyFromPem((await getMeta(db, META_KEY)) as string);
}
