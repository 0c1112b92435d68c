/**
 * The header comment of score.sql: what the receiving trust needs to fill
 * attend_input and read the result, and what each feature column means.
 */
import type { FeatureDef, FeaturePipeline } from '../../features/index.ts';
import { AGE_BANDS } from '../../profile/groups.ts';
import type { BundlePipeline } from '../bundle-pipeline.ts';
import { calibrationSummary } from './calibration-sql.ts';
import { DAY_NUMBER_RECIPES, INPUT_TABLE, inputColumns, inputTableDdl, outcomeCodes } from './input-table.ts';
import { commentText } from './literals.ts';

const OUTCOME_NOTES: Record<string, string> = {
  attended: '',
  dna: '',
  patient_cancelled: '',
  hospital_cancelled: '',
  upcoming: ', or blank (not yet happened: these are the appointments to score)',
  unknown: ' (counts for nothing)',
};

function historyDoc(f: Extract<FeatureDef, { kind: 'history' }>): string {
  switch (f.stat) {
    case 'priorAppointments':
      return "the patient's attended or DNA appointments before this one";
    case 'priorDnas':
      return "the patient's DNAs before this one";
    case 'smoothedDnaRate':
      return `(earlier DNAs + ${f.prior} * ${f.strength}) / (earlier attended or DNA appointments + ${f.strength})`;
    case 'daysSinceLastDna':
      return "days since the patient's latest earlier DNA; missing when none";
    case 'priorPatientCancellations':
      return "the patient's appointments before this one that the patient cancelled";
    case 'priorHospitalCancellations':
      return "the patient's appointments before this one that the hospital cancelled";
    case 'recentAppointments':
      return `the patient's attended or DNA appointments in the ${f.windowDays} days before this one`;
  }
}

function featureDocs(f: FeatureDef, pipeline: FeaturePipeline): string[] {
  switch (f.kind) {
    case 'history':
      return [historyDoc(f)];
    case 'leadTime':
      return ['days from booking to the appointment, at least 0; missing when booked_day is NULL'];
    case 'calendar':
      if (f.part === 'weekday') return ['weekday, 0 Monday .. 6 Sunday'];
      if (f.part === 'month') return ['month, 1 .. 12'];
      return ['hour of the day with minutes as a fraction (9:30 is 9.5); missing when appointment_minute is 0'];
    case 'attendanceType':
      return [f.part === 'followUp' ? 'follow-up (1) or first (0) attendance from first_attendance; missing for 5 or blank' : 'telephone or video (1) or face to face (0) from first_attendance; missing for 5 or blank'];
    case 'category': {
      const levels = pipeline.categories[f.name]?.levels ?? [];
      if (f.encoding === 'onehot') {
        return [...levels.map((l) => `1 when ${f.column} is '${l}', else 0; missing when blank`), `1 when ${f.column} is none of the learned values, else 0; missing when blank`];
      }
      return [`position 0 .. ${levels.length - 1} of ${f.column} among the learned values, ${levels.length} for any other value; missing when blank`];
    }
    case 'number':
      return [`${f.column} when between ${f.min} and ${f.max}, else missing`];
    case 'ageBand':
      return [`age band ${AGE_BANDS.map((b, k) => `${k} ${b.label}`).join(', ')}; missing when age is unknown or above ${AGE_BANDS[AGE_BANDS.length - 1].max}`];
    case 'ethnicGroup':
      return ['ethnic group from the first letter of ethnic_category: 0 White (A-C), 1 Mixed (D-G), 2 Asian (H-L), 3 Black (M-P), 4 Other (R-S), 5 not stated or unknown'];
  }
}

const pad = (s: string, n: number): string => (s.length >= n ? `${s} ` : s.padEnd(n));

