import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  defaultFeatureSpec,
  featureSpecHash,
  selectFeatures,
  validateFeatureSpec,
  type FeatureSpec,
} from '../../core/features/index.ts';

const withFeature = (f: Record<string, unknown>): unknown => ({ version: 1, features: [f] });

describe('feature spec', () => {
  it('default spec is valid, plain JSON and names every feature once', () => {
    const spec = defaultFeatureSpec();
    expect(validateFeatureSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
    expect(spec.features.map((f) => f.name)).toEqual([
      'prior_appointments', 'prior_dnas', 'prior_dna_rate', 'days_since_last_dna', 'prior_patient_cancellations',
      'prior_hospital_cancellations', 'appointments_last_year', 'lead_days', 'weekday', 'hour', 'month', 'follow_up',
      'remote', 'medium', 'priority', 'specialty', 'clinic', 'age', 'sex', 'ethnic_group', 'imd_decile',
    ]);
  });

  it('hashes canonical JSON, so key order does not matter and any option does', () => {
    const a: FeatureSpec = { version: 1, features: [{ name: 'clinic', kind: 'category', column: 'clinic_code', minCount: 200, maxLevels: 50 }] };
    const text = '{"features":[{"column":"clinic_code","kind":"category","maxLevels":50,"minCount":200,"name":"clinic"}],"version":1}';
    expect(canonicalJson(a)).toBe(text);
    expect(featureSpecHash(a)).toBe(createHash('sha256').update(text).digest('hex'));
    const reordered = JSON.parse('{"features":[{"maxLevels":50,"name":"clinic","minCount":200,"column":"clinic_code","kind":"category"}],"version":1}');
    expect(featureSpecHash(reordered)).toBe(featureSpecHash(a));
    const changed: FeatureSpec = { version: 1, features: [{ ...a.features[0], minCount: 199 } as FeatureSpec['features'][0]] };
    expect(featureSpecHash(changed)).not.toBe(featureSpecHash(a));
    expect(featureSpecHash(defaultFeatureSpec())).toBe(featureSpecHash(defaultFeatureSpec()));
  });

  it('selects a subset by name in spec order, and rejects unknown names', () => {
    const sub = selectFeatures(defaultFeatureSpec(), ['clinic', 'prior_dnas']);
    expect(sub.features.map((f) => f.name)).toEqual(['prior_dnas', 'clinic']);
    expect(sub.version).toBe(1);
    expect(() => selectFeatures(defaultFeatureSpec(), ['clinic', 'shoe_size'])).toThrow(/unknown feature "shoe_size"; the spec has prior_appointments, /);
  });

  it('rejects bad specs with an error naming the feature', () => {
    const bad: [unknown, string][] = [
      [null, 'feature spec: must be an object { version, features }'],
      [{ version: 2, features: [] }, 'feature spec: version must be 1, got 2'],
      [{ version: 1, features: [] }, 'feature spec: features must be a non-empty list'],
      [{ version: 1, features: [], extra: 1 }, 'feature spec: unknown key "extra"; allowed: version, features'],
      [withFeature({ name: 'Clinic', kind: 'leadTime' }), 'feature spec: features[0]: name must be lower case letters, digits and _ starting with a letter (at most 64), got "Clinic"'],
      [withFeature({ name: 'x', kind: 'shoe' }), 'feature spec: features[0] "x": kind must be one of history, leadTime, calendar, attendanceType, category, number, ageBand, ethnicGroup, got "shoe"'],
      [withFeature({ name: 'clinic', kind: 'category', column: 'clinic_code', minCount: -3, maxLevels: 50 }), 'feature spec: features[0] "clinic": minCount must be a whole number >= 0, got -3'],
      [withFeature({ name: 'clinic', kind: 'category', column: 'clinic', minCount: 1, maxLevels: 50 }), 'feature spec: features[0] "clinic": column must be one of sex, ethnic_category, lsoa, treatment_function_code, specialty, clinic_code, first_attendance, medium, priority, got "clinic"'],
      [withFeature({ name: 'clinic', kind: 'category', column: 'clinic_code', minCount: 1, maxLevels: 5, encoding: 'hot' }), 'feature spec: features[0] "clinic": encoding must be one of ordinal, onehot, got "hot"'],
      [withFeature({ name: 'rate', kind: 'history', stat: 'smoothedDnaRate', prior: 1.5, strength: 2 }), 'feature spec: features[0] "rate": prior must be a number from 0 to 1, got 1.5'],
      [withFeature({ name: 'rate', kind: 'history', stat: 'smoothedDnaRate', prior: 0.1 }), 'feature spec: features[0] "rate": strength must be a number above 0, got nothing'],
      [withFeature({ name: 'n', kind: 'history', stat: 'priorDnas', windowDays: 30 }), 'feature spec: features[0] "n": windowDays does not apply to stat priorDnas'],
      [withFeature({ name: 'n', kind: 'history', stat: 'recentAppointments', windowDays: 0.5 }), 'feature spec: features[0] "n": windowDays must be a whole number of days from 1 to 36500, got 0.5'],
      [withFeature({ name: 'h', kind: 'calendar', part: 'hour', unit: 'minutes' }), 'feature spec: features[0] "h": unknown option "unit" for kind calendar; allowed: part'],
      [withFeature({ name: 'a', kind: 'number', column: 'age_years', min: -5, max: 10 }), 'feature spec: features[0] "a": min must be a number >= 0, got -5'],
      [withFeature({ name: 'a', kind: 'number', column: 'age_years', min: 5, max: 1 }), 'feature spec: features[0] "a": max must be a number >= min (5), got 1'],
      [{ version: 1, features: [{ name: 'w', kind: 'leadTime' }, { name: 'w', kind: 'ageBand' }] }, 'feature spec: features[1] "w": name is used twice'],
    ];
    for (const [spec, message] of bad) expect(() => validateFeatureSpec(spec), message).toThrow(message);
    expect(bad.length).toBe(17);
  });
});
