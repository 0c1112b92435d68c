/**
 * An AppointmentTable built in memory from converted import rows, for scoring an
 * extract without a workspace. It holds exactly what loadAppointmentTable would
 * read back had the same rows been imported into an empty dataset.
 */
import type { SqlValue } from '../workspace/index.ts';
import { APPOINTMENT_COLUMNS } from '../import/row-converter.ts';
import { OUTCOMES } from '../profile/groups.ts';
import { NO_DAY, type AppointmentTable, type TextColumn } from './appointment-table.ts';
import type { CategoryColumn } from './spec.ts';
import { daysFromCivil, MINUTES_PER_DAY } from './time-codes.ts';
import { Interner, sortedCodes } from './label-codes.ts';

const WIDTH = APPOINTMENT_COLUMNS.length;
const at = (name: (typeof APPOINTMENT_COLUMNS)[number]): number => APPOINTMENT_COLUMNS.indexOf(name);
const ID = at('appointment_id');
const PATIENT = at('patient_key');
const AGE = at('age_years');
const IMD = at('imd_decile');
const APPOINTMENT_AT = at('appointment_at');
const BOOKED_ON = at('booked_on');
const OUTCOME = at('outcome');
const OUTCOME_INDEX = new Map<string, number>(OUTCOMES.map((o, i) => [o, i]));

/** The number written by s[from..to) when every char is a digit, else -1. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Minutes since 1970-01-01 of a stored yyyy-mm-dd or yyyy-mm-ddThh:mm (the forms
 * the converter writes and SQLite's julianday reads), or null for other text,
 * which SQLite reads as NULL. Char codes, not a regex: it runs for every row.
 */
function minuteOf(s: string): number | null {
  const n = s.length;
  if ((n !== 10 && n !== 16) || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 7);
  const day = digitsAt(s, 8, 10);
  let hour = 0;
  let minute = 0;
  if (n === 16) {
    if (s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return null;
    hour = digitsAt(s, 11, 13);
    minute = digitsAt(s, 14, 16);
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  return daysFromCivil(year, month, day) * MINUTES_PER_DAY + hour * 60 + minute;
}

/**
 * A whole number stored in an INTEGER column as the SQL of loadAppointmentTable
 * reads it: text that looks numeric takes the column's affinity, and values
 * outside [min, max) are unknown.
 */
function integerOf(value: string, min: number, max: number): number | null {
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n < max ? Math.trunc(n) : null;
}

/**
 * Collects converted rows (the values makeRowConverter pushes, in
 * APPOINTMENT_COLUMNS order, '' for NULL) one at a time. A row repeating an
 * earlier appointment id replaces it in place, as the import's upsert does:
 * the first row's position, the later row's values.
 */
export class AppointmentRows {
  private readonly slots = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly patients = new Interner();
  private patient: number[] = [];
  private minute: number[] = [];
  private bookedDay: number[] = [];
  private age: number[] = [];
  private imd: number[] = [];
  private outcome: number[] = [];
  private readonly textColumns: CategoryColumn[];
  private readonly textIndex: number[];
  private readonly texts: Interner[];
  private readonly textCodes: number[][];

  /** Rows will carry these text columns (as loadAppointmentTable's textColumns). */
  constructor(textColumns: readonly CategoryColumn[]) {
    this.textColumns = [...new Set(textColumns)];
    this.textIndex = this.textColumns.map((c) => at(c));
    this.texts = this.textColumns.map(() => new Interner());
    this.textCodes = this.textColumns.map(() => []);
  }

  /** Appointments held (distinct ids). */
  get length(): number {
    return this.ids.length;
  }

  /**
   * Add the row starting at values[offset]; returns its slot (storage position),
   * which is an earlier slot when the id was seen before.
   */
  add(values: readonly SqlValue[], offset = 0): number {
    if (values.length < offset + WIDTH) throw new Error(`a converted row needs ${WIDTH} values, got ${values.length - offset}`);
    for (let k = 0; k < WIDTH; k++) {
      const value = values[offset + k];
      if (typeof value !== 'string') throw new Error(`converted row value ${APPOINTMENT_COLUMNS[k]} must be a string, got ${typeof value}`);
    }
    const v = values as readonly string[];
    const id = v[offset + ID];
    if (id === '') throw new Error('a converted row has a blank appointment_id');
    const minute = minuteOf(v[offset + APPOINTMENT_AT]);
    if (minute === null) throw new Error(`appointment ${id}: column appointment_at is not a valid date-time`);
    const outcome = OUTCOME_INDEX.get(v[offset + OUTCOME]);
    if (outcome === undefined) throw new Error(`appointment ${id}: column outcome holds an unknown value`);
    const booked = v[offset + BOOKED_ON];
    // The workspace reads the booked day from the first ten characters.
    const bookedMinute = booked === '' ? null : minuteOf(booked.slice(0, 10));

    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      this.slots.set(id, slot);
      this.ids.push(id);
    }
    this.patient[slot] = this.patients.code(v[offset + PATIENT]);
    this.minute[slot] = minute;
    this.bookedDay[slot] = bookedMinute === null ? NO_DAY : bookedMinute / MINUTES_PER_DAY;
    this.age[slot] = integerOf(v[offset + AGE], 0, 150) ?? -1;
    const imdText = v[offset + IMD];
    const imd = integerOf(imdText, 1, 11);
    this.imd[slot] = imd !== null && Number(imdText) === imd ? imd : 0;
    this.outcome[slot] = outcome;
    for (let c = 0; c < this.textIndex.length; c++) {
      let text = v[offset + this.textIndex[c]];
      // The workspace reads a value holding its unit separator with the separator as a space.
      if (text.includes('\x1f')) text = text.replaceAll('\x1f', ' ');
      this.textCodes[c][slot] = text === '' ? -1 : this.texts[c].code(text);
    }
    return slot;
  }

  /** The table of the rows added so far. */
  table(): AppointmentTable {
    const patient = Int32Array.from(this.patient);
    const patientKeys = sortedCodes(patient, this.patients.labels, false);
    const text: Partial<Record<CategoryColumn, TextColumn>> = {};
    this.textColumns.forEach((c, k) => {
      const codes = Int32Array.from(this.textCodes[k]);
      text[c] = { codes, labels: sortedCodes(codes, this.texts[k].labels, true) };
    });
    return {
      length: this.ids.length,
      ids: [...this.ids],
      patient,
      patientKeys,
      minute: Int32Array.from(this.minute),
      bookedDay: Int32Array.from(this.bookedDay),
      age: Int16Array.from(this.age),
      imd: Uint8Array.from(this.imd),
      outcome: Uint8Array.from(this.outcome),
      text,
    };
  }
}

/** The table of a flat list of converted rows (APPOINTMENT_COLUMNS.length values per row) with the given text columns. */
export function appointmentTableFromRows(values: readonly SqlValue[], textColumns: readonly CategoryColumn[]): AppointmentTable {
  if (values.length % WIDTH !== 0) throw new Error(`converted rows come ${WIDTH} values each; ${values.length} values is not a whole number of rows`);
  const rows = new AppointmentRows(textColumns);
  for (let offset = 0; offset < values.length; offset += WIDTH) rows.add(values, offset);
  return rows.table();
}
