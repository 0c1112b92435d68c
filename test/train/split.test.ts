import { describe, expect, it } from 'vitest';
import { patientFolds, temporalSlices } from '../../core/train/index.ts';

const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

describe('temporalSlices', () => {
  it('puts the latest days in test, the days before in validation, the rest in training, never mixing time', () => {
    const days = Int32Array.from(['2024-01-01', '2024-03-30', '2024-03-31', '2024-02-29', '2024-03-01', '2024-01-31'].map(day));
    const s = temporalSlices(days, 30, 31);
    // Last day 2024-03-31: test from 2024-03-01 (31 days), validation from 2024-01-31 (30 days).
    expect(s.testFrom).toBe('2024-03-01');
    expect(s.validationFrom).toBe('2024-01-31');
    expect(Array.from(s.test)).toEqual([1, 2, 4]);
    expect(Array.from(s.validation)).toEqual([3, 5]);
    expect(Array.from(s.train)).toEqual([0]);
  });

  it('refuses data too short for the split, naming the empty slice', () => {
    expect(() => temporalSlices(Int32Array.from([day('2024-01-01'), day('2024-01-02')]), 91, 91)).toThrow(/training slice is empty/);
    expect(() => temporalSlices(new Int32Array(0), 91, 91)).toThrow(/no appointments/);
  });
});

describe('patientFolds', () => {
  it('keeps every patient in one fold, reproducibly, and uses every fold', () => {
    const keys = Int32Array.from({ length: 3000 }, (_, i) => i % 500);
    const a = patientFolds(keys, 5, 9);
    const b = patientFolds(keys, 5, 9);
    expect(Array.from(a)).toEqual(Array.from(b));
    for (let i = 500; i < keys.length; i++) expect(a[i]).toBe(a[i % 500]);
    expect(new Set(a).size).toBe(5);
    expect(Array.from(patientFolds(keys, 5, 10))).not.toEqual(Array.from(a));
  });
});
