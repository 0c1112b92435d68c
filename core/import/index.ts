export { importExtract, DEFAULT_MAX_REJECTED_SHARE } from './import-extract.ts';
export type { ImportOptions } from './import-extract.ts';
export { previewExtract, PREVIEW_ROWS } from './preview.ts';
export { parseDateTime, parseTime, ageInYears, daysInMonth } from './dates.ts';
export type { ParsedDate, DateProblem, DateOrder } from './dates.ts';
export { makeOutcomeReader, outcomeFromCode, DEFAULT_DNA_CODES } from './outcome.ts';
export type { OutcomeOptions } from './outcome.ts';
export { detectMapping, assertRequiredMapped } from './mapping.ts';
export type { ResolvedMapping } from './mapping.ts';
export { FIELD_SYNONYMS, FIELD_LABELS, headerKey } from './synonyms.ts';
export { detectEncoding, detectDelimiter, looksBinary, hasUtf8Bom, readHead, HEAD_BYTES } from './sniff.ts';
export type { Delimiter, Encoding, FileHead } from './sniff.ts';
export { readSex, readEthnicCategory, readImdDecile, readFirstAttendance, readMedium, readPriority } from './codes.ts';
export type { Sex, Medium } from './codes.ts';
export { Pseudonymiser, keyedHash, PSEUDONYM_HEX_LENGTH } from './pseudonym.ts';
export { REPORTED_ISSUES } from './issue-log.ts';
export { EXTRACT_FIELDS } from './types.ts';
export type {
  ExtractField,
  Outcome,
  MappingFile,
  ImportIssue,
  ImportReport,
  ImportPreview,
  ImportProgress,
} from './types.ts';
