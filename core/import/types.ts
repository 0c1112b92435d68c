/** The fields an extract can provide, in the import's own vocabulary. */
export const EXTRACT_FIELDS = [
  'appointmentId',
  'nhsNumber',
  'localPatientId',
  'birthDate',
  'sex',
  'ethnicCategory',
  'lsoa',
  'imdDecile',
  'treatmentFunctionCode',
  'specialty',
  'clinicCode',
  'appointmentDate',
  'appointmentTime',
  'bookedDate',
  'firstAttendance',
  'medium',
  'priority',
  'attendanceStatus',
] as const;
export type ExtractField = (typeof EXTRACT_FIELDS)[number];

/** What an appointment turned out to be, after NHS code mapping. */
export type Outcome = 'attended' | 'dna' | 'patient_cancelled' | 'hospital_cancelled' | 'upcoming' | 'unknown';

/**
 * A mapping file (JSON) for extracts whose headers the synonyms do not catch.
 * Every key is optional; what is given overrides detection.
 */
export interface MappingFile {
  /**
   * Field -> header in the file (exact, case-insensitive), or null for a column
   * the file does not have, so detection leaves the field unmapped even when a
   * header looks like one.
   */
  columns?: Partial<Record<ExtractField, string | null>>;
  /** Extra outcome values -> outcome, e.g. {"Yes": "attended", "No": "dna"} for a yes/no column. */
  outcomeValues?: Record<string, Outcome>;
  /** ATTENDED OR DID NOT ATTEND codes counted as DNA; default ["3", "7"] as HES counts them. */
  dnaCodes?: string[];
  /** Day-first (UK, default) or month-first slash dates. */
  dateOrder?: 'dmy' | 'mdy';
  /** Share of rows that may be rejected before the whole file is refused; default 0.2. */
  maxRejectedShare?: number;
  /** Force an encoding instead of detecting it. */
  encoding?: 'utf-8' | 'windows-1252';
  /** Force a delimiter instead of detecting it. */
  delimiter?: ',' | '\t' | '|' | ';';
}

/** One problem found in a row (or in the file when row is null). */
export interface ImportIssue {
  /** 1-based data row number (the header is row 0), or null for file-level issues. */
  row: number | null;
  /** The file's header for the column concerned, or null. */
  column: string | null;
  severity: 'error' | 'warning';
  message: string;
}

/** What an import did. `issues` holds the first 100; `issueCount` all of them. */
export interface ImportReport {
  dataset: string;
  file: string;
  encoding: string;
  delimiter: string;
  mapping: Partial<Record<ExtractField, string>>;
  rowsRead: number;
  rowsImported: number;
  /** Of rowsImported, rows that replaced an appointment already in the dataset. */
  rowsUpdated: number;
  rowsRejected: number;
  /** DNA / (DNA + attended) among the rows imported. */
  dnaRate: number | null;
  dateRange: { from: string | null; to: string | null };
  issues: ImportIssue[];
  issueCount: number;
  seconds: number;
}

/** First rows of a file and the mapping detection would use, for the import screen. */
export interface ImportPreview {
  file: string;
  encoding: string;
  delimiter: string;
  headers: string[];
  rows: string[][];
  mapping: Partial<Record<ExtractField, string>>;
  unmappedHeaders: string[];
  missingRequired: ExtractField[];
}

/** Progress of a long import, for progress bars. */
export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
}
