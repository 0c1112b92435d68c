import type { Db } from '../workspace/index.ts';
import { OUTCOMES } from '../profile/groups.ts';
import { IN_ROWID_RANGE, rowidRange } from '../profile/rowid-range.ts';
import type { CategoryColumn } from './spec.ts';
import { Interner, sortedCodes } from './label-codes.ts';

/** Epoch day marking an unknown date in Int32 day columns. */
export const NO_DAY = -2147483648;

/** Distinct values of a text column; code -1 = blank or NULL. */
export interface TextColumn {
  codes: Int32Array;
  labels: string[];
}

/**
 * A dataset's appointments in storage order, one typed array per column. Times are
 * minutes since 1970-01-01 (clinic wall-clock), outcomes index OUTCOMES.
 */
export interface AppointmentTable {
  length: number;
  ids: string[];
  /** Index into patientKeys, which is sorted, so codes do not depend on storage order. */
  patient: Int32Array;
  patientKeys: string[];
  minute: Int32Array;
  /** Epoch day of booking, NO_DAY when unknown. */
  bookedDay: Int32Array;
  /** Whole years, -1 when unknown. */
  age: Int16Array;
  /** IMD decile 1..10, 0 when unknown. */
  imd: Uint8Array;
  outcome: Uint8Array;
  text: Partial<Record<CategoryColumn, TextColumn>>;
}

// node-sqlite3 spends most of its time building one JS object per row, so each block
// of rowids comes back as one row: numbers joined by commas, texts by the unit separator.
const SEP = '\x1f';
const NUMBER_FIELDS = 5;
const EMPTY = -2147483648;
const OUTCOME_SQL = `CASE outcome ${OUTCOMES.map((o, i) => `WHEN '${o}' THEN ${i}`).join(' ')} ELSE 99 END`;
const NUMBERS_SQL = [
  `CAST(round((julianday(appointment_at) - 2440587.5) * 1440) AS INTEGER)`,
  `CAST(round(julianday(substr(booked_on, 1, 10)) - 2440587.5) AS INTEGER)`,
  `CASE WHEN typeof(age_years) IN ('integer', 'real') AND age_years >= 0 AND age_years < 150 THEN CAST(age_years AS INTEGER) END`,
  `CASE WHEN typeof(imd_decile) IN ('integer', 'real') AND imd_decile IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10) THEN CAST(imd_decile AS INTEGER) END`,
  OUTCOME_SQL,
]
  .map((e) => `coalesce(${e}, '')`)
  .join(` || ',' || `);
const CHUNK_ROWIDS = 65_536;

// Trimming in SQL cost more than reading a column, so values come raw and are trimmed
// once per distinct value in JS. Only a chunk whose values hold the separator itself
// is read again with the separator replaced.
function chunkSql(columns: readonly CategoryColumn[], guard: boolean): string {
  const value = (c: string): string => (guard ? `replace(${c}, char(31), ' ')` : c);
  const texts = columns.map((c) => `, group_concat(coalesce(${value(c)}, ''), char(31)) AS ${c}`).join('');
  return `SELECT count(*) AS n, group_concat(${NUMBERS_SQL}) AS numbers,
    group_concat(appointment_id, char(31)) AS ids, group_concat(patient_key, char(31)) AS patients${texts}
  FROM appointments WHERE ${IN_ROWID_RANGE}`;
}

/** Parse "12,-3,,7" into out (EMPTY for an empty field) without a string per number; returns the count. */
function parseNumbers(csv: string, out: Int32Array, at: number): number {
  let k = at;
  let value = 0;
  let negative = false;
  let digits = 0;
  for (let i = 0; i <= csv.length; i++) {
    const c = i < csv.length ? csv.charCodeAt(i) : 44;
    if (c === 44) {
      out[k++] = digits === 0 ? EMPTY : negative ? -value : value;
      value = 0;
      negative = false;
      digits = 0;
    } else if (c === 45) negative = true;
    else {
      value = value * 10 + (c - 48);
      digits++;
    }
  }
  return k - at;
}

