import { readFileSync } from 'node:fs';
import { UsageError } from './context.ts';

/** A required string option, or a usage error naming it. */
export function requireString(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

/** An optional whole-number option, or a usage error naming it. */
export function optionalInt(values: Record<string, string | boolean | undefined>, name: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^-?\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number, got '${String(v)}'`);
  return Number(v);
}

/** Read and parse a JSON file given on the command line, naming it in any error. */
export function readJsonOption(path: string, option: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--${option} ${path}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`--${option} ${path} is not valid JSON: ${(err as Error).message}`);
  }
}
