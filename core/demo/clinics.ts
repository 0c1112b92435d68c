/**
 * Clinic codes per treatment function with skewed sizes, so a few clinics are
 * busy and many are rare (the feature encoder has to cap them).
 */
import { DEMO_SPECIALTIES, type DemoSpecialty } from './specialties.ts';
import { cumulativeWeights, type Rng } from './rng.ts';

/** The clinics of one treatment function and their relative sizes. */
export interface ClinicSet {
  specialty: DemoSpecialty;
  codes: string[];
  cumulative: number[];
}

/** Clinic sets for every demo specialty, in DEMO_SPECIALTIES order. */
export function buildClinics(rng: Rng): ClinicSet[] {
  return DEMO_SPECIALTIES.map((specialty) => {
    const codes: string[] = [];
    const weights: number[] = [];
    for (let i = 0; i < specialty.clinics; i++) {
      codes.push(`${specialty.clinicPrefix}${String(i + 1).padStart(2, '0')}${'ABCD'[rng.int(4)]}`);
      // Zipf-like sizes with jitter: the first clinics take most patients.
      weights.push((0.5 + rng.next()) / Math.pow(i + 1, 1.6));
    }
    return { specialty, codes, cumulative: cumulativeWeights(weights) };
  });
}
