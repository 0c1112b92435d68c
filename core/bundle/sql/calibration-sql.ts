/**
 * The calibration of score.sql: CTEs turning attend_margin(appointment_id,
 * margin) into attend_scored(appointment_id, probability) exactly as
 * core/calibrate/calibration.ts maps the model's probability.
 */
import { clippedLogit, type Calibration } from '../../calibrate/index.ts';
import { float32RoundSql } from './float32-margin.ts';
import { GROUPED_STAGE_NOTE, sqlDouble, sqlFloatValue } from './literals.ts';

const ONE = 'CAST(1 AS FLOAT)';

/** The logistic function of a SQL double expression. */
export function sigmoidSql(x: string): string {
  return `${ONE} / (${ONE} + EXP(-(${x})))`;
}

// The app feeds calibration the float32 probability, which is exactly 1 from
// this margin on (1 - 2^-25 and above rounds to 1); its logit is then clipped.
const FLOAT32_ONE_MARGIN = 25 * Math.LN2 + Math.log1p(-(2 ** -25));

function plattCtes(a: number, b: number): string[] {
  // logit(sigmoid(margin)) is the margin itself: no LN/LOG, which the dialects spell differently.
  const hi = clippedLogit(1);
  const lo = clippedLogit(0);
  return [
    [
      'attend_logit AS (',
      `  ${GROUPED_STAGE_NOTE}`,
      '  SELECT appointment_id,',
      `    MAX(CASE WHEN margin >= ${sqlDouble(FLOAT32_ONE_MARGIN)} THEN ${sqlFloatValue(hi)}`,
      `      WHEN margin <= ${sqlDouble(lo)} THEN ${sqlFloatValue(lo)}`,
      '      ELSE margin END) AS logit',
      '  FROM attend_margin',
      '  GROUP BY appointment_id',
      ')',
    ].join('\n'),
    [
      'attend_scored AS (',
      `  SELECT appointment_id, ${sigmoidSql(`${sqlFloatValue(a)} + ${sqlFloatValue(b)} * logit`)} AS probability`,
      '  FROM attend_logit',
      ')',
    ].join('\n'),
  ];
}

function isotonicCtes(xs: readonly number[], ys: readonly number[]): string[] {
  const last = xs.length - 1;
  // The app interpolates its float32 probability: round the same way (margin is the float32 sum here).
  const raw = [
    'attend_raw AS (',
    `  ${GROUPED_STAGE_NOTE}`,
    `  SELECT appointment_id, MAX(${float32RoundSql(sigmoidSql('margin'))}) AS p`,
    '  FROM attend_margin',
    '  GROUP BY appointment_id',
    ')',
  ].join('\n');
  if (last === 0) {
    return [raw, ['attend_scored AS (', `  SELECT appointment_id, ${sqlFloatValue(ys[0])} AS probability`, '  FROM attend_raw', ')'].join('\n')];
  }
  const clipped = [
    'attend_clipped AS (',
    `  ${GROUPED_STAGE_NOTE}`,
    `  SELECT appointment_id, MAX(CASE WHEN p < ${sqlDouble(xs[0])} THEN ${sqlFloatValue(xs[0])} WHEN p > ${sqlDouble(xs[last])} THEN ${sqlFloatValue(xs[last])} ELSE p END) AS t`,
    '  FROM attend_raw',
    '  GROUP BY appointment_id',
    ')',
  ].join('\n');
  // Segment k runs from point k-1 to point k; t picks the first point at or above it (at least 1), as the app's search does.
  const segment = (k: number): string => {
    const slope = (ys[k] - ys[k - 1]) / (xs[k] - xs[k - 1]);
    return `${sqlFloatValue(slope)} * (t - ${sqlFloatValue(xs[k - 1])}) + ${sqlFloatValue(ys[k - 1])}`;
  };
  const whens: string[] = [];
  for (let k = 1; k < last; k++) whens.push(`      WHEN t <= ${sqlDouble(xs[k])} THEN ${segment(k)}`);
  const scored = [
    'attend_scored AS (',
    '  SELECT appointment_id,',
    whens.length === 0 ? `    ${segment(last)} AS probability` : ['    CASE', ...whens, `      ELSE ${segment(last)}`, '    END AS probability'].join('\n'),
    '  FROM attend_clipped',
    ')',
  ].join('\n');
  return [raw, clipped, scored];
}

/** CTEs from attend_margin to attend_scored for a calibration (null: the model's own probability). */
export function calibrationCtes(calibration: Calibration | null): string[] {
  if (calibration === null) {
    return [['attend_scored AS (', `  SELECT appointment_id, ${sigmoidSql('margin')} AS probability`, '  FROM attend_margin', ')'].join('\n')];
  }
  if (calibration.method === 'platt') return plattCtes(calibration.a, calibration.b);
  return isotonicCtes(calibration.x, calibration.y);
}

/** One line saying what the calibration does, for the script's header. */
export function calibrationSummary(calibration: Calibration | null): string {
  if (calibration === null) return 'none (the model probability 1 / (1 + EXP(-margin)))';
  if (calibration.method === 'platt') return `Platt scaling, 1 / (1 + EXP(-(a + b * margin))) with a = ${calibration.a}, b = ${calibration.b}`;
  return `isotonic regression, linear between ${calibration.x.length} fitted points of the model probability`;
}
