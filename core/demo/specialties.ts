/**
 * The treatment functions the demo trust runs, with how much activity each
 * has, how it consults and how its patients attend. Effects are on the log-odds
 * of a DNA; they are invented but point the way published NHS figures do.
 */

/** One treatment function of the demo trust. */
export interface DemoSpecialty {
  /** NHS treatment function code. */
  code: string;
  name: string;
  /** Prefix of its clinic codes. */
  clinicPrefix: string;
  /** Number of clinics it runs. */
  clinics: number;
  /** Relative share of adult (16+) episodes. */
  adultWeight: number;
  /** Relative share of child (under 16) episodes. */
  childWeight: number;
  /** Share of episodes on a two-week-wait (suspected cancer) referral. */
  twoWeekWait: number;
  /** Share of episodes referred urgently. */
  urgent: number;
  /** Share of follow-ups by telephone and by video. */
  telephone: number;
  video: number;
  /** Mean days between follow-ups. */
  followUpGap: number;
  /** Episodes only for women (sex code 2). */
  femaleOnly?: boolean;
  /** DNA log-odds effect. */
  dnaEffect: number;
}

/** The demo trust's treatment functions. */
export const DEMO_SPECIALTIES: readonly DemoSpecialty[] = [
  { code: '100', name: 'General Surgery', clinicPrefix: 'GSUR', clinics: 18, adultWeight: 6, childWeight: 2, twoWeekWait: 0.08, urgent: 0.12, telephone: 0.12, video: 0.02, followUpGap: 60, dnaEffect: 0 },
  { code: '101', name: 'Urology', clinicPrefix: 'UROL', clinics: 16, adultWeight: 5, childWeight: 0, twoWeekWait: 0.15, urgent: 0.1, telephone: 0.2, video: 0.02, followUpGap: 90, dnaEffect: -0.05 },
  { code: '103', name: 'Breast Surgery', clinicPrefix: 'BRST', clinics: 8, adultWeight: 3, childWeight: 0, twoWeekWait: 0.45, urgent: 0.1, telephone: 0.15, video: 0.02, followUpGap: 120, femaleOnly: true, dnaEffect: -0.3 },
  { code: '110', name: 'Trauma & Orthopaedics', clinicPrefix: 'ORTH', clinics: 30, adultWeight: 10, childWeight: 10, twoWeekWait: 0, urgent: 0.1, telephone: 0.08, video: 0.01, followUpGap: 50, dnaEffect: 0 },
  { code: '120', name: 'ENT', clinicPrefix: 'ENT', clinics: 18, adultWeight: 6, childWeight: 12, twoWeekWait: 0.06, urgent: 0.08, telephone: 0.1, video: 0.02, followUpGap: 80, dnaEffect: 0.1 },
  { code: '130', name: 'Ophthalmology', clinicPrefix: 'OPHT', clinics: 34, adultWeight: 12, childWeight: 15, twoWeekWait: 0, urgent: 0.08, telephone: 0.03, video: 0.01, followUpGap: 100, dnaEffect: -0.1 },
  { code: '300', name: 'General Internal Medicine', clinicPrefix: 'GIM', clinics: 12, adultWeight: 4, childWeight: 0, twoWeekWait: 0, urgent: 0.15, telephone: 0.25, video: 0.04, followUpGap: 70, dnaEffect: 0.15 },
  { code: '301', name: 'Gastroenterology', clinicPrefix: 'GAST', clinics: 16, adultWeight: 5, childWeight: 0, twoWeekWait: 0.1, urgent: 0.12, telephone: 0.3, video: 0.04, followUpGap: 90, dnaEffect: 0.1 },
  { code: '320', name: 'Cardiology', clinicPrefix: 'CARD', clinics: 20, adultWeight: 6, childWeight: 0, twoWeekWait: 0, urgent: 0.15, telephone: 0.25, video: 0.03, followUpGap: 100, dnaEffect: -0.1 },
  { code: '330', name: 'Dermatology', clinicPrefix: 'DERM', clinics: 18, adultWeight: 6, childWeight: 6, twoWeekWait: 0.2, urgent: 0.05, telephone: 0.1, video: 0.1, followUpGap: 80, dnaEffect: 0.3 },
  { code: '340', name: 'Respiratory Medicine', clinicPrefix: 'RESP', clinics: 12, adultWeight: 4, childWeight: 0, twoWeekWait: 0.08, urgent: 0.12, telephone: 0.3, video: 0.03, followUpGap: 90, dnaEffect: 0.1 },
  { code: '400', name: 'Neurology', clinicPrefix: 'NEUR', clinics: 10, adultWeight: 3, childWeight: 0, twoWeekWait: 0, urgent: 0.12, telephone: 0.3, video: 0.06, followUpGap: 120, dnaEffect: 0.1 },
  { code: '410', name: 'Rheumatology', clinicPrefix: 'RHEU', clinics: 12, adultWeight: 4, childWeight: 0, twoWeekWait: 0, urgent: 0.08, telephone: 0.35, video: 0.05, followUpGap: 110, dnaEffect: -0.05 },
  { code: '420', name: 'Paediatrics', clinicPrefix: 'PAED', clinics: 20, adultWeight: 0, childWeight: 45, twoWeekWait: 0, urgent: 0.1, telephone: 0.2, video: 0.04, followUpGap: 90, dnaEffect: 0.2 },
  { code: '502', name: 'Gynaecology', clinicPrefix: 'GYNA', clinics: 16, adultWeight: 5, childWeight: 0, twoWeekWait: 0.12, urgent: 0.1, telephone: 0.2, video: 0.03, followUpGap: 70, femaleOnly: true, dnaEffect: 0.15 },
  { code: '650', name: 'Physiotherapy', clinicPrefix: 'PHYS', clinics: 24, adultWeight: 8, childWeight: 6, twoWeekWait: 0, urgent: 0.03, telephone: 0.12, video: 0.05, followUpGap: 21, dnaEffect: 0.25 },
  { code: '710', name: 'Adult Mental Illness', clinicPrefix: 'AMH', clinics: 14, adultWeight: 4, childWeight: 0, twoWeekWait: 0, urgent: 0.15, telephone: 0.3, video: 0.12, followUpGap: 35, dnaEffect: 0.55 },
  { code: '800', name: 'Clinical Oncology', clinicPrefix: 'ONCL', clinics: 10, adultWeight: 3, childWeight: 0, twoWeekWait: 0.5, urgent: 0.2, telephone: 0.3, video: 0.02, followUpGap: 45, dnaEffect: -0.6 },
];
