/** Text columns as integer codes: interning while reading, then a numbering free of storage order. */

/** Numbers text values in order of first appearance. */
export class Interner {
  private readonly map = new Map<string, number>();
  readonly labels: string[] = [];
  code(s: string): number {
    let c = this.map.get(s);
    if (c === undefined) {
      c = this.labels.length;
      this.map.set(s, c);
      this.labels.push(s);
    }
    return c;
  }
}

/** Recode so only labels still in use remain, trimmed (when asked), distinct and sorted; '' after trimming becomes -1. */
export function sortedCodes(codes: Int32Array, raw: readonly string[], trim: boolean): string[] {
  const used = new Uint8Array(raw.length);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) used[codes[i]] = 1;
  const cleaned = raw.map((l) => (trim ? l.trim() : l));
  const labels = [...new Set(cleaned.filter((l, k) => used[k] === 1 && l !== ''))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const remap = Int32Array.from(cleaned, (l) => index.get(l) ?? -1);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
  return labels;
}
