/**
 * Each feature of a pipeline as a SQL expression over one row of attend_appt
 * (alias `i`) and its patient history (alias `h`), reproducing the app's
 * encoders (core/features/encoders.ts) with NULL for a missing value.
 */
import type { CategoryColumn, FeatureDef, FeaturePipeline, FeatureSpec } from '../../features/index.ts';
import { ethnicGroupIndex } from '../../features/index.ts';
import { AGE_BANDS } from '../../profile/groups.ts';
import { sqlDouble, sqlFloatValue, sqlString } from './literals.ts';

/** One matrix column of the pipeline as SQL. */
export interface FeatureColumnSql {
  /** The pipeline's column name (e.g. "medium=telephone"). */
  column: string;
  expr: string;
}

/** Name of the trimmed, blank-as-NULL copy of a text column in attend_appt. */
export function textAlias(column: CategoryColumn): string {
  return `txt_${column}`;
}

/** Distinct recentAppointments windows (days) of a spec, in first-use order. */
export function historyWindows(spec: FeatureSpec): number[] {
  return [...new Set(spec.features.flatMap((f) => (f.kind === 'history' && f.stat === 'recentAppointments' ? [f.windowDays as number] : [])))];
}

/** Whether any feature reads the patient's earlier appointments. */
export function needsHistory(spec: FeatureSpec): boolean {
  return spec.features.some((f) => f.kind === 'history');
}

