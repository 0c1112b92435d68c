import { nhsNumberProblem } from '../nhs/nhs-number.ts';
import type { SqlValue } from '../workspace/index.ts';
import { cached, cachedByNumber, dateCellKey, digitsKey } from './cached.ts';
import { readEthnicCategory, readFirstAttendance, readImdDecile, readMedium, readPriority, readSex } from './codes.ts';
import { ageInYearsOfDays, dayNumber, parseDateTime, parseTime, type DateOrder, type ParsedDate } from './dates.ts';
import type { IssueSink } from './issue-log.ts';
import type { ResolvedMapping } from './mapping.ts';
import { makeOutcomeReader } from './outcome.ts';
import type { Pseudonymiser } from './pseudonym.ts';
import type { ExtractField, MappingFile } from './types.ts';

/** Columns of `appointments` a converted row fills, in the order `convert` pushes them. */
export const APPOINTMENT_COLUMNS = [
  'appointment_id', 'patient_key', 'nhs_number_key', 'age_years', 'sex', 'ethnic_category', 'imd_decile', 'lsoa',
  'treatment_function_code', 'specialty', 'clinic_code', 'appointment_at', 'booked_on', 'first_attendance', 'medium',
  'priority', 'attendance_code', 'outcome',
] as const;

/** Columns that are never NULL; the others travel as '' for NULL (values go packed as text, see packed-rows.ts). */
export const REQUIRED_COLUMNS = new Set<string>(['appointment_id', 'patient_key', 'appointment_at', 'outcome']);

/** Turns one record into appointment values (strings, '' for NULL), or reports why it cannot. */
export type RowConverter = (fields: readonly string[], row: number, out: SqlValue[]) => boolean;

/** Appointment dates outside these years are taken for typing errors. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;
export const MAX_AGE = 120;

/** An NHS number cell as written without spaces (most are), as a number; -1 otherwise. */
const tenDigits = (raw: string): number => digitsKey(raw, 10);

/** A text cell trimmed; '' (NULL) when the column is not mapped or the cell is blank. */
const text = (fields: readonly string[], i: number | undefined): string => (i === undefined ? '' : fields[i].trim());

/**
 * Build the converter for a file: validates and normalises each row's cells,
 * pseudonymises identifiers and reduces date of birth to age. Errors reject the
 * row (every error is logged, the row's warnings are dropped as noise); warnings
 * keep it with the value left NULL. Messages never quote identifiers or birth dates.
 */
