import type { SqlValue } from '../workspace/index.ts';

/** One text column carried in a packed batch. */
export interface PackedColumn {
  name: string;
  /** '' stands for NULL (wrapped in nullif); otherwise '' stays ''. */
  nullable: boolean;
}

/** Name of the CTE row source; its column `at` is the 1-based byte offset of a row in the BLOB. */
const SOURCE = 'packed_row';

/**
 * SQL pieces that unpack a batch from `packRows`: a recursive CTE with one row per
 * packed row, and one expression per column. Binding one BLOB per batch instead of
 * one string per value matters because the sqlite3 package converts every bound
 * value on the main thread; `substr` on a BLOB is byte-indexed, so finding a value
 * costs the same wherever it sits in the batch.
 */
export function packedSql(columns: readonly PackedColumn[]): { withClause: string; from: string; expressions: string[] } {
  return {
    withClause: `WITH RECURSIVE ${SOURCE}(at) AS (SELECT 1 UNION ALL SELECT at + ?2 FROM ${SOURCE} WHERE at + ?2 <= ?3)`,
    from: SOURCE,
    expressions: columns.map((c, i) => {
      const value = `rtrim(CAST(substr(?1, at + ?${4 + 2 * i}, ?${5 + 2 * i}) AS TEXT))`;
      return c.nullable ? `nullif(${value}, '')` : value;
    }),
  };
}

/**
 * Pack `values` (`width` strings per row, none ending in a space) into the
 * parameters of `packedSql`: a BLOB of fixed-width space-padded UTF-8 rows, the
 * row stride, the last row's offset, then each column's offset and width in bytes.
 */
export function packRows(values: readonly SqlValue[], width: number): SqlValue[] {
  const rows = values.length / width;
  let widths = columnWidths(values, width, (v) => v.length);
  let text = paddedAscii(values, widths);
  let blob = Buffer.from(text, 'utf8');
  if (blob.length !== text.length) {
    // Some value is not ASCII: pad by bytes, not by UTF-16 units.
    const bytes = (v: string) => Buffer.byteLength(v, 'utf8');
    widths = columnWidths(values, width, bytes);
    text = padded(values, widths, bytes);
    blob = Buffer.from(text, 'utf8');
  }
  const params: SqlValue[] = [blob, 0, 0];
  let offset = 0;
  for (const w of widths) {
    params.push(offset, w);
    offset += w;
  }
  params[1] = offset;
  params[2] = 1 + (rows - 1) * offset;
  return params;
}

/** Widest value of each column (at least 1, so every row has a non-zero stride). */
function columnWidths(values: readonly SqlValue[], width: number, size: (v: string) => number): number[] {
  const widths = new Array<number>(width).fill(1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'string') throw new Error(`packed rows take strings only, got ${typeof v} in column ${i % width}`);
    if (v.charCodeAt(v.length - 1) === 32) throw new Error(`packed rows cannot keep a trailing space (column ${i % width})`);
    const n = size(v);
    if (n > widths[i % width]) widths[i % width] = n;
  }
  return widths;
}

const SPACES = Array.from({ length: 64 }, (_, n) => ' '.repeat(n));

/** Each value padded to its column's width in UTF-16 units (= bytes when all are ASCII), all rows joined. */
function paddedAscii(values: readonly SqlValue[], widths: readonly number[]): string {
  const width = widths.length;
  let text = '';
  for (let i = 0; i < values.length; i += width) {
    let row = '';
    for (let c = 0; c < width; c++) row += (values[i + c] as string).padEnd(widths[c]);
    text += row;
  }
  return text;
}

/** Each value padded to its column's width as measured by `size`, all rows joined. */
function padded(values: readonly SqlValue[], widths: readonly number[], size: (v: string) => number): string {
  const width = widths.length;
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string;
    const pad = widths[i % width] - size(v);
    parts[i] = pad === 0 ? v : v + (SPACES[pad] ?? ' '.repeat(pad));
  }
  return parts.join('');
}
