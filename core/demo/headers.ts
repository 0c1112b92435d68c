/** The demo extract's header row, in file order (the import's synonyms match these names). */
export const DEMO_HEADERS = [
  'Appointment ID',
  'NHS Number',
  'Local Patient Number',
  'Date of Birth',
  'Sex',
  'Ethnic Category',
  'LSOA',
  'IMD Decile',
  'Treatment Function Code',
  'Specialty',
  'Clinic Code',
  'Appointment Date',
  'Appointment Time',
  'Booked Date',
  'First Attendance',
  'Consultation Medium',
  'Priority Type',
  'Attended or Did Not Attend',
] as const;

/** One header of the demo extract. */
export type DemoHeader = (typeof DEMO_HEADERS)[number];
