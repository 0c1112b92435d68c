import type { ExtractField, MappingFile, Outcome } from '../../../core/api/index.ts';
import { MAPPING_FIELDS, OUTCOMES } from './mapping-fields.ts';

/** The name a saved mapping is offered under. */
export const MAPPING_FILE_NAME = 'attend-mapping.json';

const KEYS = ['columns', 'outcomeValues', 'dnaCodes', 'dateOrder', 'maxRejectedShare', 'encoding', 'delimiter'] as const;
const ENCODINGS = ['utf-8', 'windows-1252'] as const;
const DELIMITERS = [',', '\t', '|', ';'] as const;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function quoted(list: readonly string[]): string {
  return list.map((s) => JSON.stringify(s)).join(', ');
}

/**
 * Read a mapping file's text and check its shape as the command line's --mapping
 * does (same keys, fields, outcomes and enums), so a file accepted here is
 * accepted there. Throws an error naming the source and the offending key.
 */
export function parseMappingFile(text: string, source: string): MappingFile {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`${source}: not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(value)) throw new Error(`${source}: must hold a JSON object such as {"columns": {"appointmentDate": "Clinic Date"}}`);
  const fail = (key: string, message: string): never => {
    throw new Error(`${source}: ${key} ${message}`);
  };
  const out: MappingFile = {};
  for (const key of Object.keys(value)) {
    if (!(KEYS as readonly string[]).includes(key)) fail(`'${key}'`, `is not a mapping key (keys are: ${KEYS.join(', ')})`);
  }
  if (value.columns !== undefined) {
    if (!isObject(value.columns)) fail('columns', 'must be an object of field name → column header');
    const columns: Partial<Record<ExtractField, string | null>> = {};
    for (const [field, header] of Object.entries(value.columns as Json)) {
      if (!(MAPPING_FIELDS as readonly string[]).includes(field)) fail(`columns.${field}`, `is not a field (fields are: ${MAPPING_FIELDS.join(', ')})`);
      if (header !== null && (typeof header !== 'string' || header.trim() === '')) {
        fail(`columns.${field}`, 'must be a column header (non-empty text), or null for a column the file does not have');
      }
      columns[field as ExtractField] = header as string | null;
    }
    out.columns = columns;
  }
  if (value.outcomeValues !== undefined) {
    if (!isObject(value.outcomeValues)) fail('outcomeValues', 'must be an object of value → outcome, such as {"Yes": "attended", "No": "dna"}');
    const values: Record<string, Outcome> = {};
    for (const [raw, outcome] of Object.entries(value.outcomeValues as Json)) {
      if (typeof outcome !== 'string' || !(OUTCOMES as readonly string[]).includes(outcome)) {
        fail(`outcomeValues[${JSON.stringify(raw)}]`, `must be one of ${quoted(OUTCOMES)}`);
      }
      values[raw] = outcome as Outcome;
    }
    out.outcomeValues = values;
  }
  if (value.dnaCodes !== undefined) {
    const codes = value.dnaCodes;
    if (!Array.isArray(codes) || codes.some((c) => typeof c !== 'string')) fail('dnaCodes', 'must be a list of codes as text, such as ["3", "7"]');
    out.dnaCodes = [...(codes as string[])];
  }
  if (value.dateOrder !== undefined) {
    if (value.dateOrder !== 'dmy' && value.dateOrder !== 'mdy') fail('dateOrder', 'must be "dmy" (day first) or "mdy" (month first)');
    out.dateOrder = value.dateOrder as 'dmy' | 'mdy';
  }
  if (value.maxRejectedShare !== undefined) {
    const share = value.maxRejectedShare;
    if (typeof share !== 'number' || !(share >= 0 && share <= 1)) fail('maxRejectedShare', 'must be a number from 0 to 1');
    out.maxRejectedShare = share as number;
  }
  if (value.encoding !== undefined) {
    if (!(ENCODINGS as readonly unknown[]).includes(value.encoding)) fail('encoding', `must be one of ${quoted(ENCODINGS)}`);
    out.encoding = value.encoding as MappingFile['encoding'];
  }
  if (value.delimiter !== undefined) {
    if (!(DELIMITERS as readonly unknown[]).includes(value.delimiter)) fail('delimiter', `must be one of ${quoted(DELIMITERS)}`);
    out.delimiter = value.delimiter as MappingFile['delimiter'];
  }
  return out;
}

/** A mapping as the file Save writes: indented JSON with a final newline. */
export function mappingJson(mapping: MappingFile): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}
