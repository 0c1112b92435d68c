import { describe, expect, it } from 'vitest';
import { previewExtract } from '../../core/import/index.ts';
import { fixture } from './helpers/workspace.ts';

describe('previewExtract', () => {
  it('shows the first rows and the detected mapping without importing', async () => {
    const p = await previewExtract(fixture('tab-delimited.tsv'));
    expect([p.encoding, p.delimiter, p.headers.length, p.rows.length]).toEqual(['utf-8', '\t', 17, 3]);
    expect(p.rows[2][0]).toBe('T3');
    expect(p.mapping.appointmentDate).toBe('Appt Date');
    expect(p.unmappedHeaders).toEqual([]);
    expect(p.missingRequired).toEqual([]);
  });

  it('lists required fields nothing maps, and honours a mapping file', async () => {
    const plain = await previewExtract(fixture('yes-no.csv'));
    expect(plain.missingRequired).toEqual(['appointmentDate', 'attendanceStatus', 'nhsNumber', 'localPatientId']);
    expect(plain.unmappedHeaders).toEqual(['Visit Ref', 'Patient', 'Visit Day', 'Showed Up', 'Age Band']);
    const mapped = await previewExtract(fixture('yes-no.csv'), {
      columns: { appointmentId: 'Visit Ref', localPatientId: 'Patient', appointmentDate: 'Visit Day', attendanceStatus: 'Showed Up' },
    });
    expect(mapped.missingRequired).toEqual([]);
    expect(mapped.unmappedHeaders).toEqual(['Age Band']);
    expect(mapped.rows).toEqual([
      ['V1', 'p-001', '10/31/2024', 'Yes', '40-49'],
      ['V2', 'p-002', '11/01/2024', 'No', '20-29'],
      ['V3', 'p-001', '11/02/2024', 'yes', '40-49'],
      ['V4', 'p-003', '11/03/2024', '', '60-69'],
    ]);
  });

  it('refuses binary and empty files as the import does', async () => {
    await expect(previewExtract(fixture('binary-garbage.csv'))).rejects.toThrow(/is not a CSV text file/);
    await expect(previewExtract(fixture('empty.csv'))).rejects.toThrow(/is empty$/);
  });
});
