/**
 * Coded patient characteristics with shares close to England's (2021 Census
 * ethnic groups; outpatients skew older than the population).
 */

/** NHS ETHNIC CATEGORY codes and their shares (Z = not stated). */
export const ETHNIC_CATEGORIES: readonly { code: string; weight: number }[] = [
  { code: 'A', weight: 71.0 }, // White British
  { code: 'B', weight: 0.9 }, // White Irish
  { code: 'C', weight: 6.2 }, // Any other White background
  { code: 'D', weight: 0.9 }, // White and Black Caribbean
  { code: 'E', weight: 0.5 }, // White and Black African
  { code: 'F', weight: 0.8 }, // White and Asian
  { code: 'G', weight: 0.9 }, // Any other mixed background
  { code: 'H', weight: 3.2 }, // Indian
  { code: 'J', weight: 2.7 }, // Pakistani
  { code: 'K', weight: 1.1 }, // Bangladeshi
  { code: 'L', weight: 1.6 }, // Any other Asian background
  { code: 'M', weight: 1.1 }, // Black Caribbean
  { code: 'N', weight: 2.4 }, // Black African
  { code: 'P', weight: 0.5 }, // Any other Black background
  { code: 'R', weight: 0.7 }, // Chinese
  { code: 'S', weight: 1.6 }, // Any other ethnic group
  { code: 'Z', weight: 3.9 }, // Not stated
];

/** NHS PERSON STATED GENDER / sex codes: 1 male, 2 female, 9 indeterminate, 0 not known. */
export const SEX_CODES: readonly { code: string; weight: number }[] = [
  { code: '1', weight: 45.5 },
  { code: '2', weight: 54.1 },
  { code: '9', weight: 0.15 },
  { code: '0', weight: 0.25 },
];

/** Age bands (years at the extract date) of outpatients and their shares. */
export const AGE_BANDS: readonly { from: number; to: number; weight: number }[] = [
  { from: 0, to: 4, weight: 4 },
  { from: 5, to: 15, weight: 8 },
  { from: 16, to: 29, weight: 12 },
  { from: 30, to: 44, weight: 15 },
  { from: 45, to: 64, weight: 27 },
  { from: 65, to: 79, weight: 24 },
  { from: 80, to: 98, weight: 10 },
];

/** Neighbourhoods (LSOAs) in the demo trust's catchment. */
export const CATCHMENT_LSOAS = 1800;
