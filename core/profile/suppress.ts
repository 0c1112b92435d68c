import type { SuppressedCount } from './types.ts';

/** Counts from 1 up to this value minus one are published as "<10". */
export const SUPPRESSION_THRESHOLD = 10;

/** Small-number suppression: 1..9 becomes '<10'; 0 and counts of 10 or more stay exact. */
export function suppress(n: number): SuppressedCount {
  if (!Number.isInteger(n) || n < 0) throw new Error(`suppress: count must be a whole number >= 0, got ${n}`);
  return n > 0 && n < SUPPRESSION_THRESHOLD ? '<10' : n;
}

/** True when suppress(n) hides the exact value. */
export function isSuppressed(n: number): boolean {
  return n > 0 && n < SUPPRESSION_THRESHOLD;
}

/**
 * DNA / (DNA + attended), or null when there are no outcomes or either count is
 * suppressed: a published rate next to "<10" would let a reader back-compute it.
 */
export function publishedDnaRate(dna: number, withOutcome: number): number | null {
  if (withOutcome === 0 || isSuppressed(dna) || isSuppressed(withOutcome)) return null;
  return dna / withOutcome;
}