/** Read one dataset's appointments into typed columns, with the given text columns, `chunkRowids` rowids per query. */
export async function loadAppointmentTable(
  db: Db,
  datasetId: number,
  textColumns: readonly CategoryColumn[],
  chunkRowids = CHUNK_ROWIDS,
): Promise<AppointmentTable> {
  const columns = [...new Set(textColumns)];
  const range = await rowidRange(db, datasetId);
  const count = range ? (await db.get<{ n: number }>('SELECT count(*) AS n FROM appointments WHERE dataset_id = ?', [datasetId]))?.n ?? 0 : 0;
  // An import may add rows while we read; grow if so.
  let capacity = Math.max(16, count);
  let numbers = new Int32Array(capacity * NUMBER_FIELDS);
  let patient = new Int32Array(capacity);
  let textCodes = columns.map(() => new Int32Array(capacity));
  const ids: string[] = [];
  const patients = new Interner();
  const texts = columns.map(() => new Interner());
  const sql = chunkSql(columns, false);
  const guardedSql = chunkSql(columns, true);
  let n = 0;

  for (let lo = range?.first ?? 1; range && lo <= range.last; lo += chunkRowids) {
    const hi = Math.min(lo + chunkRowids - 1, range.last);
    let chunk = await db.get<Record<string, string | number | null>>(sql, [lo, hi, datasetId]);
    const m = Number(chunk?.n ?? 0);
    if (!chunk || m === 0) continue;
    if (n + m > capacity) {
      capacity = Math.max(n + m, capacity * 2);
      const grow = (a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(size);
        b.set(a);
        return b;
      };
      numbers = grow(numbers, capacity * NUMBER_FIELDS);
      patient = grow(patient, capacity);
      textCodes = textCodes.map((a) => grow(a, capacity));
    }
    const chunkIds = String(chunk.ids).split(SEP);
    const chunkPatients = String(chunk.patients).split(SEP);
    if (chunkIds.length !== m || chunkPatients.length !== m) {
      throw new Error(`rows ${lo}..${hi}: an appointment id or patient key contains the unit separator character (0x1F)`);
    }
    if (parseNumbers(String(chunk.numbers), numbers, n * NUMBER_FIELDS) !== m * NUMBER_FIELDS) {
      throw new Error(`rows ${lo}..${hi}: numeric columns could not be separated`);
    }
    for (let j = 0; j < m; j++) {
      ids.push(chunkIds[j]);
      patient[n + j] = patients.code(chunkPatients[j]);
    }
    let split = columns.map((c) => String(chunk?.[c] ?? '').split(SEP));
    if (split.some((values) => values.length !== m)) {
      chunk = await db.get<Record<string, string | number | null>>(guardedSql, [lo, hi, datasetId]);
      split = columns.map((c) => String(chunk?.[c] ?? '').split(SEP));
    }
    columns.forEach((c, k) => {
      const values = split[k];
      if (values.length !== m) throw new Error(`rows ${lo}..${hi}: column ${c} could not be separated`);
      const codes = textCodes[k];
      const interner = texts[k];
      for (let j = 0; j < m; j++) codes[n + j] = values[j] === '' ? -1 : interner.code(values[j]);
    });
    n += m;
  }

  const minute = new Int32Array(n);
  const bookedDay = new Int32Array(n);
  const age = new Int16Array(n);
  const imd = new Uint8Array(n);
  const outcome = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const b = i * NUMBER_FIELDS;
    if (numbers[b] === EMPTY) throw new Error(`appointment ${ids[i]}: column appointment_at is not a valid date-time`);
    minute[i] = numbers[b];
    bookedDay[i] = numbers[b + 1] === EMPTY ? NO_DAY : numbers[b + 1];
    age[i] = numbers[b + 2] === EMPTY ? -1 : numbers[b + 2];
    imd[i] = numbers[b + 3] === EMPTY ? 0 : numbers[b + 3];
    if (numbers[b + 4] >= OUTCOMES.length) throw new Error(`appointment ${ids[i]}: column outcome holds an unknown value`);
    outcome[i] = numbers[b + 4];
  }
  const patientCodes = patient.slice(0, n);
  const patientKeys = sortedCodes(patientCodes, patients.labels, false);
  const text: Partial<Record<CategoryColumn, TextColumn>> = {};
  columns.forEach((c, k) => {
    const codes = textCodes[k].slice(0, n);
    text[c] = { codes, labels: sortedCodes(codes, texts[k].labels, true) };
  });
  return { length: n, ids, patient: patientCodes, patientKeys, minute, bookedDay, age, imd, outcome, text };
}
