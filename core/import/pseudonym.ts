import { createHmac } from 'node:crypto';
import { normaliseNhsNumber } from '../nhs/nhs-number.ts';
import { cachedByNumber, codeKey, digitsKey } from './cached.ts';

/** Hex characters kept of each HMAC: 128 bits, ample against collisions within a trust. */
export const PSEUDONYM_HEX_LENGTH = 32;

/** HMAC-SHA256 of a value under the workspace key, hex, truncated. */
export function keyedHash(key: Buffer, value: string): string {
  // A flat string of its own (not a slice of the whole digest), cheaper to pack byte by byte.
  return createHmac('sha256', key).update(value).digest().toString('hex', 0, PSEUDONYM_HEX_LENGTH / 2);
}

/**
 * Replaces patient identifiers by keyed hashes. The kind prefix keeps a local
 * number that happens to equal some NHS number from sharing its hash; hashes are
 * cached per raw value because patients recur throughout an extract.
 */
export class Pseudonymiser {
  private readonly local: (raw: string) => string;
  private readonly nhs: (raw: string) => string;

  constructor(private readonly key: Buffer) {
    // Local numbers are mostly short codes of digits and capitals, NHS numbers ten
    // digits: a Map by number finds them faster than one by text.
    this.local = cachedByNumber(codeKey, (raw) => keyedHash(key, 'local:' + raw.trim()), Number.POSITIVE_INFINITY);
    this.nhs = cachedByNumber(
      (raw) => digitsKey(raw, 10),
      (raw) => keyedHash(key, 'nhs:' + normaliseNhsNumber(raw.trim())),
      Number.POSITIVE_INFINITY,
    );
  }

  /** Hash of a local patient number (trimmed). */
  localNumber(raw: string): string {
    return this.local(raw);
  }

  /** Hash of an NHS number after removing spaces and dashes. */
  nhsNumber(raw: string): string {
    return this.nhs(raw);
  }

  /** Hash of any other text derived from identifiers (e.g. a made-up appointment id). */
  other(value: string): string {
    return keyedHash(this.key, 'other:' + value);
  }
}
