import type { ExtractField, MappingFile, Outcome } from '../../../core/api/index.ts';
import { DEFAULT_DNA_CODES, FIELD_TEXT, MAPPING_FIELDS } from './mapping-fields.ts';

/** One line of the outcome values table; `id` keeps React rows stable while lines come and go. */
export interface OutcomeRow {
  id: number;
  value: string;
  outcome: Outcome;
}

/** The Import screen's mapping editor as the analyst sees it. */
export interface MappingForm {
  /**
   * Field -> the file's header; a field absent here is "not in this file", and one
   * set to null is "not in this file" although the import would recognise a header as it.
   */
  columns: Partial<Record<ExtractField, string | null>>;
  outcomeRows: OutcomeRow[];
  /** As typed: codes separated by commas (or spaces). */
  dnaCodes: string;
  dateOrder: 'dmy' | 'mdy';
  /** Settings a loaded file carried that the form does not edit; saved back unchanged. */
  kept: Pick<MappingFile, 'maxRejectedShare' | 'encoding' | 'delimiter'>;
}

/** Something in the form that keeps it from being a mapping, tied to the control concerned. */
export interface FormProblem {
  /** `dnaCodes`, or `outcome-<row id>` for a line of the outcome values table. */
  control: string;
  message: string;
}

/** A mapping built from the form, or why it cannot be. */
export type BuiltMapping = { mapping: MappingFile; problems: [] } | { mapping: null; problems: FormProblem[] };

/** The form for a detected mapping: its columns, no extra outcome values, the defaults. */
export function formFromDetection(detected: Partial<Record<ExtractField, string>>): MappingForm {
  return { columns: { ...detected }, outcomeRows: [], dnaCodes: DEFAULT_DNA_CODES.join(', '), dateOrder: 'dmy', kept: {} };
}

/**
 * The form for a mapping file applied to a file with these headers. A column the
 * file lacks is refused, naming the field, as the import would refuse it.
 */
export function formFromMapping(mapping: MappingFile, headers: readonly string[], source: string): { form: MappingForm } | { error: string } {
  const columns: Partial<Record<ExtractField, string | null>> = {};
  for (const field of MAPPING_FIELDS) {
    const wanted = mapping.columns?.[field];
    if (wanted === undefined) continue;
    if (wanted === null) {
      columns[field] = null;
      continue;
    }
    const key = wanted.trim().toLowerCase();
    const header = headers.find((h) => h.trim().toLowerCase() === key);
    if (header === undefined) {
      return { error: `${source}: columns.${field} names '${wanted}', which is not a column of this file (its columns are: ${headers.join(', ')})` };
    }
    columns[field] = header;
  }
  const kept: MappingForm['kept'] = {};
  if (mapping.maxRejectedShare !== undefined) kept.maxRejectedShare = mapping.maxRejectedShare;
  if (mapping.encoding !== undefined) kept.encoding = mapping.encoding;
  if (mapping.delimiter !== undefined) kept.delimiter = mapping.delimiter;
  return {
    form: {
      columns,
      outcomeRows: Object.entries(mapping.outcomeValues ?? {}).map(([value, outcome], i) => ({ id: i + 1, value, outcome })),
      dnaCodes: (mapping.dnaCodes ?? DEFAULT_DNA_CODES).join(', '),
      dateOrder: mapping.dateOrder ?? 'dmy',
      kept,
    },
  };
}

/** The codes typed in the DNA codes box: split on commas and spaces, blanks dropped. */
export function parseDnaCodes(text: string): string[] {
  return text.split(/[\s,]+/).filter((c) => c !== '');
}

function isDefaultCodes(codes: readonly string[]): boolean {
  const given = [...new Set(codes)].sort();
  return given.length === DEFAULT_DNA_CODES.length && given.every((c, i) => c === [...DEFAULT_DNA_CODES].sort()[i]);
}

/**
 * The mapping file the form stands for. Every column shown is written out, and
 * every field left out over a recognised header as null, so a saved mapping does
 * not depend on which headers the import happens to recognise; defaults (DNA
 * codes 3 and 7, day-first dates, no extra values) are left out.
 */
