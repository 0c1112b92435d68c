/**
 * score.sql of a bundle: one portable SQL statement that reads attend_input
 * and returns appointment_id, outcome, probability, computing the app's features
 * (core/features), the trees and the calibration. See the generated header
 * for the input table's contract.
 */
import type { TreeEnsemble } from '../engine/index.ts';
import type { BundlePipeline } from './bundle-pipeline.ts';
import { marginSqlLines } from './sql-trees.ts';
import { calibrationCtes } from './sql/calibration-sql.ts';
import { float32MarginCtes } from './sql/float32-margin.ts';
import { featureColumnsSql, historyWindows, needsHistory, needsMonth, textAlias } from './sql/feature-sql.ts';
import { INPUT_TABLE, inputTextColumns } from './sql/input-table.ts';
import { commentText, GROUPED_STAGE_NOTE } from './sql/literals.ts';
import { scoreSqlHeader } from './sql/score-header.ts';

const MINUTES_PER_DAY = 1440;

/** SQL names of the feature columns: f0, f1, ... (pipeline names may hold any text, so they go in comments). */
function featureNames(count: number): string[] {
  return Array.from({ length: count }, (_, k) => `f${k}`);
}

function apptCte(pipeline: BundlePipeline): string {
  const spec = pipeline.features.spec;
  const texts = inputTextColumns(spec).map((c) => `    CASE WHEN LTRIM(RTRIM(${c})) <> '' THEN LTRIM(RTRIM(${c})) END AS ${textAlias(c)}`);
  const cols = [
    '    appointment_id',
    '    CAST(appointment_day AS INTEGER) AS appt_day',
    '    CAST(appointment_minute AS INTEGER) AS appt_minute',
    '    CAST(booked_day AS INTEGER) AS booked_day',
    // The app's import keeps ages 0..149 and deciles 1..10, anything else is unknown.
    '    CASE WHEN age_years >= 0 AND age_years < 150 THEN age_years END AS age_years',
    '    CASE WHEN imd_decile IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10) THEN imd_decile END AS imd_decile',
    ...texts,
  ];
  if (needsMonth(spec)) cols.push('    CAST(appointment_day AS INTEGER) + 719468 AS civil_z');
  return ['attend_appt AS (', '  SELECT', cols.join(',\n'), `  FROM ${INPUT_TABLE}`, ')'].join('\n');
}

/** Month from the day number by integer civil-from-days arithmetic (z >= 0, so / truncates as floor does). */
function civilCtes(): string[] {
  return [
    'attend_civil_doe AS (\n  SELECT s.*, s.civil_z - (s.civil_z / 146097) * 146097 AS civil_doe\n  FROM attend_appt s\n)',
    'attend_civil_yoe AS (\n  SELECT s.*, (s.civil_doe - s.civil_doe / 1460 + s.civil_doe / 36524 - s.civil_doe / 146096) / 365 AS civil_yoe\n  FROM attend_civil_doe s\n)',
    'attend_civil AS (\n  SELECT s.*, (5 * (s.civil_doe - (365 * s.civil_yoe + s.civil_yoe / 4 - s.civil_yoe / 100)) + 2) / 153 AS civil_mp\n  FROM attend_civil_yoe s\n)',
  ];
}

/** Per appointment, its patient's outcomes strictly earlier in time, by a self-join (SQL Server has no RANGE frames). */
function historyCte(pipeline: BundlePipeline): string {
  const at = (t: string): string => `${t}.appointment_day * ${MINUTES_PER_DAY} + ${t}.appointment_minute`;
  const seen = "b.outcome IN ('attended', 'dna')";
  const windows = historyWindows(pipeline.features.spec).map(
    (d) => `    SUM(CASE WHEN ${seen} AND ${at('b')} >= ${at('a')} - ${d * MINUTES_PER_DAY} THEN 1 ELSE 0 END) AS recent_${d}`,
  );
  return [
    'attend_history AS (',
    '  SELECT a.appointment_id,',
    [
      `    SUM(CASE WHEN ${seen} THEN 1 ELSE 0 END) AS prior_appointments`,
      "    SUM(CASE WHEN b.outcome = 'dna' THEN 1 ELSE 0 END) AS prior_dnas",
      "    SUM(CASE WHEN b.outcome = 'patient_cancelled' THEN 1 ELSE 0 END) AS prior_patient_cancellations",
      "    SUM(CASE WHEN b.outcome = 'hospital_cancelled' THEN 1 ELSE 0 END) AS prior_hospital_cancellations",
      "    MAX(CASE WHEN b.outcome = 'dna' THEN b.appointment_day END) AS last_dna_day",
      ...windows,
    ].join(',\n'),
    `  FROM ${INPUT_TABLE} a`,
    `  LEFT JOIN ${INPUT_TABLE} b`,
    '    ON b.patient_id = a.patient_id',
    `    AND ${at('b')} < ${at('a')}`,
    '  GROUP BY a.appointment_id',
    ')',
  ].join('\n');
}

