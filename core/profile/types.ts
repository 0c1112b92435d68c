/**
 * A count as published: exact when 10 or more, the string "<10" otherwise
 * (small-number suppression), and 0 shown as 0.
 */
export type SuppressedCount = number | '<10';

/** DNA figures for one group (a month, a specialty, ...). */
export interface RateRow {
  key: string;
  appointments: SuppressedCount;
  /** Appointments with an attendance outcome (attended or DNA). */
  withOutcome: SuppressedCount;
  dna: SuppressedCount;
  /** DNA / withOutcome, null when suppressed or no outcomes. */
  dnaRate: number | null;
}

/** Share of rows with no value, per stored column. */
export interface MissingnessRow {
  column: string;
  missing: SuppressedCount;
  /** Null when the count is suppressed, so it cannot be recovered from rows. */
  share: number | null;
}

/** Data quality and DNA rates of one dataset. */
export interface DatasetProfile {
  dataset: string;
  rows: number;
  patients: number;
  dateRange: { from: string | null; to: string | null };
  outcomes: Record<string, SuppressedCount>;
  dnaRate: number | null;
  byMonth: RateRow[];
  bySpecialty: RateRow[];
  byWeekday: RateRow[];
  byAgeBand: RateRow[];
  byDeprivation: RateRow[];
  missingness: MissingnessRow[];
  imports: { file: string; importedAt: string; rowsImported: number; rowsRejected: number }[];
}

/** One line of the datasets list. */
export interface DatasetSummary {
  name: string;
  rows: number;
  patients: number;
  from: string | null;
  to: string | null;
  dnaRate: number | null;
  updatedAt: string;
}
