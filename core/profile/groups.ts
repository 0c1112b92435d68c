import type { Outcome } from '../import/types.ts';

/** Label of every group whose value is missing or unusable. */
export const UNKNOWN = 'unknown';

/** Outcomes in the order the profile lists them; a row's outcome is stored as its index here. */
export const OUTCOMES: readonly Outcome[] = [
  'attended',
  'dna',
  'patient_cancelled',
  'hospital_cancelled',
  'upcoming',
  'unknown',
];
export const ATTENDED_CODE = 0;
export const DNA_CODE = 1;

/** Weekdays Monday first (UK convention); index 7 is UNKNOWN. */
export const WEEKDAYS: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Age bands at the appointment, chosen along NHS service lines: 0-15 paediatrics,
 * 16-17 transition to adult services, 18-29 and 30-44 young adults (the highest DNA
 * rates), 45-64 working age, 65-74 and 75+ older people (frailty services start at 75).
 * Ages outside 0..120 or absent fall in UNKNOWN (index AGE_BANDS.length).
 */
export const AGE_BANDS: readonly { label: string; min: number; max: number }[] = [
  { label: '0-15', min: 0, max: 15 },
  { label: '16-17', min: 16, max: 17 },
  { label: '18-29', min: 18, max: 29 },
  { label: '30-44', min: 30, max: 44 },
  { label: '45-64', min: 45, max: 64 },
  { label: '65-74', min: 65, max: 74 },
  { label: '75+', min: 75, max: 120 },
];

/** IMD deciles 1 (most deprived) to 10 (least deprived); index 10 is UNKNOWN. */
export const DEPRIVATION_DECILES: readonly string[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

/** Index into AGE_BANDS, or AGE_BANDS.length for a missing or implausible age. */
export function ageBandIndex(age: unknown): number {
  if (typeof age !== 'number' || !(age >= 0) || age >= AGE_LOOKUP.length) return AGE_BANDS.length;
  return AGE_LOOKUP[Math.floor(age)];
}

// One table lookup per row instead of a search: this runs a million times per profile.
const AGE_LOOKUP = Uint8Array.from({ length: AGE_BANDS[AGE_BANDS.length - 1].max + 1 }, (_, years) =>
  AGE_BANDS.findIndex((b) => years >= b.min && years <= b.max),
);

/** Index into WEEKDAYS from SQLite's strftime('%w') (0 = Sunday), or 7 when unknown. */
export function weekdayIndex(sqliteDow: unknown): number {
  if (typeof sqliteDow !== 'number' || !Number.isInteger(sqliteDow) || sqliteDow < 0 || sqliteDow > 6) return 7;
  return (sqliteDow + 6) % 7;
}

/** Index into DEPRIVATION_DECILES, or 10 when the decile is missing or not 1..10. */
export function deprivationIndex(decile: unknown): number {
  if (typeof decile !== 'number' || !Number.isInteger(decile) || decile < 1 || decile > 10) return 10;
  return decile - 1;
}
