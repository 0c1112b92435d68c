import type { SqlValue } from '../workspace/index.ts';

/** One text column carried in a packed batch. */
export interface PackedColumn {
  name: string;
  /** '' stands for NULL (wrapped in nullif); otherwise '' stays ''. */
  nullable: boolean;
}

/**
 * How a column's values lie in one batch, which decides how little SQL it takes
 * to unpack them: 'F' every value fills the column's width; 'B' every value fills
 * it or is blank; 'T' widths vary and none is blank; 'V' widths vary, some blank.
 */
export type ColumnFit = 'F' | 'B' | 'T' | 'V';

/** A batch packed by `packBatch`: the parameters of `packedSql` and the fit of each column. */
export interface PackedBatch {
  params: SqlValue[];
  /** One ColumnFit letter per column. */
  fits: string;
}

/** Name of the CTE row source; its column `at` is the 1-based byte offset of a row in the BLOB. */
const SOURCE = 'packed_row';

/**
 * SQL pieces that unpack a batch from `packRows`: a recursive CTE with one row per
 * packed row, and one expression per column. Binding one BLOB per batch instead of
 * one string per value matters because the sqlite3 package converts every bound
 * value on the main thread; `substr` on a BLOB is byte-indexed, so finding a value
 * costs the same wherever it sits in the batch. With `fits` (from `packBatch`),
 * columns whose values need no trimming skip rtrim and nullif, a good part of the
 * cost per value; without, every column is unpacked the general way.
 */
export function packedSql(columns: readonly PackedColumn[], fits?: string): { withClause: string; from: string; expressions: string[] } {
  return {
    withClause: `WITH RECURSIVE ${SOURCE}(at) AS (SELECT 1 UNION ALL SELECT at + ?2 FROM ${SOURCE} WHERE at + ?2 <= ?3)`,
    from: SOURCE,
    expressions: columns.map((c, i) => {
      const width = `?${5 + 2 * i}`;
      const raw = `CAST(substr(?1, at + ?${4 + 2 * i}, ${width}) AS TEXT)`;
      const fit = (fits?.[i] ?? 'V') as ColumnFit;
      if (fit === 'F') return raw;
      // A blank is a run of spaces as wide as the column; the comparand is computed once per statement.
      if (fit === 'B' && c.nullable) return `nullif(${raw}, printf('%*s', ${width}, ''))`;
      if (fit === 'T' || !c.nullable) return `rtrim(${raw})`;
      return `nullif(rtrim(${raw}), '')`;
    }),
  };
}

/**
 * Pack `values` (`width` strings per row, none ending in a space) into the
 * parameters of `packedSql`: a BLOB of fixed-width space-padded UTF-8 rows, the
 * row stride, the last row's offset, then each column's offset and width in bytes.
 */
export function packRows(values: readonly SqlValue[], width: number): SqlValue[] {
  return packBatch(values, width).params;
}

/** `packRows` with the fit of each column, for `packedSql(columns, fits)`. */
export function packBatch(values: readonly SqlValue[], width: number): PackedBatch {
  const rows = values.length / width;
  const layout = measure(values, width, (v) => v.length);
  const blob = Buffer.alloc(rows * layout.stride, 0x20);
  // Most batches are ASCII, where a character is a byte: copy codes straight in.
  return writeAscii(values, width, layout, blob) ? finish(blob, rows, layout) : packUtf8(values, width);
}

/** Column widths, offsets and fits of a batch, sizes measured by `size`. */
interface Layout {
  widths: Int32Array;
  offsets: Int32Array;
  stride: number;
  fits: string;
}

function measure(values: readonly SqlValue[], width: number, size: (v: string) => number): Layout {
  const widths = new Int32Array(width).fill(1);
  const shortest = new Int32Array(width).fill(0x7fffffff);
  const blanks = new Uint8Array(width);
  for (let i = 0; i < values.length; i += width) {
    for (let c = 0; c < width; c++) {
      const v = values[i + c];
      if (typeof v !== 'string') throw new Error(`packed rows take strings only, got ${typeof v} in column ${c}`);
      const n = size(v);
      if (n === 0) {
        blanks[c] = 1;
        continue;
      }
      if (v.charCodeAt(v.length - 1) === 32) throw new Error(`packed rows cannot keep a trailing space (column ${c})`);
      if (n > widths[c]) widths[c] = n;
      if (n < shortest[c]) shortest[c] = n;
    }
  }
  const offsets = new Int32Array(width);
  let stride = 0;
  let fits = '';
  for (let c = 0; c < width; c++) {
    offsets[c] = stride;
    stride += widths[c];
    // A column of blanks only is 'B': each value is blank, as wide as a column of width 1 shows.
    const even = shortest[c] === 0x7fffffff || shortest[c] === widths[c];
    fits += even ? (blanks[c] ? 'B' : 'F') : blanks[c] ? 'V' : 'T';
  }
  return { widths, offsets, stride, fits };
}

/** Copy every value's character codes into `blob` at its place; false at the first non-ASCII character. */
function writeAscii(values: readonly SqlValue[], width: number, layout: Layout, blob: Buffer): boolean {
  const { offsets, stride } = layout;
  let row = 0;
  for (let i = 0; i < values.length; i += width, row += stride) {
    for (let c = 0; c < width; c++) {
      const v = values[i + c] as string;
      let at = row + offsets[c];
      for (let k = 0; k < v.length; k++) {
        const code = v.charCodeAt(k);
        if (code > 127) return false;
        blob[at++] = code;
      }
    }
  }
  return true;
}

/** The batch packed by UTF-8 bytes, for batches holding a non-ASCII character. */
function packUtf8(values: readonly SqlValue[], width: number): PackedBatch {
  const layout = measure(values, width, (v) => Buffer.byteLength(v, 'utf8'));
  const rows = values.length / width;
  const blob = Buffer.alloc(rows * layout.stride, 0x20);
  let row = 0;
  for (let i = 0; i < values.length; i += width, row += layout.stride) {
    for (let c = 0; c < width; c++) blob.write(values[i + c] as string, row + layout.offsets[c], 'utf8');
  }
  return finish(blob, rows, layout);
}

function finish(blob: Buffer, rows: number, layout: Layout): PackedBatch {
  const params: SqlValue[] = [blob, layout.stride, 1 + (rows - 1) * layout.stride];
  for (let c = 0; c < layout.widths.length; c++) params.push(layout.offsets[c], layout.widths[c]);
  return { params, fits: layout.fits };
}
