/**
 * Dates as whole day numbers since 1970-01-01 (UTC), so nothing depends on the
 * machine's clock or time zone.
 */

/** The fixed extract date: the output never changes with the clock. */
export const EXTRACT_DATE_ISO = '2025-10-31';
/** Day number of the extract date. */
export const EXTRACT_DAY = isoToDay(EXTRACT_DATE_ISO);
/** Appointments cover this many days of history before the extract date. */
export const HISTORY_DAYS = 3 * 365;
/** Upcoming appointments reach this many days after the extract date. */
export const UPCOMING_DAYS = 49;

/** Day number of an ISO date `yyyy-mm-dd`. */
export function isoToDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** Day of week of a day number: 0 Monday .. 6 Sunday. */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 3) % 7) + 7) % 7;
}

const cache = new Map<number, string>();

/** `dd/mm/yyyy` for a day number, as UK extracts write dates. */
export function formatUkDate(day: number): string {
  let s = cache.get(day);
  if (s === undefined) {
    const d = new Date(day * 86_400_000);
    s = `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    cache.set(day, s);
  }
  return s;
}

/** Year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

/** `hh:mm` for minutes after midnight. */
export function formatTime(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