function featuresCte(pipeline: BundlePipeline, names: readonly string[]): string {
  const spec = pipeline.features.spec;
  const cols = featureColumnsSql(pipeline.features);
  const lines = cols.map((c, k) => `    MAX(${c.expr}) AS ${names[k]}${k < cols.length - 1 ? ',' : ''} -- ${commentText(c.column)}`);
  return [
    'attend_features AS (',
    `  ${GROUPED_STAGE_NOTE}`,
    '  SELECT i.appointment_id,',
    ...lines,
    `  FROM ${needsMonth(spec) ? 'attend_civil' : 'attend_appt'} i`,
    ...(needsHistory(spec) ? ['  JOIN attend_history h ON h.appointment_id = i.appointment_id'] : []),
    '  GROUP BY i.appointment_id',
    ')',
  ].join('\n');
}

/** The CTEs up to attend_features (appointment_id, f0, f1, ...), shared by scoreSql and featuresSql. */
function featureCtes(pipeline: BundlePipeline, names: readonly string[]): string[] {
  const spec = pipeline.features.spec;
  return [
    apptCte(pipeline),
    ...(needsMonth(spec) ? civilCtes() : []),
    ...(needsHistory(spec) ? [historyCte(pipeline)] : []),
    featuresCte(pipeline, names),
  ];
}

/** A statement returning appointment_id and the feature columns f0, f1, ... (NULL = missing): the features score.sql computes. */
export function featuresSql(pipeline: BundlePipeline): string {
  const names = featureNames(pipeline.features.columns.length);
  return `WITH\n${featureCtes(pipeline, names).join(',\n')}\nSELECT appointment_id, ${names.join(', ')} FROM attend_features ORDER BY appointment_id;\n`;
}

/** score.sql: the documented header, then one WITH ... SELECT appointment_id, outcome, probability statement. */
export function scoreSql(pipeline: BundlePipeline, ensemble: TreeEnsemble): string {
  const names = featureNames(pipeline.features.columns.length);
  if (ensemble.numFeature !== names.length) {
    throw new Error(`the model has ${ensemble.numFeature} features but pipeline.json lists ${names.length} columns`);
  }
  // Isotonic steps magnify the float32 rounding of the app's margins, so only then is it reproduced (slower SQL).
  const exact = pipeline.calibration?.method === 'isotonic';
  const margin = exact ? float32MarginCtes(ensemble, names).join(',\n') : [
    'attend_margin AS (',
    `  ${GROUPED_STAGE_NOTE}`,
    '  SELECT appointment_id, MAX(',
    ...marginSqlLines(ensemble, names, '    '),
    '    ) AS margin',
    '  FROM attend_features',
    '  GROUP BY appointment_id',
    ')',
  ].join('\n');
  const ctes = [...featureCtes(pipeline, names), margin, ...calibrationCtes(pipeline.calibration)];
  return [
    ...scoreSqlHeader(pipeline, ensemble.numTrees, names),
    'WITH',
    ctes.join(',\n'),
    // The same three columns as score.mjs and score.py.
    'SELECT s.appointment_id, i.outcome, s.probability',
    'FROM attend_scored s JOIN attend_input i ON i.appointment_id = s.appointment_id',
    'ORDER BY s.appointment_id;',
    '',
  ].join('\n');
}
