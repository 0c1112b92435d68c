/**
 * The feature spec: a plain-JSON, versioned list of named features. It says what to
 * compute, never how; the pipeline (pipeline.ts) adds what is learned from data.
 */

/** Version of the spec format; bump when a kind's meaning changes. */
export const FEATURE_SPEC_VERSION = 1;

/** Statistics of a patient's earlier appointments (see history.ts for their exact meaning). */
export const HISTORY_STATS = [
  'priorAppointments',
  'priorDnas',
  'smoothedDnaRate',
  'daysSinceLastDna',
  'priorPatientCancellations',
  'priorHospitalCancellations',
  'recentAppointments',
] as const;
export type HistoryStat = (typeof HISTORY_STATS)[number];

/** Text columns of the appointments table a category feature may encode. */
export const CATEGORY_COLUMNS = [
  'sex',
  'ethnic_category',
  'lsoa',
  'treatment_function_code',
  'specialty',
  'clinic_code',
  'first_attendance',
  'medium',
  'priority',
] as const;
export type CategoryColumn = (typeof CATEGORY_COLUMNS)[number];

/** Numeric columns a number feature may pass through. */
export const NUMBER_COLUMNS = ['age_years', 'imd_decile'] as const;
export type NumberColumn = (typeof NUMBER_COLUMNS)[number];

/** Counts and times from the same patient's appointments strictly before this one. */
export interface HistoryFeature {
  name: string;
  kind: 'history';
  stat: HistoryStat;
  /** smoothedDnaRate: the rate assumed before any history. */
  prior?: number;
  /** smoothedDnaRate: how many appointments the prior is worth. */
  strength?: number;
  /** recentAppointments: the window before the appointment, in days. */
  windowDays?: number;
}

/** Days from booking to the appointment date, clamped at 0; missing when the booking date is unknown. */
export interface LeadTimeFeature {
  name: string;
  kind: 'leadTime';
}

/** A part of the appointment's date and time. */
export interface CalendarFeature {
  name: string;
  kind: 'calendar';
  /** weekday 0 (Monday) .. 6; hour 0..23.98 as hour + minutes / 60; month 1..12. */
  part: 'weekday' | 'hour' | 'month';
}

/** From the NHS first attendance code: follow-up (1) or first (0); remote (1) or face to face (0). */
export interface AttendanceTypeFeature {
  name: string;
  kind: 'attendanceType';
  part: 'followUp' | 'remote';
}

/**
 * A text column as learned categories: levels seen at least minCount times in the
 * fitting rows, at most maxLevels of them, the rest pooled as "other".
 */
export interface CategoryFeature {
  name: string;
  kind: 'category';
  column: CategoryColumn;
  minCount: number;
  maxLevels: number;
  /** ordinal (default): one column of codes 0..K by frequency; onehot: one 0/1 column per level and other. */
  encoding?: 'ordinal' | 'onehot';
}

/** A numeric column passed through when it lies in [min, max], else missing. */
export interface NumberFeature {
  name: string;
  kind: 'number';
  column: NumberColumn;
  min: number;
  max: number;
}

/** Age band index into the profile's AGE_BANDS (0 = 0-15 .. 6 = 75+). */
export interface AgeBandFeature {
  name: string;
  kind: 'ageBand';
}

/** NHS broad ethnic group from the letter code: 0 White .. 4 Other, 5 not stated or unknown. */
export interface EthnicGroupFeature {
  name: string;
  kind: 'ethnicGroup';
}

/** One feature of the spec. */
export type FeatureDef =
  | HistoryFeature
  | LeadTimeFeature
  | CalendarFeature
  | AttendanceTypeFeature
  | CategoryFeature
  | NumberFeature
  | AgeBandFeature
  | EthnicGroupFeature;

export type FeatureKind = FeatureDef['kind'];

/** A versioned list of features, in matrix column order. */
export interface FeatureSpec {
  version: number;
  features: FeatureDef[];
}

/** The features Attend trains on unless told otherwise. */
export function defaultFeatureSpec(): FeatureSpec {
  return {
    version: FEATURE_SPEC_VERSION,
    features: [
      { name: 'prior_appointments', kind: 'history', stat: 'priorAppointments' },
      { name: 'prior_dnas', kind: 'history', stat: 'priorDnas' },
      // England's outpatient DNA rate is about 7-8%; two appointments' worth of prior
      // keeps one DNA from making a new patient look certain to miss.
      { name: 'prior_dna_rate', kind: 'history', stat: 'smoothedDnaRate', prior: 0.08, strength: 2 },
      { name: 'days_since_last_dna', kind: 'history', stat: 'daysSinceLastDna' },
      { name: 'prior_patient_cancellations', kind: 'history', stat: 'priorPatientCancellations' },
      { name: 'prior_hospital_cancellations', kind: 'history', stat: 'priorHospitalCancellations' },
      { name: 'appointments_last_year', kind: 'history', stat: 'recentAppointments', windowDays: 365 },
      { name: 'lead_days', kind: 'leadTime' },
      { name: 'weekday', kind: 'calendar', part: 'weekday' },
      { name: 'hour', kind: 'calendar', part: 'hour' },
      { name: 'month', kind: 'calendar', part: 'month' },
      { name: 'follow_up', kind: 'attendanceType', part: 'followUp' },
      { name: 'remote', kind: 'attendanceType', part: 'remote' },
      { name: 'medium', kind: 'category', column: 'medium', minCount: 50, maxLevels: 10, encoding: 'onehot' },
      { name: 'priority', kind: 'category', column: 'priority', minCount: 50, maxLevels: 10 },
      { name: 'specialty', kind: 'category', column: 'specialty', minCount: 100, maxLevels: 60 },
      { name: 'clinic', kind: 'category', column: 'clinic_code', minCount: 200, maxLevels: 50 },
      // Age in years rather than bands: trees find their own cut points, and the
      // bands stay available as a subgroup column for fairness tables.
      { name: 'age', kind: 'number', column: 'age_years', min: 0, max: 120 },
      { name: 'sex', kind: 'category', column: 'sex', minCount: 50, maxLevels: 5 },
      { name: 'ethnic_group', kind: 'ethnicGroup' },
      { name: 'imd_decile', kind: 'number', column: 'imd_decile', min: 1, max: 10 },
    ],
  };
}

/** The spec restricted to the named features, in the spec's order; unknown names are an error. */
export function selectFeatures(spec: FeatureSpec, names: readonly string[]): FeatureSpec {
  const known = new Set(spec.features.map((f) => f.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new Error(
      `unknown feature${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}; the spec has ${[...known].join(', ')}`,
    );
  }
  const wanted = new Set(names);
  return { version: spec.version, features: spec.features.filter((f) => wanted.has(f.name)).map((f) => ({ ...f })) };
}
