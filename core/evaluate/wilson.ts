import { Z_95 } from './normal.ts';

/** Wilson score interval for k events in n trials (default z = 1.96, a 95% CI). */
export function wilsonInterval(k: number, n: number, z = Z_95): [number, number] {
  if (n === 0) throw new Error('wilsonInterval: n must be > 0');
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [centre - half, centre + half];
}
