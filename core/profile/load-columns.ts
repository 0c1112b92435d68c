import type { Db } from '../workspace/index.ts';
import { Dictionary } from './dictionary.ts';
import { UNKNOWN, OUTCOMES, ageBandIndex, deprivationIndex, weekdayIndex } from './groups.ts';
import { IN_ROWID_RANGE, rowidRange } from './rowid-range.ts';

/**
 * The appointments of one dataset reduced to what the profile groups by, one typed
 * array per column (a few bytes per row). Codes index OUTCOMES, WEEKDAYS, AGE_BANDS,
 * DEPRIVATION_DECILES (one past the end = unknown) or the given label lists.
 */
export interface AppointmentColumns {
  length: number;
  outcome: Uint8Array;
  month: Uint32Array;
  monthLabels: string[];
  specialty: Uint32Array;
  specialtyLabels: string[];
  weekday: Uint8Array;
  ageBand: Uint8Array;
  deprivation: Uint8Array;
}

// node-sqlite3 spends most of its time building one JS object per row, so each chunk
// of rows comes back as a single row: the numeric fields packed into one integer per
// appointment (joined by commas) and the specialties joined by the unit separator.
// Packing, low to high: outcome 3 bits, SQLite weekday (0 = Sunday, 7 = unknown) 3 bits,
// age 7 bits (127 = unknown), IMD decile 4 bits (0 = unknown), year * 12 + month (0 = unknown).
const UNIT_SEPARATOR = '\x1f';
const OUTCOME_SQL = `CASE outcome ${OUTCOMES.map((o, i) => `WHEN '${o}' THEN ${i}`).join(' ')} ELSE 7 END`;
const PACKED_SQL = `${OUTCOME_SQL}
  + 8 * coalesce(CAST(strftime('%w', substr(appointment_at, 1, 10)) AS INTEGER), 7)
  + 64 * CASE WHEN typeof(age_years) IN ('integer', 'real') AND age_years >= 0 AND age_years < 127
              THEN CAST(age_years AS INTEGER) ELSE 127 END
  + 8192 * CASE WHEN typeof(imd_decile) = 'integer' AND imd_decile BETWEEN 1 AND 10 THEN imd_decile ELSE 0 END
  + 131072 * CASE WHEN appointment_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*'
                   AND substr(appointment_at, 6, 2) BETWEEN '01' AND '12'
              THEN CAST(substr(appointment_at, 1, 4) AS INTEGER) * 12 + CAST(substr(appointment_at, 6, 2) AS INTEGER)
              ELSE 0 END`;
const CHUNK_SQL = `
SELECT count(*) AS n,
       group_concat(${PACKED_SQL}) AS packed,
       group_concat(replace(coalesce(trim(specialty), ''), char(31), ' '), char(31)) AS specialties
FROM appointments
WHERE ${IN_ROWID_RANGE}`;
const CHUNK_ROWIDS = 131_072;
const UNKNOWN_AGE = 127;

/** Growable typed-array columns: an import may add rows while the profile reads. */
class ColumnBuilder {
  length = 0;
  outcome: Uint8Array;
  month: Uint32Array;
  specialty: Uint32Array;
  weekday: Uint8Array;
  ageBand: Uint8Array;
  deprivation: Uint8Array;

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.outcome = new Uint8Array(n);
    this.month = new Uint32Array(n);
    this.specialty = new Uint32Array(n);
    this.weekday = new Uint8Array(n);
    this.ageBand = new Uint8Array(n);
    this.deprivation = new Uint8Array(n);
  }

  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.outcome.length) return;
    const size = Math.max(need, this.outcome.length * 2);
    const grow = <A extends Uint8Array | Uint32Array>(a: A): A => {
      const b = new (a.constructor as new (n: number) => A)(size);
      b.set(a);
      return b;
    };
    this.outcome = grow(this.outcome);
    this.month = grow(this.month);
    this.specialty = grow(this.specialty);
    this.weekday = grow(this.weekday);
    this.ageBand = grow(this.ageBand);
    this.deprivation = grow(this.deprivation);
  }
}

