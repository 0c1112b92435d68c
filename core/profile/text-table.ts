/** Render rows as a plain-text table: first column left-aligned, the others right-aligned. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) =>
    indent + cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** A whole number with thousands separators, independent of the machine's locale. */
export function formatCount(n: number | '<10'): string {
  return typeof n === 'number' ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : n;
}

/** A share as a percentage with one decimal, or '-' when not published. */
export function formatPercent(share: number | null): string {
  return share === null ? '-' : `${(share * 100).toFixed(1)}%`;
}
