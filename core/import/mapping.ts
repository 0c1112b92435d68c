import { EXTRACT_FIELDS, type ExtractField, type MappingFile } from './types.ts';
import { FIELD_LABELS, FIELD_SYNONYMS, headerKey } from './synonyms.ts';

/** Which column of the file feeds each field. */
export interface ResolvedMapping {
  /** Field -> 0-based column index. */
  index: Partial<Record<ExtractField, number>>;
  /** Field -> the file's header, as reported and stored with the import. */
  mapping: Partial<Record<ExtractField, string>>;
  unmappedHeaders: string[];
  /** Required fields no column feeds; both patient identifiers when neither is present. */
  missingRequired: ExtractField[];
}

const FIELD_SET = new Set<string>(EXTRACT_FIELDS);
const SYNONYM_KEYS: Record<ExtractField, string[]> = Object.fromEntries(
  EXTRACT_FIELDS.map((f) => [f, FIELD_SYNONYMS[f].map(headerKey)]),
) as Record<ExtractField, string[]>;

/**
 * Map the file's headers to fields: the mapping file's columns first (exact,
 * case-insensitive; a header it names that the file lacks is an error), then
 * synonyms for the rest, each header feeding at most one field. A field the
 * mapping file sets to null stays unmapped whatever the headers say.
 */
export function detectMapping(headers: readonly string[], mappingFile?: MappingFile): ResolvedMapping {
  const index: Partial<Record<ExtractField, number>> = {};
  const claimed = new Set<number>();
  const switchedOff = new Set<string>();
  for (const [field, header] of Object.entries(mappingFile?.columns ?? {})) {
    if (!FIELD_SET.has(field)) {
      throw new Error(`mapping file: unknown field '${field}' in columns (fields are: ${EXTRACT_FIELDS.join(', ')})`);
    }
    if (header === null) {
      switchedOff.add(field);
      continue;
    }
    if (typeof header !== 'string' || header.trim() === '') continue;
    const want = header.trim().toLowerCase();
    const at = headers.findIndex((h) => h.trim().toLowerCase() === want);
    if (at < 0) {
      throw new Error(
        `mapping file: column '${header}' (for ${field}) is not in the file; its headers are: ${headers.join(', ')}`,
      );
    }
    index[field as ExtractField] = at;
    claimed.add(at);
  }
  const keys = headers.map(headerKey);
  for (const field of EXTRACT_FIELDS) {
    if (index[field] !== undefined || switchedOff.has(field)) continue;
    for (const synonym of SYNONYM_KEYS[field]) {
      const at = keys.findIndex((k, i) => k === synonym && !claimed.has(i));
      if (at >= 0) {
        index[field] = at;
        claimed.add(at);
        break;
      }
    }
  }
  const mapping: Partial<Record<ExtractField, string>> = {};
  for (const field of EXTRACT_FIELDS) {
    const at = index[field];
    if (at !== undefined) mapping[field] = headers[at];
  }
  const missingRequired: ExtractField[] = [];
  if (index.appointmentDate === undefined) missingRequired.push('appointmentDate');
  if (index.attendanceStatus === undefined) missingRequired.push('attendanceStatus');
  if (index.nhsNumber === undefined && index.localPatientId === undefined) missingRequired.push('nhsNumber', 'localPatientId');
  return {
    index,
    mapping,
    unmappedHeaders: headers.filter((_, i) => !claimed.has(i)),
    missingRequired,
  };
}

/** Throw the refusal for the first required field no column feeds, naming the headers looked for. */
export function assertRequiredMapped(resolved: ResolvedMapping): void {
  const missing = resolved.missingRequired;
  if (missing.length === 0) return;
  const field = missing[0];
  if (field === 'nhsNumber') {
    const looked = [...FIELD_SYNONYMS.nhsNumber, ...FIELD_SYNONYMS.localPatientId].join(', ');
    throw new Error(`no patient identifier column found (looked for: ${looked}); map nhsNumber or localPatientId in a mapping file`);
  }
  throw new Error(
    `no ${FIELD_LABELS[field]} column found (looked for: ${FIELD_SYNONYMS[field].join(', ')}); map ${field} in a mapping file`,
  );
}
