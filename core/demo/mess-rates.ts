/**
 * How messy the demo extract is on purpose, per written row, so the import's
 * checks have something real to find. Each rate is the chance that one row
 * carries that fault; tests hold the output to these figures.
 */
export const MESS_RATES = {
  /** Optional columns left blank. */
  blank: {
    'Sex': 0.004,
    'Ethnic Category': 0.015,
    'LSOA': 0.008,
    'IMD Decile': 0.012,
    'Booked Date': 0.01,
    'Consultation Medium': 0.005,
    'Priority Type': 0.008,
  },
  /** The row is written twice (same Appointment ID); both copies count as rows. */
  duplicateRow: 0.002,
  /** NHS number with a wrong check digit. */
  invalidNhsNumber: 0.003,
  /** NHS number left blank. */
  blankNhsNumber: 0.001,
  /** Appointment date that is not a calendar date, e.g. 31/02/2024. */
  impossibleAppointmentDate: 0.0005,
  /** Booked date after the appointment date. */
  bookedAfterAppointment: 0.0005,
  /** Date of birth after the appointment date. */
  birthAfterAppointment: 0.0005,
  /** Upcoming appointments whose outcome is blank instead of 0. */
  upcomingOutcomeBlank: 0.15,
} as const;

/** The columns MESS_RATES may blank. */
export type BlankableColumn = keyof typeof MESS_RATES.blank;