export function mappingFromForm(form: MappingForm): BuiltMapping {
  const problems: FormProblem[] = [];
  const outcomeValues: Record<string, Outcome> = {};
  const seen = new Map<string, number>();
  form.outcomeRows.forEach((row, i) => {
    const control = `outcome-${row.id}`;
    const value = row.value.trim();
    // A line just added and not yet filled in is no mistake; it simply maps nothing.
    if (value === '') return;
    const key = value.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ control, message: `Outcome value ${i + 1}: '${value}' is already given in line ${earlier} (values match whatever their case)` });
      return;
    }
    seen.set(key, i + 1);
    outcomeValues[value] = row.outcome;
  });
  const codes = parseDnaCodes(form.dnaCodes);
  if (codes.length === 0) problems.push({ control: 'dnaCodes', message: `DNA codes: give at least one code (HES counts ${DEFAULT_DNA_CODES.join(' and ')})` });
  if (problems.length > 0) return { mapping: null, problems };

  const mapping: MappingFile = {};
  const columns: Partial<Record<ExtractField, string | null>> = {};
  for (const field of MAPPING_FIELDS) {
    const header = form.columns[field];
    if (header !== undefined && header !== '') columns[field] = header;
  }
  if (Object.keys(columns).length > 0) mapping.columns = columns;
  if (Object.keys(outcomeValues).length > 0) mapping.outcomeValues = outcomeValues;
  if (!isDefaultCodes(codes)) mapping.dnaCodes = codes;
  if (form.dateOrder !== 'dmy') mapping.dateOrder = form.dateOrder;
  Object.assign(mapping, form.kept);
  return { mapping, problems: [] };
}

/** Whether a mapping says no more than detection alone would (the same columns, no other settings). */
export function isDetectionOnly(mapping: MappingFile, detected: Partial<Record<ExtractField, string>>): boolean {
  const plain = mappingFromForm(formFromDetection(detected)).mapping;
  return plain !== null && JSON.stringify(plain) === JSON.stringify(mapping);
}

/**
 * The form with one field's column chosen, or cleared with null ("not in this
 * file"). A field cleared while `recognised` (the import reads a header as it
 * when the mapping names none) is kept as null, so the mapping switches it off.
 */
export function setColumn(form: MappingForm, field: ExtractField, header: string | null, recognised = false): MappingForm {
  const columns = { ...form.columns };
  if (header !== null && header !== '') columns[field] = header;
  else if (recognised) columns[field] = null;
  else delete columns[field];
  return { ...form, columns };
}

/**
 * The form with the columns the import resolved (the form's own choices plus what
 * it recognised by name); fields the form switched off with null stay so.
 */
export function withResolvedColumns(form: MappingForm, resolved: Partial<Record<ExtractField, string>>): MappingForm {
  const same = MAPPING_FIELDS.every((f) => (form.columns[f] ?? undefined) === resolved[f]);
  if (same) return form;
  const columns: MappingForm['columns'] = { ...resolved };
  for (const f of MAPPING_FIELDS) if (form.columns[f] === null && resolved[f] === undefined) columns[f] = null;
  return { ...form, columns };
}

/** The form with a new, empty outcome value line at the end. */
export function addOutcomeRow(form: MappingForm, outcome: Outcome = 'attended'): MappingForm {
  const id = form.outcomeRows.reduce((m, r) => Math.max(m, r.id), 0) + 1;
  return { ...form, outcomeRows: [...form.outcomeRows, { id, value: '', outcome }] };
}

/** The form with one outcome value line changed. */
export function updateOutcomeRow(form: MappingForm, id: number, change: Partial<Omit<OutcomeRow, 'id'>>): MappingForm {
  return { ...form, outcomeRows: form.outcomeRows.map((r) => (r.id === id ? { ...r, ...change } : r)) };
}

/** The form without one outcome value line. */
export function removeOutcomeRow(form: MappingForm, id: number): MappingForm {
  return { ...form, outcomeRows: form.outcomeRows.filter((r) => r.id !== id) };
}

/** Headers the form gives to more than one field, each with the fields (in words) it feeds. */
export function sharedColumns(form: MappingForm): { header: string; fields: string[] }[] {
  const byHeader = new Map<string, string[]>();
  for (const field of MAPPING_FIELDS) {
    const header = form.columns[field];
    if (header === undefined || header === null) continue;
    byHeader.set(header, [...(byHeader.get(header) ?? []), FIELD_TEXT[field].toLowerCase()]);
  }
  return [...byHeader].filter(([, fields]) => fields.length > 1).map(([header, fields]) => ({ header, fields }));
}

/** The distinct values of one column in the preview rows, in order of first appearance (at most `limit`). */
export function distinctValues(headers: readonly string[], rows: readonly (readonly string[])[], header: string | null | undefined, limit = 12): string[] {
  if (header === undefined || header === null) return [];
  const at = headers.indexOf(header);
  if (at < 0) return [];
  const out: string[] = [];
  for (const row of rows) {
    const v = (row[at] ?? '').trim();
    if (v !== '' && !out.includes(v)) out.push(v);
    if (out.length >= limit) break;
  }
  return out;
}
