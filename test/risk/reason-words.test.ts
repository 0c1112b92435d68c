import { describe, expect, it } from 'vitest';
import type { FeaturePipeline } from '../../core/features/index.ts';
import { reasonInWords } from '../../core/risk/index.ts';

const pipeline = { categories: { specialty: { column: 'specialty', levels: ['Dermatology', 'Cardiology'] }, priority: { column: 'priority', levels: ['1', '3'] } } } as unknown as FeaturePipeline;
const say = (feature: string, value: number | null) => reasonInWords({ feature, value, contribution: 0.5 }, pipeline);

describe('reasonInWords', () => {
  it('puts history, lead time and timing in plain words', () => {
    expect(say('prior_dnas', 3)).toBe('3 missed appointments before');
    expect(say('prior_dnas', 1)).toBe('1 missed appointment before');
    expect(say('lead_days', 84)).toBe('booked 84 days ahead');
    expect(say('prior_dna_rate', 0.426)).toBe('missed about 43% of earlier appointments');
    expect(say('weekday', 0)).toBe('on a Monday');
    expect(say('hour', 8.5)).toBe('at 08:30');
    expect(say('imd_decile', 1)).toBe('lives in deprivation decile 1 (1 is the most deprived)');
  });
  it('names category levels through the pipeline, with "other" and missing values', () => {
    expect(say('specialty', 0)).toBe('Dermatology clinic');
    expect(say('specialty', 2)).toBe('a less common specialty clinic');
    expect(say('priority', 1)).toBe('two-week-wait priority');
    expect(say('medium=telephone', 1)).toBe('appointment by telephone');
    expect(say('lead_days', null)).toBe('lead days not recorded');
  });
});
