/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Month 1..12 of an epoch day (the inverse half of daysFromCivil we need). */
export function monthOfEpochDay(epochDay: number): number {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return mp < 10 ? mp + 3 : mp - 9;
}

/** Weekday of an epoch day, Monday = 0 .. Sunday = 6 (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

/** The ISO date (yyyy-mm-dd) of an epoch day. */
export function isoDateOfEpochDay(epochDay: number): string {
  return new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
}

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * Minutes since 1970-01-01T00:00 of a 'yyyy-mm-dd' or 'yyyy-mm-ddThh:mm[:ss]' local
 * time (the workspace stores clinic wall-clock times, so no time zone applies).
 * `what` names the option in the error.
 */
export function parseIsoMinute(text: string, what: string): number {
  const m = ISO_PATTERN.exec(text.trim());
  const bad = (): never => {
    throw new Error(`${what} must be a date yyyy-mm-dd or date-time yyyy-mm-ddThh:mm, got "${text}"`);
  };
  if (!m) return bad();
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return bad();
  const days = daysFromCivil(year, month, day);
  // 2023-02-30 would land in March.
  if (monthOfEpochDay(days) !== month) return bad();
  return days * MINUTES_PER_DAY + hour * 60 + minute;
}
