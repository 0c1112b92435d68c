import type { ExtractField } from './types.ts';

/**
 * Headers real extracts use for each field, most specific first. Matching ignores
 * case, spaces and punctuation, so "Appt. Date" and "APPT_DATE" both hit "Appt Date".
 */
export const FIELD_SYNONYMS: Readonly<Record<ExtractField, readonly string[]>> = {
  appointmentId: [
    'Appointment ID', 'Appt ID', 'Attendance ID', 'Appointment Identifier', 'Attendance Identifier',
    'Appointment Reference', 'Appointment Ref', 'Appt Ref', 'Appointment Number', 'Appt No', 'Booking ID',
    'Outpatient Attendance ID', 'Encounter ID',
  ],
  nhsNumber: ['NHS Number', 'NHS No', 'NHS Num', 'NHS', 'NHS Number (New)', 'New NHS Number'],
  localPatientId: [
    'Local Patient Number', 'Local Patient ID', 'Local Patient Identifier', 'MRN', 'Hospital Number', 'Hospital No',
    'PAS ID', 'PAS Number', 'Patient ID', 'Patient Number', 'Case Note Number', 'District Number', 'Unit Number', 'CRN',
  ],
  birthDate: ['Date of Birth', 'DOB', 'Birth Date', 'Person Birth Date', 'Birthdate'],
  sex: ['Sex', 'Gender', 'Person Stated Gender', 'Person Stated Gender Code', 'Patient Sex', 'Sex Code', 'Gender Code'],
  ethnicCategory: ['Ethnic Category', 'Ethnicity', 'Ethnic Group', 'Ethnic Category Code', 'Ethnicity Code', 'Ethnic Origin'],
  lsoa: ['LSOA', 'LSOA Code', 'LSOA11', 'LSOA 2011', 'LSOA 2021', 'LSOA of Residence', 'Lower Layer Super Output Area'],
  imdDecile: ['IMD Decile', 'IMD', 'Index of Multiple Deprivation Decile', 'Index of Multiple Deprivation', 'Deprivation Decile', 'IMD 2019 Decile'],
  treatmentFunctionCode: ['Treatment Function Code', 'TFC', 'Treatment Function', 'TFC Code'],
  specialty: ['Specialty', 'Speciality', 'Specialty Name', 'Specialty Description', 'Main Specialty', 'Treatment Function Name', 'TFC Description'],
  clinicCode: ['Clinic Code', 'Clinic', 'Clinic ID', 'Clinic Name'],
  appointmentDate: [
    'Appointment Date', 'Appt Date', 'Appointment Date Time', 'Appointment DateTime', 'Appt Date Time', 'Appt DateTime',
    'Appointment Start', 'Appointment Start Date Time', 'Attendance Date', 'Clinic Date', 'Date of Appointment',
  ],
  appointmentTime: ['Appointment Time', 'Appt Time', 'Appointment Start Time', 'Start Time', 'Clinic Time', 'Time of Appointment'],
  bookedDate: [
    'Booked Date', 'Date Booked', 'Booking Date', 'Referral/Booking Date', 'Appointment Booked Date', 'Appt Booked Date',
    'Date Made', 'Referral Date',
  ],
  firstAttendance: ['First Attendance', 'First/Follow-up', 'First or Follow-up', 'First Follow Up', 'Attendance Type', 'New/Follow-up', 'Visit Type'],
  medium: ['Consultation Medium', 'Consultation Medium Used', 'Medium', 'Contact Type', 'Consultation Type', 'Appointment Medium', 'Contact Medium'],
  priority: ['Priority Type', 'Priority', 'Referral Priority', 'Priority Code', 'Urgency'],
  attendanceStatus: [
    'Attended or Did Not Attend', 'Attended or DNA', 'Outcome', 'Attendance Status', 'Attendance Outcome', 'Appointment Outcome',
    'Appointment Status', 'Attendance Code', 'Attended', 'DNA', 'Did Not Attend', 'Attendance', 'Attended Flag', 'DNA Flag',
  ],
};

/** How the refusal messages name each required field. */
export const FIELD_LABELS: Readonly<Record<ExtractField, string>> = {
  appointmentId: 'appointment id',
  nhsNumber: 'NHS number',
  localPatientId: 'local patient number',
  birthDate: 'date of birth',
  sex: 'sex',
  ethnicCategory: 'ethnic category',
  lsoa: 'LSOA',
  imdDecile: 'IMD decile',
  treatmentFunctionCode: 'treatment function code',
  specialty: 'specialty',
  clinicCode: 'clinic code',
  appointmentDate: 'appointment date',
  appointmentTime: 'appointment time',
  bookedDate: 'booked date',
  firstAttendance: 'first attendance',
  medium: 'consultation medium',
  priority: 'priority type',
  attendanceStatus: 'attendance outcome',
};

/** A header reduced to lower-case letters and digits, the key synonyms match on. */
export function headerKey(header: string): string {
  let out = '';
  for (const ch of header.toLowerCase()) {
    const c = ch.charCodeAt(0);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += ch;
  }
  return out;
}