/** Parse "12,345,6" into numbers without allocating a string per number. */
function forEachNumber(csv: string, fn: (n: number) => void): void {
  let value = 0;
  for (let i = 0; i < csv.length; i++) {
    const c = csv.charCodeAt(i);
    if (c === 44) {
      fn(value);
      value = 0;
    } else value = value * 10 + (c - 48);
  }
  fn(value);
}

function monthLabel(yearMonth: number): string {
  if (yearMonth === 0) return UNKNOWN;
  const year = Math.floor((yearMonth - 1) / 12);
  const month = yearMonth - year * 12;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

async function failOnBadOutcome(db: Db, datasetId: number): Promise<never> {
  const bad = await db.get<{ appointment_id: string; outcome: string }>(
    `SELECT appointment_id, outcome FROM appointments WHERE dataset_id = ? AND outcome NOT IN (${OUTCOMES.map(() => '?').join(', ')}) LIMIT 1`,
    [datasetId, ...OUTCOMES],
  );
  throw new Error(
    `appointment ${bad?.appointment_id}: column outcome holds "${bad?.outcome}", which is not one of ${OUTCOMES.join(', ')}`,
  );
}

/** Read one dataset's appointments out of SQLite into compact columns, `chunkRowids` rowids per query. */
export async function loadAppointmentColumns(
  db: Db,
  datasetId: number,
  chunkRowids = CHUNK_ROWIDS,
): Promise<AppointmentColumns> {
  const range = await rowidRange(db, datasetId);
  const cols = new ColumnBuilder(range ? Math.min(range.last - range.first + 1, 50_000_000) : 0);
  const months = new Dictionary<number>();
  const specialties = new Dictionary<string>();

  for (let lo = range?.first ?? 1; range && lo <= range.last; lo += chunkRowids) {
    const hi = Math.min(lo + chunkRowids - 1, range.last);
    const chunk = await db.get<{ n: number; packed: string | null; specialties: string | null }>(CHUNK_SQL, [lo, hi, datasetId]);
    if (!chunk || chunk.n === 0 || chunk.packed === null || chunk.specialties === null) continue;
    const specialtyNames = chunk.specialties.split(UNIT_SEPARATOR);
    if (specialtyNames.length !== chunk.n) throw new Error(`rows ${lo}..${hi}: specialty values could not be separated`);
    cols.reserve(chunk.n);
    const start = cols.length;
    forEachNumber(chunk.packed, (p) => {
      const i = cols.length++;
      const outcome = p % 8;
      if (outcome >= OUTCOMES.length) cols.outcome[i] = 255;
      else cols.outcome[i] = outcome;
      let q = (p - outcome) / 8;
      const dow = q % 8;
      cols.weekday[i] = weekdayIndex(dow === 7 ? null : dow);
      q = (q - dow) / 8;
      const age = q % 128;
      cols.ageBand[i] = ageBandIndex(age === UNKNOWN_AGE ? null : age);
      q = (q - age) / 128;
      const imd = q % 16;
      cols.deprivation[i] = deprivationIndex(imd);
      cols.month[i] = months.code((q - imd) / 16);
      const name = specialtyNames[i - start];
      cols.specialty[i] = specialties.code(name === '' ? UNKNOWN : name);
    });
    if (cols.length - start !== chunk.n) throw new Error(`rows ${lo}..${hi}: read ${cols.length - start} of ${chunk.n} values`);
    if (cols.outcome.subarray(start, cols.length).includes(255)) await failOnBadOutcome(db, datasetId);
  }

  const n = cols.length;
  return {
    length: n,
    outcome: cols.outcome.subarray(0, n),
    month: cols.month.subarray(0, n),
    monthLabels: months.keys.map(monthLabel),
    specialty: cols.specialty.subarray(0, n),
    specialtyLabels: specialties.keys,
    weekday: cols.weekday.subarray(0, n),
    ageBand: cols.ageBand.subarray(0, n),
    deprivation: cols.deprivation.subarray(0, n),
  };
}
