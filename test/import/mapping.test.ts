import { describe, expect, it } from 'vitest';
import { assertRequiredMapped, detectMapping, EXTRACT_FIELDS } from '../../core/import/index.ts';
import { DEMO_HEADER } from './helpers/big-extract.ts';

describe('detectMapping', () => {
  it('maps every column of the demo extract header', () => {
    const r = detectMapping(DEMO_HEADER.split(','));
    expect(Object.keys(r.mapping)).toEqual([...EXTRACT_FIELDS]);
    expect(r.mapping.attendanceStatus).toBe('Attended or Did Not Attend');
    expect(r.unmappedHeaders).toEqual([]);
    expect(r.missingRequired).toEqual([]);
  });

  it('matches common variants ignoring case, spaces and punctuation', () => {
    const headers = ['APPT_ID', 'nhs no.', 'MRN', 'D.O.B', 'Gender', 'Ethnicity', 'Index of Multiple Deprivation Decile', 'TFC',
      'Clinic', 'Appointment Date Time', 'Referral/Booking Date', 'First/Follow-up', 'Contact Type', 'Priority', 'Attendance Status', 'Notes'];
    const r = detectMapping(headers);
    expect(r.mapping).toEqual({
      appointmentId: 'APPT_ID', nhsNumber: 'nhs no.', localPatientId: 'MRN', birthDate: 'D.O.B', sex: 'Gender',
      ethnicCategory: 'Ethnicity', imdDecile: 'Index of Multiple Deprivation Decile', treatmentFunctionCode: 'TFC',
      clinicCode: 'Clinic', appointmentDate: 'Appointment Date Time', bookedDate: 'Referral/Booking Date',
      firstAttendance: 'First/Follow-up', medium: 'Contact Type', priority: 'Priority', attendanceStatus: 'Attendance Status',
    });
    expect(r.unmappedHeaders).toEqual(['Notes']);
    expect(r.index.appointmentDate).toBe(9);
  });

  it('lets the mapping file override detection and names a mapped header the file lacks', () => {
    const headers = ['Ref', 'Patient', 'When', 'Outcome', 'Appointment Date'];
    const r = detectMapping(headers, { columns: { appointmentId: 'ref', localPatientId: 'PATIENT', appointmentDate: 'When' } });
    expect(r.mapping).toEqual({ appointmentId: 'Ref', localPatientId: 'Patient', appointmentDate: 'When', attendanceStatus: 'Outcome' });
    expect(r.unmappedHeaders).toEqual(['Appointment Date']);
    expect(() => detectMapping(headers, { columns: { appointmentDate: 'Visit Date' } })).toThrow(
      "mapping file: column 'Visit Date' (for appointmentDate) is not in the file; its headers are: Ref, Patient, When, Outcome, Appointment Date",
    );
    expect(() => detectMapping(headers, { columns: { apptDate: 'When' } as never })).toThrow(/unknown field 'apptDate'/);
  });

  it('leaves a field the mapping file sets to null unmapped, even when a header looks like it', () => {
    const headers = ['Appointment ID', 'NHS Number', 'Appointment Date', 'Outcome', 'Clinic Code'];
    const r = detectMapping(headers, { columns: { clinicCode: null } });
    expect(r.mapping).toEqual({ appointmentId: 'Appointment ID', nhsNumber: 'NHS Number', appointmentDate: 'Appointment Date', attendanceStatus: 'Outcome' });
    expect(r.index.clinicCode).toBeUndefined();
    expect(r.unmappedHeaders).toEqual(['Clinic Code']);
    expect(r.missingRequired).toEqual([]);
    const noDate = detectMapping(headers, { columns: { appointmentDate: null, clinicCode: 'Clinic Code' } });
    expect(noDate.mapping.appointmentDate).toBeUndefined();
    expect(noDate.unmappedHeaders).toEqual(['Appointment Date']);
    expect(noDate.missingRequired).toEqual(['appointmentDate']);
    expect(() => assertRequiredMapped(noDate)).toThrow(/^no appointment date column found \(looked for: Appointment Date, /);
    expect(() => detectMapping(headers, { columns: { clinic: null } as never })).toThrow(
      `mapping file: unknown field 'clinic' in columns (fields are: ${EXTRACT_FIELDS.join(', ')})`,
    );
  });

  it('refuses a file without the required columns, saying what it looked for', () => {
    const noDate = detectMapping(['Appointment ID', 'NHS Number', 'Outcome']);
    expect(noDate.missingRequired).toEqual(['appointmentDate']);
    expect(() => assertRequiredMapped(noDate)).toThrow(/^no appointment date column found \(looked for: Appointment Date, Appt Date, /);
    const noOutcome = detectMapping(['NHS Number', 'Appt Date']);
    expect(() => assertRequiredMapped(noOutcome)).toThrow(/^no attendance outcome column found \(looked for: Attended or Did Not Attend, /);
    const noPatient = detectMapping(['Appt Date', 'Outcome']);
    expect(noPatient.missingRequired).toEqual(['nhsNumber', 'localPatientId']);
    expect(() => assertRequiredMapped(noPatient)).toThrow(/^no patient identifier column found \(looked for: NHS Number, /);
  });
});