/** Whether any feature needs the month of the appointment (computed in extra CTEs). */
export function needsMonth(spec: FeatureSpec): boolean {
  return spec.features.some((f) => f.kind === 'calendar' && f.part === 'month');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function historySql(f: Extract<FeatureDef, { kind: 'history' }>): string {
  switch (f.stat) {
    case 'priorAppointments':
      return 'h.prior_appointments';
    case 'priorDnas':
      return 'h.prior_dnas';
    case 'priorPatientCancellations':
      return 'h.prior_patient_cancellations';
    case 'priorHospitalCancellations':
      return 'h.prior_hospital_cancellations';
    case 'smoothedDnaRate': {
      // The same double operations as the app: (dnas + prior * strength) / (appointments + strength).
      const strength = f.strength as number;
      const pseudo = (f.prior as number) * strength;
      return `(CAST(h.prior_dnas AS FLOAT) + ${sqlFloatValue(pseudo)}) / (CAST(h.prior_appointments AS FLOAT) + ${sqlFloatValue(strength)})`;
    }
    case 'daysSinceLastDna':
      return 'i.appt_day - h.last_dna_day';
    case 'recentAppointments':
      return `h.recent_${f.windowDays as number}`;
  }
}

function calendarSql(part: 'weekday' | 'hour' | 'month'): string {
  switch (part) {
    case 'weekday':
      // 1970-01-01 was a Thursday; the outer + 7 keeps days before 1970 non-negative as the app does.
      return '((i.appt_day + 3) % 7 + 7) % 7';
    case 'month':
      return 'CASE WHEN i.civil_mp < 10 THEN i.civil_mp + 3 ELSE i.civil_mp - 9 END';
    case 'hour':
      // The import writes 00:00 when an extract has no time: minute 0 is missing.
      return `CASE WHEN i.appt_minute = 0 THEN NULL ELSE CAST(i.appt_minute AS FLOAT) / ${sqlFloatValue(60)} END`;
  }
}

function attendanceTypeSql(part: 'followUp' | 'remote'): string {
  // First attendance codes: 1 first face to face, 2 follow-up face to face, 3 first remote, 4 follow-up remote; 5 (admin) is missing.
  const [yes, no] = part === 'followUp' ? ["'2', '4'", "'1', '3'"] : ["'3', '4'", "'1', '2'"];
  const v = `i.${textAlias('first_attendance')}`;
  return `CASE WHEN ${v} IN (${yes}) THEN 1 WHEN ${v} IN (${no}) THEN 0 END`;
}

function categorySql(f: Extract<FeatureDef, { kind: 'category' }>, pipeline: FeaturePipeline): FeatureColumnSql[] {
  const map = pipeline.categories[f.name];
  if (!map) throw new Error(`feature "${f.name}": the pipeline has no category levels for it`);
  const v = `i.${textAlias(f.column)}`;
  const levels = map.levels.map((l) => sqlString(l, `feature "${f.name}" level`));
  if (f.encoding !== 'onehot') {
    const whens = levels.map((l, k) => ` WHEN ${v} = ${l} THEN ${k}`).join('');
    return [{ column: f.name, expr: `CASE WHEN ${v} IS NULL THEN NULL${whens} ELSE ${levels.length} END` }];
  }
  const columns = map.levels.map((level, k) => ({
    column: `${f.name}=${level}`,
    expr: `CASE WHEN ${v} IS NULL THEN NULL WHEN ${v} = ${levels[k]} THEN 1 ELSE 0 END`,
  }));
  const other = levels.length === 0 ? `CASE WHEN ${v} IS NULL THEN NULL ELSE 1 END` : `CASE WHEN ${v} IS NULL THEN NULL WHEN ${v} IN (${levels.join(', ')}) THEN 0 ELSE 1 END`;
  return [...columns, { column: `${f.name}=(other)`, expr: other }];
}

function numberSql(f: Extract<FeatureDef, { kind: 'number' }>): string {
  const v = f.column === 'age_years' ? 'i.age_years' : 'i.imd_decile';
  return `CASE WHEN ${v} >= ${sqlDouble(f.min)} AND ${v} <= ${sqlDouble(f.max)} THEN ${v} END`;
}

function ageBandSql(): string {
  // Bands are contiguous from 0, so "below the next band" picks the band as the app's whole-year lookup does.
  const whens = AGE_BANDS.map((b, k) => {
    if (b.min !== (k === 0 ? 0 : AGE_BANDS[k - 1].max + 1)) throw new Error(`age band ${b.label} does not follow the band before it`);
    return ` WHEN i.age_years < ${b.max + 1} THEN ${k}`;
  }).join('');
  return `CASE WHEN i.age_years IS NULL OR i.age_years < 0 THEN NULL${whens} END`;
}

function ethnicGroupSql(): string {
  const v = `i.${textAlias('ethnic_category')}`;
  const byGroup = new Map<number, string[]>();
  for (const letter of ALPHABET) {
    const g = ethnicGroupIndex(letter);
    byGroup.set(g, [...(byGroup.get(g) ?? []), letter]);
  }
  const notStated = ethnicGroupIndex('');
  const whens = [...byGroup]
    .filter(([g]) => g !== notStated)
    .sort((a, b) => a[0] - b[0])
    // LIKE with both cases: SQLite's LIKE ignores ASCII case, PostgreSQL's does not, SQL Server's follows the collation.
    .map(([g, letters]) => ` WHEN ${letters.flatMap((l) => [`${v} LIKE '${l}%'`, `${v} LIKE '${l.toLowerCase()}%'`]).join(' OR ')} THEN ${g}`)
    .join('');
  return `CASE WHEN ${v} IS NULL THEN ${notStated}${whens} ELSE ${notStated} END`;
}

/** The SQL of every matrix column of the pipeline, in the pipeline's column order. */
export function featureColumnsSql(pipeline: FeaturePipeline): FeatureColumnSql[] {
  const out = pipeline.spec.features.flatMap((f): FeatureColumnSql[] => {
    switch (f.kind) {
      case 'history':
        return [{ column: f.name, expr: historySql(f) }];
      case 'leadTime':
        return [{ column: f.name, expr: 'CASE WHEN i.booked_day IS NULL THEN NULL WHEN i.appt_day - i.booked_day < 0 THEN 0 ELSE i.appt_day - i.booked_day END' }];
      case 'calendar':
        return [{ column: f.name, expr: calendarSql(f.part) }];
      case 'attendanceType':
        return [{ column: f.name, expr: attendanceTypeSql(f.part) }];
      case 'category':
        return categorySql(f, pipeline);
      case 'number':
        return [{ column: f.name, expr: numberSql(f) }];
      case 'ageBand':
        return [{ column: f.name, expr: ageBandSql() }];
      case 'ethnicGroup':
        return [{ column: f.name, expr: ethnicGroupSql() }];
    }
  });
  const names = out.map((c) => c.column);
  if (JSON.stringify(names) !== JSON.stringify(pipeline.columns)) {
    throw new Error(`pipeline lists columns ${pipeline.columns.join(', ')} but its features make ${names.join(', ')}`);
  }
  return out;
}
