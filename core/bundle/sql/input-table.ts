/**
 * The input table of score.sql, attend_input: what the receiving trust fills
 * from its warehouse, documented in the script's header.
 */
import { CATEGORY_COLUMNS, type CategoryColumn, type FeatureSpec } from '../../features/index.ts';
import { outcomeFromCode } from '../../import/outcome.ts';
import { OUTCOMES } from '../../profile/groups.ts';

/** Name of the table score.sql reads. */
export const INPUT_TABLE = 'attend_input';

/** A column of attend_input: name, portable type, whether it may be NULL, meaning. */
export interface InputColumn {
  name: string;
  type: 'INTEGER' | `VARCHAR(${number})`;
  nullable: boolean;
  doc: string;
}

/** The columns every score.sql reads, whatever the features. */
export const BASE_INPUT_COLUMNS: readonly InputColumn[] = [
  { name: 'appointment_id', type: 'VARCHAR(64)', nullable: false, doc: 'unique id of the appointment; the output is keyed by it' },
  { name: 'patient_id', type: 'VARCHAR(64)', nullable: false, doc: "any stable pseudonym of the patient, the same on all of one patient's appointments" },
  { name: 'appointment_day', type: 'INTEGER', nullable: false, doc: 'appointment date as days since 1970-01-01 (recipes below)' },
  { name: 'appointment_minute', type: 'INTEGER', nullable: false, doc: 'appointment time as minutes after midnight, 0..1439; 0 when the time is unknown' },
  { name: 'booked_day', type: 'INTEGER', nullable: true, doc: 'date the appointment was booked, as days since 1970-01-01; NULL when unknown' },
  { name: 'age_years', type: 'INTEGER', nullable: true, doc: 'whole years of age on the appointment date; NULL when unknown' },
  { name: 'imd_decile', type: 'INTEGER', nullable: true, doc: "IMD decile of the patient's LSOA, 1 (most deprived) .. 10; NULL when unknown" },
  { name: 'outcome', type: 'VARCHAR(20)', nullable: false, doc: `one of ${OUTCOMES.join(', ')} (mapping below)` },
];

/** What each text column holds: the normalised values the app's import stores (core/import/codes.ts). */
const TEXT_COLUMN_DOCS: Record<CategoryColumn, { type: InputColumn['type']; doc: string }> = {
  sex: { type: 'VARCHAR(100)', doc: "'male' (NHS code 1, M), 'female' (2, F), 'indeterminate' (9); NULL when not known (0)" },
  ethnic_category: { type: 'VARCHAR(100)', doc: "NHS ETHNIC CATEGORY letter 'A'..'S', 'Z' not stated (only the first letter is read); NULL when not known" },
  lsoa: { type: 'VARCHAR(100)', doc: "LSOA code of the patient's address, e.g. 'E01000001'" },
  treatment_function_code: { type: 'VARCHAR(100)', doc: "treatment function code as text, e.g. '110'" },
  specialty: { type: 'VARCHAR(100)', doc: 'specialty as the extract names it' },
  clinic_code: { type: 'VARCHAR(100)', doc: 'clinic code as the extract names it' },
  first_attendance: {
    type: 'VARCHAR(100)',
    doc: "FIRST ATTENDANCE code '1' first face to face, '2' follow-up face to face, '3' first telephone or video, '4' follow-up telephone or video, '5' administrative",
  },
  medium: { type: 'VARCHAR(100)', doc: "consultation medium: 'face_to_face' (NHS 01), 'telephone' (02), 'video' (03), 'other' (04-06, 98)" },
  priority: { type: 'VARCHAR(100)', doc: "PRIORITY TYPE code '1' routine, '2' urgent, '3' two week wait" },
};

/** The text columns a spec's features read, in the appointments table's column order. */
export function inputTextColumns(spec: FeatureSpec): CategoryColumn[] {
  const used = new Set<CategoryColumn>();
  for (const f of spec.features) {
    if (f.kind === 'category') used.add(f.column);
    if (f.kind === 'attendanceType') used.add('first_attendance');
    if (f.kind === 'ethnicGroup') used.add('ethnic_category');
  }
  return CATEGORY_COLUMNS.filter((c) => used.has(c));
}

/** Every column of attend_input for a spec: the base columns, then the text columns its features read. */
export function inputColumns(spec: FeatureSpec): InputColumn[] {
  return [
    ...BASE_INPUT_COLUMNS,
    ...inputTextColumns(spec).map((c) => ({ name: c, type: TEXT_COLUMN_DOCS[c].type, nullable: true, doc: TEXT_COLUMN_DOCS[c].doc })),
  ];
}

/** CREATE TABLE attend_input (and its patient index) in types all three dialects accept. */
export function inputTableDdl(spec: FeatureSpec): string {
  const cols = inputColumns(spec).map((c) => `  ${c.name} ${c.type}${c.nullable ? '' : ' NOT NULL'}${c.name === 'appointment_id' ? ' PRIMARY KEY' : ''}`);
  return [
    `CREATE TABLE ${INPUT_TABLE} (`,
    cols.join(',\n'),
    ');',
    `CREATE INDEX ${INPUT_TABLE}_patient ON ${INPUT_TABLE} (patient_id, appointment_day, appointment_minute);`,
  ].join('\n');
}

/** How each dialect turns a date column d (and a date-time t) into appointment_day (and appointment_minute). */
export const DAY_NUMBER_RECIPES: readonly { dialect: string; day: (d: string) => string; minute: (t: string) => string }[] = [
  {
    dialect: 'SQLite',
    day: (d) => `CAST(julianday(date(${d})) - 2440587.5 AS INTEGER)`,
    minute: (t) => `CAST(strftime('%H', ${t}) AS INTEGER) * 60 + CAST(strftime('%M', ${t}) AS INTEGER)`,
  },
  {
    dialect: 'PostgreSQL',
    day: (d) => `CAST(${d} AS DATE) - DATE '1970-01-01'`,
    minute: (t) => `CAST(EXTRACT(HOUR FROM ${t}) * 60 + EXTRACT(MINUTE FROM ${t}) AS INTEGER)`,
  },
  {
    dialect: 'SQL Server',
    day: (d) => `DATEDIFF(day, '19700101', ${d})`,
    minute: (t) => `DATEPART(hour, ${t}) * 60 + DATEPART(minute, ${t})`,
  },
];

/** ATTENDED OR DID NOT ATTEND codes per outcome, as the import reads them with these DNA codes. */
export function outcomeCodes(dnaCodes: readonly string[]): Map<string, string[]> {
  const dna = new Set(dnaCodes);
  const codes = [...new Set([...'0123456789', ...dnaCodes])];
  const out = new Map<string, string[]>(OUTCOMES.map((o) => [o, []]));
  for (const code of codes) {
    const o = outcomeFromCode(code, dna);
    if (o !== null) out.get(o)?.push(code);
  }
  return out;
}
