/**
 * Dates as extracts write them: dd/mm/yyyy (also with - or . and d/m single
 * digits), dd-Mon-yyyy, ISO 8601 dates and date-times, each optionally followed
 * by a time. Hand-rolled on char codes because it runs several times per row of
 * million-row files; a zone suffix (Z, +01:00) is accepted and ignored, since
 * clinic times are UK wall-clock times whatever the exporting tool appended.
 */

/** A date (and maybe a time) read from a cell. */
export interface ParsedDate {
  y: number;
  m: number;
  d: number;
  /** yyyy-mm-dd */
  date: string;
  /** hh:mm, or null when the cell held a date only. */
  time: string | null;
}

/** Why a cell is not a usable date; phrased to follow "'<value>' ". */
export interface DateProblem {
  problem: string;
}

export type DateOrder = 'dmy' | 'mdy';

export const NOT_A_DATE = { problem: 'is not a date (expected dd/mm/yyyy, dd/mm/yyyy hh:mm or yyyy-mm-dd[Thh:mm])' };
export const NOT_A_DAY = { problem: 'is not a real calendar date' };
export const BAD_TIME = { problem: 'has an impossible time of day' };
export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The number written by s[from..to) when every char is a digit, else -1. */
function digitsAt(s: string, from: number, to: number): number {
  if (to > s.length || from >= to) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const two = (n: number) => (n < 10 ? '0' + n : String(n));

/** Read hh:mm[:ss[.fff]][zone][ am|pm] from s at i to the end; hh:mm or a problem. */
function clockAt(s: string, i: number): string | DateProblem {
  let p = i;
  const h1 = isDigit(s, p + 1) ? 2 : 1;
  const hh = digitsAt(s, p, p + h1);
  p += h1;
  const sep = s.charCodeAt(p);
  if (hh < 0 || (sep !== 58 && sep !== 46)) return NOT_A_DATE; // ':' or '.'
  const mi = digitsAt(s, p + 1, p + 3);
  if (mi < 0) return NOT_A_DATE;
  p += 3;
  let ss = 0;
  if (s.charCodeAt(p) === 58) {
    ss = digitsAt(s, p + 1, p + 3);
    if (ss < 0) return NOT_A_DATE;
    p += 3;
    if (s.charCodeAt(p) === 46) {
      p++;
      while (isDigit(s, p)) p++;
    }
  }
  const c = s.charCodeAt(p);
  if (c === 90 || c === 122) p++; // Z
  else if ((c === 43 || c === 45) && isDigit(s, p + 1)) {
    p += 3;
    if (s.charCodeAt(p) === 58) p++;
    while (isDigit(s, p)) p++;
  }
  while (s.charCodeAt(p) === 32) p++;
  let hour = hh;
  if (p < s.length) {
    const ampm = s.slice(p).toLowerCase();
    if (ampm !== 'am' && ampm !== 'pm') return NOT_A_DATE;
    if (hh < 1 || hh > 12) return BAD_TIME;
    hour = (hh % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (hour > 23 || mi > 59 || ss > 59) return BAD_TIME;
  return two(hour) + ':' + two(mi);
}

function monthFromName(word: string): number {
  const w = word.toLowerCase();
  const m = MONTHS.indexOf(w.slice(0, 3));
  if (m < 0 || (w.length !== 3 && w !== MONTH_NAMES[m] && !(w === 'sept' && m === 8))) return -1;
  return m + 1;
}

/** Parse a date or date-time cell (already known to be non-blank). */
export function parseDateTime(raw: string, order: DateOrder = 'dmy'): ParsedDate | DateProblem {
  const s = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  let rest: number;
  const c4 = s.charCodeAt(4);
  if ((c4 === 45 || c4 === 47) && s.charCodeAt(7) === c4 && (y = digitsAt(s, 0, 4)) >= 0) {
    m = digitsAt(s, 5, 7);
    d = digitsAt(s, 8, 10);
    rest = 10;
  } else {
    const p1 = isDigit(s, 1) ? 2 : 1;
    const sep = s.charCodeAt(p1);
    const a = digitsAt(s, 0, p1);
    if (a < 0 || (sep !== 47 && sep !== 45 && sep !== 46 && sep !== 32)) return NOT_A_DATE;
    let p2 = p1 + 1;
    while (p2 < s.length && s.charCodeAt(p2) !== sep) p2++;
    const middle = s.slice(p1 + 1, p2);
    y = digitsAt(s, p2 + 1, p2 + 5);
    if (y < 0 || middle.length === 0 || isDigit(s, p2 + 5)) return NOT_A_DATE;
    rest = p2 + 5;
    if (isDigit(middle, 0)) {
      const b = middle.length <= 2 ? digitsAt(middle, 0, middle.length) : -1;
      if (b < 0) return NOT_A_DATE;
      [d, m] = order === 'dmy' ? [a, b] : [b, a];
    } else {
      d = a;
      m = monthFromName(middle);
    }
  }
  if (y < 0 || m < 0 || d < 0 || y < 1000) return NOT_A_DATE;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NOT_A_DAY;
  let time: string | null = null;
  if (rest < s.length) {
    const c = s.charCodeAt(rest);
    if (c !== 84 && c !== 32) return NOT_A_DATE; // 'T' or ' '
    let p = rest + 1;
    while (s.charCodeAt(p) === 32) p++;
    const clock = clockAt(s, p);
    if (typeof clock !== 'string') return clock;
    time = clock;
  }
  return { y, m, d, date: `${y}-${two(m)}-${two(d)}`, time };
}

/** Parse a time-of-day cell (hh:mm[:ss], hhmm, or a date-time whose time is taken); null when blank. */
export function parseTime(raw: string): string | DateProblem | null {
  const s = raw.trim();
  if (s === '') return null;
  if (s.length === 4 && digitsAt(s, 0, 4) >= 0) {
    const hh = digitsAt(s, 0, 2);
    const mi = digitsAt(s, 2, 4);
    return hh > 23 || mi > 59 ? BAD_TIME : s.slice(0, 2) + ':' + s.slice(2);
  }
  const c4 = s.charCodeAt(4);
  if (s.charCodeAt(1) === 47 || s.charCodeAt(2) === 47 || c4 === 45 || c4 === 47) {
    const dt = parseDateTime(s);
    if ('problem' in dt) return dt;
    return dt.time ?? '00:00';
  }
  if (!isDigit(s, 0)) return { problem: 'is not a time (expected hh:mm)' };
  const clock = clockAt(s, 0);
  return typeof clock === 'string' ? clock : clock === NOT_A_DATE ? { problem: 'is not a time (expected hh:mm)' } : clock;
}

/**
 * y * 10000 + m * 100 + d of a cell written exactly dd/mm/yyyy (or with - or .;
 * mm/dd/yyyy for 'mdy') that parseDateTime reads as a real calendar day, else -1
 * (the cell may still be a date in another form: ask parseDateTime). A number, not
 * an object, so the date of birth of each row costs no lookup.
 */
export function dayNumber(s: string, order: DateOrder = 'dmy'): number {
  if (s.length !== 10) return -1;
  const sep = s.charCodeAt(2);
  if ((sep !== 47 && sep !== 45 && sep !== 46) || s.charCodeAt(5) !== sep) return -1;
  const a = digitsAt(s, 0, 2);
  const b = digitsAt(s, 3, 5);
  const y = digitsAt(s, 6, 10);
  if (a < 0 || b < 0 || y < 1000) return -1;
  const [d, m] = order === 'dmy' ? [a, b] : [b, a];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return -1;
  return y * 10000 + m * 100 + d;
}

/** ageInYears for days given as y * 10000 + m * 100 + d. */
export function ageInYearsOfDays(birth: number, at: number): number {
  const before = at % 10000 < birth % 10000;
  return Math.floor(at / 10000) - Math.floor(birth / 10000) - (before ? 1 : 0);
}

/** Whole years from birth to the given day (birthdays on 29 February count from 1 March in other years). */
export function ageInYears(birth: { y: number; m: number; d: number }, at: { y: number; m: number; d: number }): number {
  const before = at.m < birth.m || (at.m === birth.m && at.d < birth.d);
  return at.y - birth.y - (before ? 1 : 0);
}
