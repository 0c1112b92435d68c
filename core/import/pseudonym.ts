import { createHmac } from 'node:crypto';
import { normaliseNhsNumber } from '../nhs/nhs-number.ts';

/** Hex characters kept of each HMAC: 128 bits, ample against collisions within a trust. */
export const PSEUDONYM_HEX_LENGTH = 32;

/** HMAC-SHA256 of a value under the workspace key, hex, truncated. */
export function keyedHash(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex').slice(0, PSEUDONYM_HEX_LENGTH);
}

/**
 * Replaces patient identifiers by keyed hashes. The kind prefix keeps a local
 * number that happens to equal some NHS number from sharing its hash; hashes are
 * cached per raw value because patients recur throughout an extract.
 */
export class Pseudonymiser {
  private readonly local = new Map<string, string>();
  private readonly nhs = new Map<string, string>();

  constructor(private readonly key: Buffer) {}

  /** Hash of a local patient number (trimmed). */
  localNumber(raw: string): string {
    let h = this.local.get(raw);
    if (h === undefined) {
      h = keyedHash(this.key, 'local:' + raw.trim());
      this.local.set(raw, h);
    }
    return h;
  }

  /** Hash of an NHS number after removing spaces and dashes. */
  nhsNumber(raw: string): string {
    let h = this.nhs.get(raw);
    if (h === undefined) {
      h = keyedHash(this.key, 'nhs:' + normaliseNhsNumber(raw.trim()));
      this.nhs.set(raw, h);
    }
    return h;
  }

  /** Hash of any other text derived from identifiers (e.g. a made-up appointment id). */
  other(value: string): string {
    return keyedHash(this.key, 'other:' + value);
  }
}