export function makeRowConverter(
  headers: readonly string[],
  resolved: ResolvedMapping,
  mapping: MappingFile,
  pseudonyms: Pseudonymiser,
  issues: IssueSink,
): RowConverter {
  const ix = resolved.index;
  const col = (f: ExtractField): string | null => (ix[f] === undefined ? null : headers[ix[f] as number]);
  const width = headers.length;
  const order: DateOrder = mapping.dateOrder ?? 'dmy';
  const readOutcome = makeOutcomeReader({
    dnaCodes: mapping.dnaCodes,
    outcomeValues: mapping.outcomeValues,
    header: col('attendanceStatus') ?? undefined,
  });
  const nhsCheck = cachedByNumber(
    tenDigits,
    (raw: string): { key: string | null; problem: string | null } => {
      const problem = nhsNumberProblem(raw);
      return { key: problem ? null : pseudonyms.nhsNumber(raw), problem };
    },
    Number.POSITIVE_INFINITY,
  );
  const sex = cached(readSex);
  const ethnic = cached(readEthnicCategory);
  const imd = cached(readImdDecile);
  const first = cached(readFirstAttendance);
  const medium = cached(readMedium);
  const priority = cached(readPriority);
  const dates = cachedByNumber(dateCellKey, (raw: string) => parseDateTime(raw, order), 100_000);

  const cId = col('appointmentId');
  const cNhs = col('nhsNumber');
  const cLocal = col('localPatientId');
  const cDob = col('birthDate');
  const cDate = col('appointmentDate') as string;
  const cTime = col('appointmentTime');
  const cBooked = col('bookedDate');
  const cOutcome = col('attendanceStatus') as string;
  const iDate = ix.appointmentDate as number;
  const iOutcome = ix.attendanceStatus as number;
  const { appointmentId: iId, nhsNumber: iNhs, localPatientId: iLocal, birthDate: iDob, appointmentTime: iTime } = ix;
  const { bookedDate: iBooked, sex: iSex, ethnicCategory: iEthnic, imdDecile: iImd, firstAttendance: iFirst } = ix;
  const { medium: iMedium, priority: iPriority, lsoa: iLsoa, treatmentFunctionCode: iTfc, specialty: iSpec, clinicCode: iClinic } = ix;

  // Warnings of the current row, emitted only if the row is kept.
  const warnings: [string | null, string][] = [];
  let errors = 0;
  let row = 0;
  const error = (column: string | null, message: string) => {
    errors++;
    issues.add(row, column, 'error', message);
  };
  const warn = (column: string | null, message: string) => warnings.push([column, message]);

  /** A coded cell read by `read`; unrecognised values warn and become NULL. */
  function coded(i: number | undefined, read: (raw: string) => string | number | null | undefined, what: string, fields: readonly string[]): string {
    if (i === undefined) return '';
    const v = read(fields[i]);
    if (v === undefined) {
      warn(headers[i], `unrecognised ${what} '${fields[i].trim()}'; left blank`);
      return '';
    }
    return v === null ? '' : typeof v === 'string' ? v : String(v);
  }

  return (fields, rowNumber, out) => {
    row = rowNumber;
    errors = 0;
    warnings.length = 0;
    if (fields.length !== width) {
      error(null, `expected ${width} columns, found ${fields.length}`);
      return false;
    }

    // Appointment date and time.
    const rawDate = fields[iDate].trim();
    let when: ParsedDate | null = null;
    if (rawDate === '') error(cDate, 'appointment date is blank');
    else {
      const d = dates(rawDate);
      if ('problem' in d) error(cDate, `appointment date '${rawDate}' ${d.problem}`);
      else if (d.y < FIRST_YEAR || d.y > LAST_YEAR) error(cDate, `appointment date '${rawDate}' is outside ${FIRST_YEAR}-${LAST_YEAR}`);
      else when = d;
    }

    // Outcome.
    const rawOutcome = fields[iOutcome];
    const outcome = readOutcome(rawOutcome);
    if (outcome === null) error(cOutcome, `unknown attendance code '${rawOutcome.trim()}'`);

    // Patient identifiers.
    const local = iLocal === undefined ? '' : fields[iLocal].trim();
    const nhs = iNhs === undefined ? '' : fields[iNhs].trim();
    let nhsKey: string | null = null;
    if (nhs !== '') {
      const check = nhsCheck(nhs);
      nhsKey = check.key;
      if (check.problem) {
        if (local !== '') warn(cNhs, `invalid NHS number (${check.problem}); kept by its local patient number`);
        else error(cNhs, `invalid NHS number (${check.problem}) and no local patient number`);
      }
    } else if (local === '') {
      error(cLocal ?? cNhs, 'no patient identifier: NHS number and local patient number are blank');
    }

    let appointmentId = '';
    if (iId !== undefined) {
      appointmentId = fields[iId].trim();
      if (appointmentId === '') error(cId, 'appointment id is blank');
    }
    if (errors > 0 || when === null || outcome === null) return false;

    let time = when.time ?? '00:00';
    if (iTime !== undefined) {
      const t = parseTime(fields[iTime]);
      if (typeof t === 'string') time = t;
      else if (t !== null) warn(cTime, `appointment time '${fields[iTime].trim()}' ${t.problem}; ${when.time ? 'time from the date used' : 'left as 00:00'}`);
    }
    const appointmentAt = when.date + 'T' + time;

    let age = '';
    const rawDob = iDob === undefined ? '' : fields[iDob].trim();
    if (rawDob !== '') {
      // Most cells are dd/mm/yyyy: read straight to a number, with no lookup among every birth date of the file.
      let born = dayNumber(rawDob, order);
      if (born < 0) {
        const dob = dates(rawDob);
        if ('problem' in dob) warn(cDob, `date of birth ${dob.problem}; age left blank`);
        else born = dob.y * 10000 + dob.m * 100 + dob.d;
      }
      if (born >= 0) {
        const on = when.y * 10000 + when.m * 100 + when.d;
        const years = ageInYearsOfDays(born, on);
        if (born > on) warn(cDob, 'date of birth is after the appointment; age left blank');
        else if (years > MAX_AGE) warn(cDob, `date of birth gives an age over ${MAX_AGE}; age left blank`);
        else age = String(years);
      }
    }

    let bookedOn = '';
    if (iBooked !== undefined) {
      const rawBooked = fields[iBooked].trim();
      if (rawBooked !== '') {
        const b = dates(rawBooked);
        if ('problem' in b) warn(cBooked, `booked date '${rawBooked}' ${b.problem}; left blank`);
        else if (b.date > when.date) warn(cBooked, `booked date ${b.date} is after the appointment date ${when.date}; left blank`);
        else bookedOn = b.date;
      }
    }

    const patientKey = local !== '' ? pseudonyms.localNumber(local) : (nhsKey as string);
    const clinic = text(fields, iClinic);
    if (iId === undefined) appointmentId = 'H' + pseudonyms.other(`${patientKey}|${appointmentAt}|${clinic}`).slice(0, 24);

    out.push(
      appointmentId,
      patientKey,
      nhsKey ?? '',
      age,
      coded(iSex, sex, 'sex', fields),
      coded(iEthnic, ethnic, 'ethnic category', fields),
      coded(iImd, imd, 'IMD decile (expected a whole number 1 to 10)', fields),
      text(fields, iLsoa),
      text(fields, iTfc),
      text(fields, iSpec),
      clinic,
      appointmentAt,
      bookedOn,
      coded(iFirst, first, 'first attendance code', fields),
      coded(iMedium, medium, 'consultation medium', fields),
      coded(iPriority, priority, 'priority type', fields),
      rawOutcome.trim(),
      outcome,
    );
    for (const [column, message] of warnings) issues.add(row, column, 'warning', message);
    return true;
  };
}
