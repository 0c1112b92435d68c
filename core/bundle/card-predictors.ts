/**
 * The predictors of a feature pipeline in plain words, for the model card:
 * what each feature measures, its kind, when it can be missing, and the
 * category levels learned from the training rows.
 */
import { ETHNIC_GROUPS, type CategoryColumn, type FeatureDef, type FeaturePipeline, type NumberColumn } from '../features/index.ts';
import { AGE_BANDS } from '../profile/groups.ts';
import { grouped, percent } from './card-format.ts';

/** One feature of the spec as the card describes it. */
export interface PredictorRow {
  name: string;
  kind: string;
  meaning: string;
  /** Learned levels ("3 levels + other: a, b, c"); null for features without levels. */
  levels: string | null;
  /** When the feature is missing (written as -1 in the matrix); null when it never is. */
  missingWhen: string | null;
}

/** The extract's text columns in plain words. */
export const CATEGORY_COLUMN_WORDS: Readonly<Record<CategoryColumn, string>> = {
  sex: 'sex',
  ethnic_category: 'ethnic category code',
  lsoa: 'LSOA of residence',
  treatment_function_code: 'treatment function code',
  specialty: 'specialty',
  clinic_code: 'clinic code',
  first_attendance: 'first attendance code',
  medium: 'consultation medium',
  priority: 'priority type',
};

const NUMBER_COLUMN_WORDS: Readonly<Record<NumberColumn, string>> = {
  age_years: 'age in years at the appointment (from the date of birth)',
  imd_decile: 'IMD decile of the patient’s area (1 most deprived, 10 least)',
};

// Local codes whose levels would name clinics or small areas: the card gives only how many were learned.
const IDENTIFIER_COLUMNS: ReadonlySet<CategoryColumn> = new Set(['clinic_code', 'lsoa']);

const KIND_WORDS: Readonly<Record<FeatureDef['kind'], string>> = {
  history: 'patient history',
  leadTime: 'booking',
  calendar: 'calendar',
  attendanceType: 'attendance type',
  category: 'category',
  number: 'number',
  ageBand: 'age band',
  ethnicGroup: 'ethnic group',
};

function historyMeaning(f: Extract<FeatureDef, { kind: 'history' }>): string {
  switch (f.stat) {
    case 'priorAppointments':
      return 'Number of the patient’s earlier appointments that were attended or missed.';
    case 'priorDnas':
      return 'Number of the patient’s earlier DNAs.';
    case 'smoothedDnaRate':
      return `The patient’s earlier DNA rate, smoothed towards ${percent(f.prior ?? 0)} as if they had ${f.strength ?? 0} more appointments at that rate: (DNAs + ${f.prior ?? 0} × ${f.strength ?? 0}) / (appointments + ${f.strength ?? 0}).`;
    case 'daysSinceLastDna':
      return 'Days since the patient’s most recent earlier DNA.';
    case 'priorPatientCancellations':
      return 'Number of the patient’s earlier appointments the patient cancelled.';
    case 'priorHospitalCancellations':
      return 'Number of the patient’s earlier appointments the hospital cancelled.';
    case 'recentAppointments':
      return `Number of the patient’s attended or missed appointments in the ${grouped(f.windowDays ?? 0)} days before this one.`;
  }
}

function meaning(f: FeatureDef): string {
  switch (f.kind) {
    case 'history':
      return historyMeaning(f);
    case 'leadTime':
      return 'Days from booking to the appointment (0 when booked on the day).';
    case 'calendar':
      if (f.part === 'weekday') return 'Day of the week of the appointment (0 Monday to 6 Sunday).';
      if (f.part === 'hour') return 'Time of day of the appointment in hours (14.5 is 14:30).';
      return 'Month of the appointment (1 January to 12 December).';
    case 'attendanceType':
      return f.part === 'followUp'
        ? 'Follow-up (1) or first (0) attendance, from the first attendance code.'
        : 'Telephone or video (1) or face to face (0), from the first attendance code.';
    case 'category': {
      const encoding = f.encoding === 'onehot' ? 'one 0/1 column per level and one for other' : 'one column of level numbers, most frequent first';
      return `The ${CATEGORY_COLUMN_WORDS[f.column]}, as the levels seen at least ${grouped(f.minCount)} times in the training rows (at most ${grouped(f.maxLevels)}); any other value counts as other. Encoded as ${encoding}.`;
    }
    case 'number':
      return `The ${NUMBER_COLUMN_WORDS[f.column]}, used when between ${f.min} and ${f.max}.`;
    case 'ageBand':
      return `Age band at the appointment: ${AGE_BANDS.map((b, i) => `${i} = ${b.label}`).join(', ')}.`;
    case 'ethnicGroup':
      return `NHS broad ethnic group from the ethnic category code: ${ETHNIC_GROUPS.map((g, i) => `${i} = ${g}`).join(', ')}.`;
  }
}

function missingWhen(f: FeatureDef): string | null {
  switch (f.kind) {
    case 'history':
      return f.stat === 'daysSinceLastDna' ? 'the patient has no earlier DNA' : null;
    case 'leadTime':
      return 'the booked date is blank';
    case 'calendar':
      return f.part === 'hour' ? 'the extract gives no appointment time' : null;
    case 'attendanceType':
      return 'the first attendance code is blank or not 1 to 4 (5 is administrative)';
    case 'category':
      return `the ${CATEGORY_COLUMN_WORDS[f.column]} is blank`;
    case 'number':
      return `the ${f.column === 'age_years' ? 'age' : 'IMD decile'} is blank or outside ${f.min} to ${f.max}`;
    case 'ageBand':
      return 'the age is unknown';
    case 'ethnicGroup':
      // Blank and unknown codes are the "Not stated" group, a value of its own.
      return null;
  }
}

function levels(f: FeatureDef, pipeline: FeaturePipeline): string | null {
  if (f.kind !== 'category') return null;
  const learned = pipeline.categories[f.name]?.levels ?? [];
  const head = `${grouped(learned.length)} level${learned.length === 1 ? '' : 's'} + other`;
  if (IDENTIFIER_COLUMNS.has(f.column)) return `${head} (local codes, not listed)`;
  return learned.length === 0 ? head : `${head}: ${learned.join(', ')}`;
}

/** Every feature of the pipeline's spec, in matrix order, described for the model card. */
export function predictorRows(pipeline: FeaturePipeline): PredictorRow[] {
  return pipeline.spec.features.map((f) => ({
    name: f.name,
    kind: KIND_WORDS[f.kind],
    meaning: meaning(f),
    levels: levels(f, pipeline),
    missingWhen: missingWhen(f),
  }));
}

/** Names of the features that read the patient's sex or ethnicity (empty lists when the spec uses neither). */
export function sensitivePredictors(pipeline: FeaturePipeline): { sex: string[]; ethnicity: string[] } {
  const sex: string[] = [];
  const ethnicity: string[] = [];
  for (const f of pipeline.spec.features) {
    if (f.kind === 'category' && f.column === 'sex') sex.push(f.name);
    if (f.kind === 'ethnicGroup' || (f.kind === 'category' && f.column === 'ethnic_category')) ethnicity.push(f.name);
  }
  return { sex, ethnicity };
}
