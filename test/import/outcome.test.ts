import { describe, expect, it } from 'vitest';
import { makeOutcomeReader } from '../../core/import/index.ts';

describe('makeOutcomeReader', () => {
  it('maps ATTENDED OR DID NOT ATTEND codes as HES does, with leading zeros', () => {
    const read = makeOutcomeReader();
    const codes = ['5', '6', '05', '3', '7', '2', '4', '0', '00', '', ' ', '9', '1', '8', 'X'];
    expect(codes.map(read)).toEqual([
      'attended', 'attended', 'attended', 'dna', 'dna', 'patient_cancelled', 'hospital_cancelled',
      'upcoming', 'upcoming', 'upcoming', 'upcoming', 'unknown', null, null, null,
    ]);
  });

  it('counts only the configured DNA codes: 7 not listed is unknown', () => {
    const read = makeOutcomeReader({ dnaCodes: ['3'] });
    expect(['3', '7', '07'].map(read)).toEqual(['dna', 'unknown', 'unknown']);
    expect(makeOutcomeReader({ dnaCodes: ['03', '6'] })('6')).toBe('dna');
  });

  it('reads common labels case-insensitively', () => {
    const read = makeOutcomeReader();
    const labels = [
      'Attended', 'ATTENDED', 'Did not attend', 'DNA', 'dna', 'Patient cancelled', 'Cancelled by patient',
      'Hospital cancelled', 'Cancelled by hospital', 'Not yet attended', 'Arrived late', 'Arrived late, not seen',
      'Could not attend', 'Not known', 'Was not brought', 'Cancelled',
    ];
    expect(labels.map(read)).toEqual([
      'attended', 'attended', 'dna', 'dna', 'dna', 'patient_cancelled', 'patient_cancelled',
      'hospital_cancelled', 'hospital_cancelled', 'upcoming', 'attended', 'dna',
      'patient_cancelled', 'unknown', 'dna', null,
    ]);
  });

  it('lets outcomeValues from a mapping file win over the built-in meanings', () => {
    const read = makeOutcomeReader({ outcomeValues: { Yes: 'attended', No: 'dna', '5': 'unknown' } });
    expect(['yes', ' YES ', 'No', '5', 'Maybe'].map(read)).toEqual(['attended', 'attended', 'dna', 'unknown', null]);
  });

  it('reads yes/no by the meaning of a flag column header', () => {
    expect(['Y', 'No', 'true'].map(makeOutcomeReader({ header: 'DNA Flag' }))).toEqual(['dna', 'attended', 'dna']);
    expect(['Y', 'No'].map(makeOutcomeReader({ header: 'Attended' }))).toEqual(['attended', 'dna']);
    expect(makeOutcomeReader({ header: 'Outcome' })('Yes')).toBeNull();
  });
});
