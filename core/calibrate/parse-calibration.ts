/**
 * Checks a calibration read back from JSON (a workspace, a pipeline.json or
 * another trust's bundle) before it is used, naming the field that is wrong.
 */
import type { Calibration } from './calibration.ts';

function finite(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`calibration.${field} must be a finite number, got ${JSON.stringify(value)}`);
  return value;
}

function numbers(value: unknown, field: string): number[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error(`calibration.${field} must be a non-empty array of numbers`);
  return value.map((v, i) => finite(v, `${field}[${i}]`));
}

/** A Calibration from parsed JSON, or an error naming the offending field. */
export function parseCalibration(json: unknown): Calibration {
  if (typeof json !== 'object' || json === null) throw new Error('calibration must be an object');
  const obj = json as Record<string, unknown>;
  if (obj.method === 'platt') return { method: 'platt', a: finite(obj.a, 'a'), b: finite(obj.b, 'b') };
  if (obj.method !== 'isotonic') throw new Error(`calibration.method must be 'platt' or 'isotonic', got ${JSON.stringify(obj.method)}`);
  const x = numbers(obj.x, 'x');
  const y = numbers(obj.y, 'y');
  if (x.length !== y.length) throw new Error(`calibration.x has ${x.length} points but calibration.y has ${y.length}`);
  for (let i = 1; i < x.length; i++) {
    if (!(x[i] > x[i - 1])) throw new Error(`calibration.x must increase strictly, but x[${i}] = ${x[i]} follows ${x[i - 1]}`);
    if (y[i] < y[i - 1]) throw new Error(`calibration.y must not decrease, but y[${i}] = ${y[i]} follows ${y[i - 1]}`);
  }
  for (let i = 0; i < y.length; i++) if (y[i] < 0 || y[i] > 1) throw new Error(`calibration.y[${i}] must be between 0 and 1, got ${y[i]}`);
  return { method: 'isotonic', x, y };
}
