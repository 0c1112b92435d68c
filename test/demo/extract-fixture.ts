// Shared by the demo tests: write an extract to a temp folder and read it back with papaparse.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { DEMO_HEADERS, writeDemoExtract, type DemoExtractSummary } from '../../core/demo/index.ts';

export const COL = Object.fromEntries(DEMO_HEADERS.map((h, i) => [h, i])) as Record<(typeof DEMO_HEADERS)[number], number>;

export interface WrittenExtract {
  summary: DemoExtractSummary;
  text: string;
  header: string[];
  rows: string[][];
}

export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'attend-demo-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function writeAndRead(dir: string, rows: number, seed: number): Promise<WrittenExtract> {
  const out = join(dir, `demo-${rows}-${seed}.csv`);
  const summary = await writeDemoExtract({ out, rows, seed });
  const text = readFileSync(out, 'utf8');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`papaparse: ${parsed.errors[0].message} at row ${parsed.errors[0].row}`);
  return { summary, text, header: parsed.data[0], rows: parsed.data.slice(1) };
}

/** Day number of a dd/mm/yyyy date, or null when it is not a calendar date. */
export function ukDay(s: string): number | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return t.getTime() / 86_400_000;
}

export const isDna = (code: string): boolean => code === '3' || code === '7';
export const hasAttendanceOutcome = (code: string): boolean => ['3', '5', '6', '7'].includes(code);

/** DNA rate among rows with an attended or DNA outcome, and how many such rows. */
export function dnaRate(rows: string[][]): { rate: number; n: number } {
  const rated = rows.filter((r) => hasAttendanceOutcome(r[COL['Attended or Did Not Attend']]));
  const dna = rated.filter((r) => isDna(r[COL['Attended or Did Not Attend']])).length;
  return { rate: rated.length === 0 ? NaN : dna / rated.length, n: rated.length };
}
