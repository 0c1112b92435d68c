import { describe, expect, it } from 'vitest';
import { keyedHash, Pseudonymiser } from '../../core/import/index.ts';

describe('Pseudonymiser', () => {
  const key = Buffer.alloc(32, 7);

  it('hashes identifiers with HMAC-SHA256 under the key, truncated to 32 hex characters', () => {
    const p = new Pseudonymiser(key);
    expect(p.nhsNumber('943 476 5919')).toBe(keyedHash(key, 'nhs:9434765919'));
    expect(p.nhsNumber('943-476-5919')).toBe(p.nhsNumber('9434765919'));
    expect(p.localNumber(' RX001 ')).toBe(keyedHash(key, 'local:RX001'));
    expect(p.localNumber('RX001')).toMatch(/^[0-9a-f]{32}$/);
    // Fixed expectation computed once with node:crypto, so a change of algorithm or truncation fails here.
    expect(keyedHash(key, 'nhs:9434765919')).toBe('cf07a469992293c276116acf942c4c58');
  });

  it('keeps local numbers and NHS numbers apart, and differs between workspace keys', () => {
    const p = new Pseudonymiser(key);
    expect(p.localNumber('9434765919')).not.toBe(p.nhsNumber('9434765919'));
    expect(new Pseudonymiser(Buffer.alloc(32, 8)).nhsNumber('9434765919')).not.toBe(p.nhsNumber('9434765919'));
  });
});
