/**
 * The built-in feature spec's features in plain words, for the feature picker and
 * importance charts. The core validates names (an unknown one is refused with a
 * message naming it); this list only decides what the form offers.
 */
export const FEATURES: readonly { name: string; label: string; group: string }[] = [
  { name: 'prior_appointments', label: 'Earlier appointments', group: 'Patient history' },
  { name: 'prior_dnas', label: 'Earlier DNAs', group: 'Patient history' },
  { name: 'prior_dna_rate', label: 'Earlier DNA rate', group: 'Patient history' },
  { name: 'days_since_last_dna', label: 'Days since last DNA', group: 'Patient history' },
  { name: 'prior_patient_cancellations', label: 'Cancellations by the patient', group: 'Patient history' },
  { name: 'prior_hospital_cancellations', label: 'Cancellations by the hospital', group: 'Patient history' },
  { name: 'appointments_last_year', label: 'Appointments in the last year', group: 'Patient history' },
  { name: 'lead_days', label: 'Days between booking and appointment', group: 'Appointment' },
  { name: 'weekday', label: 'Weekday', group: 'Appointment' },
  { name: 'hour', label: 'Hour of day', group: 'Appointment' },
  { name: 'month', label: 'Month', group: 'Appointment' },
  { name: 'follow_up', label: 'Follow-up (not first) appointment', group: 'Appointment' },
  { name: 'remote', label: 'Telephone or video', group: 'Appointment' },
  { name: 'medium', label: 'Consultation medium', group: 'Appointment' },
  { name: 'priority', label: 'Priority (routine, urgent, two-week wait)', group: 'Appointment' },
  { name: 'specialty', label: 'Specialty', group: 'Service' },
  { name: 'clinic', label: 'Clinic', group: 'Service' },
  { name: 'age', label: 'Age', group: 'Patient' },
  { name: 'sex', label: 'Sex', group: 'Patient' },
  { name: 'ethnic_group', label: 'Ethnic group', group: 'Patient' },
  { name: 'imd_decile', label: 'Deprivation decile (IMD)', group: 'Patient' },
];

const LABELS = new Map(FEATURES.map((f) => [f.name, f.label]));

/** A model column in words: `medium=telephone` reads "Consultation medium: telephone". */
export function featureLabel(column: string): string {
  const eq = column.indexOf('=');
  if (eq > 0) {
    const base = LABELS.get(column.slice(0, eq)) ?? column.slice(0, eq);
    return `${base}: ${column.slice(eq + 1).replace(/_/g, ' ')}`;
  }
  return LABELS.get(column) ?? column.replace(/_/g, ' ');
}
