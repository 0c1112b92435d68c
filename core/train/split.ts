/** How a run divides its labelled appointments. */
export type SplitSpec =
  | { kind: 'temporal'; validationDays: number; testDays: number }
  | { kind: 'patient-kfold'; folds: number; seed: number };

/** Default: the latest 91 days are the test slice, the 91 days before them the validation slice. */
export const DEFAULT_SPLIT: SplitSpec = { kind: 'temporal', validationDays: 91, testDays: 91 };

/** Row indexes of each slice of a temporal holdout, with the dates that bound them. */
export interface TemporalSlices {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
  /** First day (ISO) of the validation slice: the pipeline learns only from rows before it. */
  validationFrom: string;
  /** First day (ISO) of the test slice. */
  testFrom: string;
}

const isoDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Split by time, never shuffling across it: train on appointments before the
 * validation cut, stop early on the validation slice, report on the latest days.
 * `days` are days since 1970-01-01 of each labelled row.
 */
export function temporalSlices(
  days: Int32Array,
  validationDays: number,
  testDays: number,
  /** Slices that may be empty: external validation trains nothing, and needs validation rows only to recalibrate. */
  mayBeEmpty: readonly ('training' | 'validation')[] = [],
): TemporalSlices {
  if (days.length === 0) throw new Error('no appointments with an attended or DNA outcome to train on');
  let last = -Infinity;
  for (let i = 0; i < days.length; i++) if (days[i] > last) last = days[i];
  const testFrom = last - testDays + 1;
  const validationFrom = testFrom - validationDays;
  const train: number[] = [];
  const validation: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < days.length; i++) {
    if (days[i] >= testFrom) test.push(i);
    else if (days[i] >= validationFrom) validation.push(i);
    else train.push(i);
  }
  for (const [name, rows] of [['training', train], ['validation', validation], ['test', test]] as const) {
    if (rows.length === 0 && !(mayBeEmpty as readonly string[]).includes(name)) {
      throw new Error(
        `the ${name} slice is empty: the data spans too few days for a ${validationDays}-day validation and ${testDays}-day test split`,
      );
    }
  }
  return {
    train: Int32Array.from(train),
    validation: Int32Array.from(validation),
    test: Int32Array.from(test),
    validationFrom: isoDay(validationFrom),
    testFrom: isoDay(testFrom),
  };
}
