import Papa from 'papaparse';
import type { FileHead } from './sniff.ts';

/** The complete records at the start of a file's head (a record cut by the head's end is left out). */
export function headRecords(head: FileHead, limit: number): string[][] {
  const parsed = Papa.parse<string[]>(head.text, { delimiter: head.delimiter, skipEmptyLines: true, preview: limit + 1 });
  const records = parsed.data;
  if (!head.complete && records.length <= limit) records.pop();
  return records.slice(0, limit);
}

/** The header record of a file, trimmed; throws when the head holds no complete record. */
export function headerOf(file: string, head: FileHead): string[] {
  const [header] = headRecords(head, 1);
  if (!header) throw new Error(`${file} has no header line within its first ${head.text.length} characters`);
  return header.map((h) => h.trim());
}
