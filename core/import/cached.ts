/**
 * Wrap a pure cell reader with a per-raw-value cache: coded columns hold few
 * distinct values across a million rows, so each is worked out once.
 */
export function cached<T>(read: (raw: string) => T, limit = 10_000): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    const hit = cache.get(raw);
    if (hit !== undefined || cache.has(raw)) return hit as T;
    const value = read(raw);
    if (cache.size < limit) cache.set(raw, value);
    return value;
  };
}
