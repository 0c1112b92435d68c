/** The outcomes the appointments table allows (its CHECK constraint), in the order a tally counts them. */
export const STORED_OUTCOMES = ['attended', 'dna', 'patient_cancelled', 'hospital_cancelled', 'upcoming', 'unknown'] as const;
const ATTENDED = 0;
const DNA = 1;
const NAMES = STORED_OUTCOMES.map((o) => Buffer.from(o, 'ascii'));
/** Bytes of appointment_at as the converter writes it: yyyy-mm-ddThh:mm. */
const AT_BYTES = 16;
const AT_SEPARATORS: readonly [number, number][] = [
  [4, 45],
  [7, 45],
  [10, 84],
  [13, 58],
];

/** What a tally adds up to, like import-summary's scan. */
export interface TalliedRows {
  dna: number;
  attended: number;
  withOutcome: number;
  /** First and last appointment_at. */
  first: string | null;
  last: string | null;
}

/**
 * Outcome counts and the first and last appointment time of the rows an import
 * writes, read from the packed batches on their way to SQLite, so that a dataset
 * the import starts needs no scan of the table afterwards. A row is one number,
 * its payload (time * 8 + outcome), which the id registry keeps with its id so a
 * row replaced by a later one of the same id is taken off again. `exact` turns
 * false when the tally cannot vouch for its figures (a cell it does not read, or
 * the first or last time taken off with no other row at it): the import scans then.
 * Reading every outcome also stands in for the table's CHECK, which the bulk
 * import leaves off.
 */
export class RowTally {
  exact = true;
  private readonly counts = new Float64Array(STORED_OUTCOMES.length);
  private first = Number.POSITIVE_INFINITY;
  private firstRows = 0;
  private last = Number.NEGATIVE_INFINITY;
  private lastRows = 0;

  /**
   * The payload of each of `rows` packed rows of `stride` bytes, reading the
   * outcome and appointment_at columns at the given byte offsets and widths; -1
   * for a row whose cells the tally does not read.
   */
  payloads(blob: Uint8Array, stride: number, rows: number, outcome: [number, number], at: [number, number]): Float64Array {
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const code = outcomeAt(blob, r * stride + outcome[0], outcome[1]);
      const time = code < 0 ? -1 : timeAt(blob, r * stride + at[0], at[1]);
      out[r] = time < 0 ? -1 : time * 8 + code;
    }
    return out;
  }

  /** Count a row. */
  add(payload: number): void {
    if (payload < 0) {
      this.exact = false;
      return;
    }
    const code = payload % 8;
    const time = (payload - code) / 8;
    this.counts[code]++;
    if (time < this.first) {
      this.first = time;
      this.firstRows = 1;
    } else if (time === this.first) this.firstRows++;
    if (time > this.last) {
      this.last = time;
      this.lastRows = 1;
    } else if (time === this.last) this.lastRows++;
  }

  /** Take off a row counted before (replaced by a later row of the same id). */
  remove(payload: number): void {
    if (payload < 0) return;
    const code = payload % 8;
    const time = (payload - code) / 8;
    this.counts[code]--;
    if (time === this.first && --this.firstRows === 0) this.exact = false;
    if (time === this.last && --this.lastRows === 0) this.exact = false;
  }

  /** The figures of the rows counted, or null when not exact. */
  figures(): TalliedRows | null {
    if (!this.exact) return null;
    const dna = this.counts[DNA];
    const attended = this.counts[ATTENDED];
    const any = this.first !== Number.POSITIVE_INFINITY;
    return {
      dna,
      attended,
      withOutcome: dna + attended,
      first: any ? timeText(this.first) : null,
      last: any ? timeText(this.last) : null,
    };
  }
}

/** Index in STORED_OUTCOMES of the outcome written at `at` (padded with spaces to `width`), or -1. */
function outcomeAt(blob: Uint8Array, at: number, width: number): number {
  for (let code = 0; code < NAMES.length; code++) {
    const name = NAMES[code];
    if (name.length > width || blob[at] !== name[0]) continue;
    let i = 1;
    while (i < name.length && blob[at + i] === name[i]) i++;
    if (i < name.length) continue;
    while (i < width && blob[at + i] === 32) i++;
    if (i === width) return code;
  }
  return -1;
}

/** yyyymmddhhmm of a yyyy-mm-ddThh:mm cell (padded with spaces to `width`), or -1. */
function timeAt(blob: Uint8Array, at: number, width: number): number {
  if (width < AT_BYTES) return -1;
  for (const [i, byte] of AT_SEPARATORS) if (blob[at + i] !== byte) return -1;
  let n = 0;
  for (let i = 0; i < AT_BYTES; i++) {
    if (i === 4 || i === 7 || i === 10 || i === 13) continue;
    const digit = blob[at + i] - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  for (let i = AT_BYTES; i < width; i++) if (blob[at + i] !== 32) return -1;
  return n;
}

/** The yyyy-mm-ddThh:mm text of a yyyymmddhhmm number. */
function timeText(n: number): string {
  const s = String(n).padStart(12, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(8, 10)}:${s.slice(10, 12)}`;
}
