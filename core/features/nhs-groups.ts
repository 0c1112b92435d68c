/**
 * Fixed NHS groupings used both as features and as subgroup columns for fairness
 * tables. The last label of every list is the "unknown" group.
 */

/** NHS broad ethnic groups (Data Dictionary ETHNIC CATEGORY); index 5 is not stated or unknown. */
export const ETHNIC_GROUPS: readonly string[] = ['White', 'Mixed', 'Asian', 'Black', 'Other', 'Not stated'];
export const ETHNIC_NOT_STATED = 5;

// A-C White, D-G Mixed, H-L Asian, M-P Black, R-S Other; Z (not stated), the unused
// letters I, O, Q and anything else fall in not stated.
export const ETHNIC_BY_LETTER: Record<string, number> = {
  A: 0, B: 0, C: 0,
  D: 1, E: 1, F: 1, G: 1,
  H: 2, J: 2, K: 2, L: 2,
  M: 3, N: 3, P: 3,
  R: 4, S: 4,
};

/** Index into ETHNIC_GROUPS of an NHS ethnic category letter code (first letter counts: "A1" is White). */
export function ethnicGroupIndex(code: string): number {
  return ETHNIC_BY_LETTER[code.trim().charAt(0).toUpperCase()] ?? ETHNIC_NOT_STATED;
}

/** Sex groups as the import stores them, then unknown. */
export const SEX_GROUPS: readonly string[] = ['female', 'male', 'indeterminate', 'unknown'];

/** Consultation media as the import stores them, then unknown. */
export const MEDIUM_GROUPS: readonly string[] = ['face_to_face', 'telephone', 'video', 'other', 'unknown'];

/** Deprivation quintiles from IMD deciles (1-2 -> 1 most deprived .. 9-10 -> 5), then unknown. */
export const DEPRIVATION_QUINTILES: readonly string[] = ['1', '2', '3', '4', '5', 'unknown'];

/** Index into DEPRIVATION_QUINTILES of an IMD decile (0 or out of range = unknown). */
export function deprivationQuintileIndex(decile: number): number {
  return Number.isInteger(decile) && decile >= 1 && decile <= 10 ? Math.ceil(decile / 2) - 1 : 5;
}

/** Index of `value` in a group list whose last entry is unknown; unlisted values are unknown. */
export function groupIndex(groups: readonly string[], value: string): number {
  const i = groups.indexOf(value);
  return i < 0 || i === groups.length - 1 ? groups.length - 1 : i;
}
