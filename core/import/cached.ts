/** Marks a slot of the short-cell table not worked out yet. */
const UNSET: unique symbol = Symbol('unset');

/** Slots for cells of one or two ASCII characters: one per 1-character cell, then 128 x 128 for 2 characters. */
const SHORT_SLOTS = 128 + 128 * 128;

/**
 * Wrap a pure cell reader with a per-raw-value cache: coded columns hold few
 * distinct values across a million rows, so each is worked out once. Cells of
 * one or two ASCII characters (most codes) index a table instead of hashing into
 * the Map, which is a good part of the import's cost per row.
 */
export function cached<T>(read: (raw: string) => T, limit = 10_000): (raw: string) => T {
  const cache = new Map<string, T>();
  let short: (T | typeof UNSET)[] | null = null;
  return (raw) => {
    const n = raw.length;
    if (n === 1 || n === 2) {
      const a = raw.charCodeAt(0);
      const b = n === 2 ? raw.charCodeAt(1) : 0;
      if (a < 128 && b < 128) {
        const slot = n === 1 ? a : 128 + a * 128 + b;
        short ??= new Array<T | typeof UNSET>(SHORT_SLOTS).fill(UNSET);
        const known = short[slot];
        if (known !== UNSET) return known;
        const value = read(raw);
        short[slot] = value;
        return value;
      }
    }
    const hit = cache.get(raw);
    if (hit !== undefined || cache.has(raw)) return hit as T;
    const value = read(raw);
    if (cache.size < limit) cache.set(raw, value);
    return value;
  };
}

/**
 * `cached` for cells that `keyOf` can reduce to a number (>= 0, one number per
 * distinct cell): those are kept in a Map by that number, which costs less than a
 * Map by the cell's text (a fresh string from the parser each row must be hashed
 * before every lookup). Cells `keyOf` returns -1 for go through `cached`.
 */
export function cachedByNumber<T>(keyOf: (raw: string) => number, read: (raw: string) => T, limit = 10_000): (raw: string) => T {
  const byNumber = new NumberTable<T>();
  const byText = cached(read, limit);
  return (raw) => {
    const key = keyOf(raw);
    if (key < 0) return byText(raw);
    const hit = byNumber.get(key);
    if (hit !== undefined) return hit;
    const value = read(raw);
    if (byNumber.size < limit && value !== undefined) byNumber.set(key, value);
    return value;
  };
}

/** Marks a free slot of a NumberTable (keys are never negative). */
const EMPTY = -1;

/**
 * A map from whole numbers below 2^53 to values: open addressing over a
 * Float64Array, so a lookup reads one slot where a Map follows a bucket, an entry
 * and a boxed key.
 */
class NumberTable<T> {
  size = 0;
  private keys = new Float64Array(1 << 10).fill(EMPTY);
  private values: (T | undefined)[] = new Array<T | undefined>(1 << 10);
  private mask = (1 << 10) - 1;

  get(key: number): T | undefined {
    const keys = this.keys;
    for (let slot = spread(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      if (keys[slot] === key) return this.values[slot];
      if (keys[slot] === EMPTY) return undefined;
    }
  }

  set(key: number, value: T): void {
    if (2 * (this.size + 1) > this.mask + 1) this.grow();
    const keys = this.keys;
    for (let slot = spread(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      if (keys[slot] === EMPTY) {
        keys[slot] = key;
        this.values[slot] = value;
        this.size++;
        return;
      }
      if (keys[slot] === key) {
        this.values[slot] = value;
        return;
      }
    }
  }

  private grow(): void {
    const { keys, values } = this;
    const slots = 2 * (this.mask + 1);
    this.keys = new Float64Array(slots).fill(EMPTY);
    this.values = new Array<T | undefined>(slots);
    this.mask = slots - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) this.set(keys[i], values[i] as T);
  }
}

/** Mix a whole number's low and high 32 bits into a slot index. */
function spread(key: number): number {
  const h = Math.imul((key | 0) ^ Math.imul((key / 4294967296) | 0, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** The value of a cell of exactly `length` ASCII digits (up to 15), else -1. */
export function digitsKey(raw: string, length: number): number {
  if (raw.length !== length) return -1;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const c = raw.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const SEPARATORS = '/-.';

/**
 * A number for a ten-character date cell of eight digits with a repeated
 * separator (/ - .) after the first two and four digits (dd/mm/yyyy, yyyy-mm-dd and
 * the like), else -1: the digits, the separator and its place tell cells apart.
 */
export function dateCellKey(raw: string): number {
  if (raw.length !== 10) return -1;
  const sepAt = raw.charCodeAt(2) === raw.charCodeAt(5) ? 2 : raw.charCodeAt(4) === raw.charCodeAt(7) ? 4 : 0;
  if (sepAt === 0) return -1;
  const sep = SEPARATORS.indexOf(raw[sepAt]);
  if (sep < 0) return -1;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === sepAt || i === sepAt + 3) continue;
    const c = raw.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return (sepAt === 2 ? sep : 3 + sep) * 100_000_000 + n;
}

/** Base 37 of up to ten characters 0-9 and A-Z (each as 1..36, so lengths differ), else -1. */
export function codeKey(raw: string): number {
  const n = raw.length;
  if (n === 0 || n > 10) return -1;
  let key = 0;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 47 : c >= 65 && c <= 90 ? c - 54 : -1;
    if (v < 0) return -1;
    key = key * 37 + v;
  }
  return key;
}
