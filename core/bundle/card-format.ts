/**
 * How the model card and bundle README write numbers: fixed decimals, 95%
 * intervals in brackets, percentages to one decimal, and counts with
 * small-number suppression, so every published figure reads the same way.
 */
import { isSuppressed, suppress } from '../profile/suppress.ts';
import type { SuppressedCount } from '../profile/types.ts';

/** Shown where a figure does not exist (a baseline has no calibration slope, a class was too small). */
export const NOT_AVAILABLE = '—';

/** Shown where a figure is withheld because a count behind it is under 10. */
export const HIDDEN = 'suppressed';

/** x with `digits` decimals; never "-0.000". */
export function fixed(x: number | null | undefined, digits: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NOT_AVAILABLE;
  const s = x.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** A 95% interval as "[lo, hi]" with `digits` decimals. */
export function interval(ci: readonly [number, number] | null | undefined, digits: number): string {
  if (!ci) return NOT_AVAILABLE;
  return `[${fixed(ci[0], digits)}, ${fixed(ci[1], digits)}]`;
}

/** An estimate followed by its 95% interval, e.g. "0.682 [0.619, 0.746]". */
export function withInterval(x: number | null | undefined, ci: readonly [number, number] | null | undefined, digits: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NOT_AVAILABLE;
  return ci ? `${fixed(x, digits)} ${interval(ci, digits)}` : fixed(x, digits);
}

/** A share as a percentage with one decimal, e.g. 0.06944 -> "6.9%". */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return NOT_AVAILABLE;
  return `${fixed(share * 100, 1)}%`;
}

/** A difference of probabilities in percentage points with its sign, e.g. 0.0393 -> "+3.9 pp". */
export function percentagePoints(diff: number | null | undefined): string {
  if (diff === null || diff === undefined || !Number.isFinite(diff)) return NOT_AVAILABLE;
  const s = fixed(diff * 100, 1);
  return `${s.startsWith('-') || s === '0.0' ? s : `+${s}`} pp`;
}

/** A whole number with thousands separated by commas, e.g. 10000 -> "10,000". */
export function grouped(n: number): string {
  if (!Number.isInteger(n)) throw new Error(`grouped: ${n} is not a whole number`);
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A count as published: 1..9 as "<10" (suppressed even when given exact), else grouped digits. */
export function count(n: SuppressedCount): string {
  const shown = typeof n === 'number' ? suppress(n) : n;
  return shown === '<10' ? '<10' : grouped(shown);
}

/** True when a published count hides its value (given as "<10" or as an exact 1..9). */
export function countHidden(n: SuppressedCount): boolean {
  return n === '<10' || isSuppressed(n);
}

/**
 * events / n as a percentage, or HIDDEN when n, events or the non-events are
 * 1..9: a rate beside a suppressed count would let a reader work the count out.
 */
export function publishedRate(events: SuppressedCount, n: SuppressedCount): string {
  if (countHidden(events) || countHidden(n)) return HIDDEN;
  const e = events as number;
  const all = n as number;
  if (isSuppressed(all - e)) return HIDDEN;
  return all === 0 ? NOT_AVAILABLE : percent(e / all);
}
