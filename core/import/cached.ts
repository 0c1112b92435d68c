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
