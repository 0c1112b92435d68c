import type { ExtractField, Outcome } from '../../../core/api/index.ts';

// The renderer may import only types from the core, so the field and outcome
// lists are restated here; the Record types make the compiler refuse a list
// that misses one, and a unit test checks the order against the core's.

/** Each extract field in words, in the core's EXTRACT_FIELDS order (the order a saved mapping lists them). */
export const FIELD_TEXT: Readonly<Record<ExtractField, string>> = {
  appointmentId: 'Appointment id',
  nhsNumber: 'NHS number',
  localPatientId: 'Local patient number',
  birthDate: 'Date of birth',
  sex: 'Sex',
  ethnicCategory: 'Ethnic category',
  lsoa: 'LSOA of residence',
  imdDecile: 'IMD decile',
  treatmentFunctionCode: 'Treatment function code',
  specialty: 'Specialty',
  clinicCode: 'Clinic code',
  appointmentDate: 'Appointment date',
  appointmentTime: 'Appointment time',
  bookedDate: 'Booked date',
  firstAttendance: 'First attendance',
  medium: 'Consultation medium',
  priority: 'Priority type',
  attendanceStatus: 'Attendance outcome',
};

/** Every extract field, in the core's order. */
export const MAPPING_FIELDS: readonly ExtractField[] = Object.keys(FIELD_TEXT) as ExtractField[];

/** Fields the import cannot do without (besides one patient identifier). */
export const REQUIRED_FIELDS: readonly ExtractField[] = ['appointmentDate', 'attendanceStatus'];

/** The fields as the form groups them: what the import needs first, then the rest. */
export const FIELD_GROUPS: readonly { title: string; fields: readonly ExtractField[] }[] = [
  { title: 'Needed for every import', fields: ['appointmentDate', 'attendanceStatus', 'nhsNumber', 'localPatientId'] },
  {
    title: 'Appointment',
    fields: ['appointmentId', 'appointmentTime', 'bookedDate', 'clinicCode', 'specialty', 'treatmentFunctionCode', 'firstAttendance', 'medium', 'priority'],
  },
  { title: 'Patient', fields: ['birthDate', 'sex', 'ethnicCategory', 'lsoa', 'imdDecile'] },
];

/** The label of a field's column picker, saying when it is required. */
export function fieldLabel(field: ExtractField): string {
  if (REQUIRED_FIELDS.includes(field)) return `${FIELD_TEXT[field]} (required)`;
  if (field === 'nhsNumber') return 'NHS number (this or the local patient number)';
  if (field === 'localPatientId') return 'Local patient number (this or the NHS number)';
  return FIELD_TEXT[field];
}

/** The core's missingRequired list in words: both patient identifiers read as one choice. */
export function missingText(missing: readonly ExtractField[]): string {
  const parts: string[] = [];
  for (const field of missing) {
    if (field === 'localPatientId' && missing.includes('nhsNumber')) continue;
    if (field === 'nhsNumber' && missing.includes('localPatientId')) parts.push('NHS number or local patient number');
    else parts.push(FIELD_TEXT[field].toLowerCase());
  }
  return parts.join(', ');
}

/** What each outcome means, in the order the outcome pickers offer them. */
export const OUTCOME_TEXT: Readonly<Record<Outcome, string>> = {
  attended: 'Attended',
  dna: 'Did not attend (DNA)',
  patient_cancelled: 'Cancelled by the patient',
  hospital_cancelled: 'Cancelled by the hospital',
  upcoming: 'Not yet happened',
  unknown: 'Not known (left out of training)',
};

/** Every outcome a value can be mapped to. */
export const OUTCOMES: readonly Outcome[] = Object.keys(OUTCOME_TEXT) as Outcome[];

/** The ATTENDED OR DID NOT ATTEND codes HES counts as DNA, the import's default. */
export const DEFAULT_DNA_CODES: readonly string[] = ['3', '7'];
