/**
 * The app rounds every feature to float32 before comparing it with a float32
 * split threshold t: it asks fround(v) < t. SQL holds the unrounded double v,
 * so score.sql asks the same question of v directly.
 */

const f32 = new Float32Array(1);
const bits = new Uint32Array(f32.buffer);

/** The float32 just below a finite float32 t (the next one towards -Infinity). */
function float32Below(t: number): number {
  if (t === 0) return -(2 ** -149);
  f32[0] = t;
  bits[0] += t > 0 ? -1 : 1;
  return f32[0];
}

function float32IsEven(v: number): boolean {
  f32[0] = v;
  return (bits[0] & 1) === 0;
}

/** A condition on a double v equal to fround(v) < threshold. */
export interface Float32Split {
  op: '<' | '<=';
  /** Exactly representable as a double. */
  bound: number;
}

/**
 * fround(v) < t holds exactly when v rounds to the float32 p below t or lower,
 * that is when v lies below the midpoint m of p and t, or on it when the tie
 * goes to p (round half to even: p's last mantissa bit is 0). m is exact in
 * double (25 significant bits).
 */
export function float32Split(threshold: number, what: string): Float32Split {
  if (!Number.isFinite(threshold) || Math.fround(threshold) !== threshold) {
    throw new Error(`${what}: threshold ${threshold} is not a finite float32`);
  }
  const below = float32Below(threshold);
  if (!Number.isFinite(below)) throw new Error(`${what}: threshold ${threshold} is the lowest float32, so no value lies below it`);
  return { op: float32IsEven(below) ? '<=' : '<', bound: (below + threshold) / 2 };
}
