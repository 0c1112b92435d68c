/** Parse a comma- or space-separated list of numbers; names the first bad entry. */
export function parseNumberList(text: string, what: string): number[] {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) throw new Error(`${what}: give at least one value`);
  return parts.map((p) => {
    const v = Number(p);
    if (!Number.isFinite(v)) throw new Error(`${what}: '${p}' is not a number`);
    return v;
  });
}

/** Distinct values in the order given. */
export function distinct(values: readonly number[]): number[] {
  return [...new Set(values)];
}
