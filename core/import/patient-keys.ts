import type { SqlValue } from '../workspace/index.ts';
import { packBatch } from './packed-rows.ts';

/** Int32 words per slot: the key's 128 bits, then 1 when the slot is taken. */
const SLOT = 5;
const INITIAL_SLOTS = 1 << 15;
/** Largest table made up front, whatever the estimate (it grows past it as needed). */
const MAX_PRESIZED_KEYS = 1 << 21;
/** Characters of a key as keyedHash writes it (PSEUDONYM_HEX_LENGTH): 128 bits in hex. */
const HEX_KEY = 32;

const HEX_VALUE = new Int8Array(256).fill(-1);
for (let c = 0; c < 10; c++) HEX_VALUE[48 + c] = c;
for (let c = 0; c < 6; c++) HEX_VALUE[97 + c] = 10 + c;

/** Keys per statement when the new keys are written. */
const KEYS_PER_STATEMENT = 16_384;

/** A run of new keys as parameters of a one-column packedSql, with their fits. */
export interface PackedKeys {
  params: SqlValue[];
  fits: string;
}

/**
 * The patient keys of an import, read from the packed batches on their way to
 * SQLite, so that the dataset's patient list gets each key once (a fifth of a
 * million keys among a million rows) and in order: inserted in random order the
 * keys cost SQLite four times as much. A key in keyedHash's shape, 32 lowercase
 * hex characters, is held whole as 128 bits in an open-addressing table: no
 * string per key and nothing to compare outside the table. Keys of any other
 * shape (none the import writes) fall back to a Set of strings. The list's
 * primary key ignores keys it already has.
 */
export class PatientKeys {
  private table: Int32Array;
  private mask: number;
  private size = 0;
  /** The words of each key met, in the order met. */
  private keys: Int32Array;
  private readonly others = new Set<string>();
  private readonly words = new Int32Array(4);

  /** Keys for about `expected` patients, so that a large file does not rebuild the table again and again. */
  constructor(expected = 0) {
    let slots = INITIAL_SLOTS;
    while (slots < 2 * Math.min(expected, MAX_PRESIZED_KEYS)) slots *= 2;
    this.table = new Int32Array(SLOT * slots);
    this.mask = slots - 1;
    this.keys = new Int32Array(2 * slots);
  }

  /** Note the keys of a packed batch's column at byte `offset`, `width` bytes wide, in each of `rows` rows of `stride` bytes. */
  note(blob: Uint8Array, stride: number, offset: number, width: number, rows: number): void {
    for (let r = 0; r < rows; r++) {
      const at = r * stride + offset;
      if (width === HEX_KEY && this.readHex(blob, at)) {
        this.insert();
        continue;
      }
      this.others.add(Buffer.from(blob.buffer, blob.byteOffset + at, width).toString('utf8').replace(/ +$/, ''));
    }
  }

  /** Every key noted, once each and in the database's order, in runs of packed parameters. */
  sorted(): PackedKeys[] {
    const n = this.size;
    const keys = this.keys;
    // Unsigned order of the words is the order of the hex text, which SQLite compares bytewise.
    const order = Uint32Array.from({ length: n }, (_, i) => i).sort((x, y) => {
      for (let w = 0; w < 4; w++) {
        const a = keys[4 * x + w] >>> 0;
        const b = keys[4 * y + w] >>> 0;
        if (a !== b) return a < b ? -1 : 1;
      }
      return 0;
    });
    const out: PackedKeys[] = [];
    for (let from = 0; from < n; from += KEYS_PER_STATEMENT) {
      const count = Math.min(KEYS_PER_STATEMENT, n - from);
      const text = Buffer.alloc(count * HEX_KEY);
      for (let k = 0; k < count; k++) writeHex(keys, order[from + k], text, k * HEX_KEY);
      out.push({ params: [text, HEX_KEY, 1 + (count - 1) * HEX_KEY, 0, HEX_KEY], fits: 'F' });
    }
    const others = [...this.others].sort();
    for (let from = 0; from < others.length; from += KEYS_PER_STATEMENT) {
      out.push(packBatch(others.slice(from, from + KEYS_PER_STATEMENT), 1));
    }
    return out;
  }

  /** Decode 32 hex bytes at `at` into `words`; false when some byte is not lowercase hex. */
  private readHex(blob: Uint8Array, at: number): boolean {
    for (let w = 0; w < 4; w++) {
      let word = 0;
      for (let k = 0; k < 8; k++) {
        const v = HEX_VALUE[blob[at + 8 * w + k]];
        if (v < 0) return false;
        word = (word << 4) | v;
      }
      this.words[w] = word;
    }
    return true;
  }

  /** Add the key in `words` unless it is there. */
  private insert(): void {
    const words = this.words;
    const a = words[0];
    const b = words[1];
    const c = words[2];
    const d = words[3];
    const table = this.table;
    // The key is a keyed hash: its first word is already spread evenly.
    for (let slot = a & this.mask; ; slot = (slot + 1) & this.mask) {
      const i = SLOT * slot;
      if (table[i + 4] === 0) {
        table[i] = a;
        table[i + 1] = b;
        table[i + 2] = c;
        table[i + 3] = d;
        table[i + 4] = 1;
        if (4 * this.size === this.keys.length) {
          const keys = new Int32Array(2 * this.keys.length);
          keys.set(this.keys);
          this.keys = keys;
        }
        this.keys.set(words, 4 * this.size);
        if (++this.size * 2 > this.mask + 1) this.grow();
        return;
      }
      if (table[i] === a && table[i + 1] === b && table[i + 2] === c && table[i + 3] === d) return;
    }
  }

  private grow(): void {
    const old = this.table;
    const slots = 2 * (this.mask + 1);
    const table = new Int32Array(SLOT * slots);
    const mask = slots - 1;
    for (let i = 0; i < old.length; i += SLOT) {
      if (old[i + 4] === 0) continue;
      let slot = old[i] & mask;
      while (table[SLOT * slot + 4] !== 0) slot = (slot + 1) & mask;
      table.set(old.subarray(i, i + SLOT), SLOT * slot);
    }
    this.table = table;
    this.mask = mask;
  }
}

const HEX_DIGITS = '0123456789abcdef';

/** Write key `k`'s four words as 32 lowercase hex characters into `to` at `into`. */
function writeHex(keys: Int32Array, k: number, to: Buffer, into: number): void {
  for (let w = 0; w < 4; w++) {
    const word = keys[4 * k + w];
    for (let j = 0; j < 8; j++) to[into + 8 * w + j] = HEX_DIGITS.charCodeAt((word >>> (28 - 4 * j)) & 15);
  }
}