/** The header of score.sql as comment lines; `columnNames` are the SQL names of the feature columns. */
export function scoreSqlHeader(pipeline: BundlePipeline, numTrees: number, columnNames: readonly string[]): string[] {
  const spec = pipeline.features.spec;
  const columns = inputColumns(spec);
  const width = Math.max(...columns.map((c) => c.name.length)) + 2;
  const lines: string[] = [
    'score.sql: risk that an outpatient appointment is missed (DNA, did not attend), from an Attend model bundle.',
    `Model: ${numTrees} boosted trees (XGBoost, binary:logistic) over ${columnNames.length} feature columns.`,
    `Calibration: ${calibrationSummary(pipeline.calibration)}.`,
    'Runs unchanged in SQLite 3.35+ (with its math functions, for EXP), PostgreSQL and SQL Server: one',
    'statement, WITH ... SELECT appointment_id, outcome, probability, that computes the same features, trees and',
    "calibration as the app (probabilities agree with the app's within 1e-6).",
    '',
    'INPUT',
    `Fill a table ${INPUT_TABLE} with one row per appointment: the appointments to score AND the earlier`,
    "appointments of the same patients (attended, DNA, cancelled), because features count each patient's",
    'earlier outcomes. A row sees only its patient\'s appointments strictly earlier in time',
    '(appointment_day * 1440 + appointment_minute): appointments at the same minute never see each other,',
    'and upcoming or unknown outcomes count for nothing.',
    '',
    `  ${pad('column', width)}${pad('type', 13)}${pad('NULL', 6)}meaning`,
    ...columns.map((c) => `  ${pad(c.name, width)}${pad(c.type, 13)}${pad(c.nullable ? 'yes' : 'no', 6)}${c.doc}`),
    '',
    `outcome from the NHS ATTENDED OR DID NOT ATTEND code, as this model was trained (DNA codes ${pipeline.outcome.dnaCodes.join(', ')}):`,
    ...[...outcomeCodes(pipeline.outcome.dnaCodes)].map(([o, codes]) => `  ${pad(o, 20)}${codes.length > 0 ? codes.join(', ') : '-'}${OUTCOME_NOTES[o] ?? ''}`),
    '  (codes are read without leading zeros: 05 is 5)',
    '',
    'Text values are read trimmed of spaces; NULL or blank is missing. Values are compared exactly as',
    'written (a SQL Server case-insensitive collation also matches other letter cases; store non-ASCII',
    'text in a column whose collation holds it).',
  ];
  const categories = spec.features.filter((f) => f.kind === 'category');
  if (categories.length > 0) {
    lines.push('Values the model learned (any other non-blank value counts as "other"):');
    for (const f of categories) {
      const levels = pipeline.features.categories[f.name]?.levels ?? [];
      lines.push(`  ${f.column} (feature ${f.name}): ${levels.length > 0 ? levels.map((l) => `'${commentText(l)}'`).join(', ') : 'none'}`);
    }
  }
  lines.push('', 'Day numbers from a date column d, and minutes from a date-time column t:');
  for (const r of DAY_NUMBER_RECIPES) {
    lines.push(`  ${pad(`${r.dialect}:`, 12)}appointment_day = ${r.day('d')}`, `  ${pad('', 12)}appointment_minute = ${r.minute('t')}`);
  }
  lines.push(
    '',
    'Example table (any column types holding these values will do; the index speeds up the history):',
    ...inputTableDdl(spec).split('\n').map((l) => `  ${l}`),
    '',
    'OUTPUT',
    `appointment_id, outcome (as given in attend_input), probability: the probability of DNA (0 .. 1, after the calibration above) for every row`,
    `of ${INPUT_TABLE}, past ones too: join on appointment_id to keep the rows you need (e.g. outcome = 'upcoming').`,
    '',
    'HOW IT RUNS',
    'Stages group by appointment_id and take MAX of the one value per appointment: without this',
    "PostgreSQL and SQLite would copy each feature's expression into every tree split that tests it.",
    'So appointment_id must be unique. The history is a self-join of attend_input on patient_id.',
    ...(pipeline.calibration?.method === 'isotonic'
      ? [
          'The margin is summed tree by tree in float32, as the app sums it, because the isotonic map is steep',
          'in places and would magnify the last float32 bit: x * 536870913 - (x * 536870913 - x) rounds a',
          "double x to float32's 24 bits (Veltkamp's splitting), a few trees per stage.",
        ]
      : []),
    'PostgreSQL compiles long expressions with JIT when it is enabled; for a big model that can take',
    'longer than the query itself and much memory: run SET jit = off; in the session first.',
    '',
    'FEATURES (computed in attend_features; NULL is missing, which each tree split sends one way)',
  );
  const docs = spec.features.flatMap((f) => featureDocs(f, pipeline.features));
  docs.forEach((doc, k) => lines.push(`  ${pad(columnNames[k], 5)}${commentText(pipeline.features.columns[k])}: ${commentText(doc)}`));
  return lines.map((l) => (l === '' ? '--' : `-- ${l}`));
}
