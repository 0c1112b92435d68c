/**
 * One patient's outpatient history: referral episodes with a first appointment
 * and follow-ups, each booked some days ahead, each with an outcome drawn from
 * the DNA model given everything that happened to the patient before.
 */
import { EXTRACT_DAY, HISTORY_DAYS, UPCOMING_DAYS, weekday } from './calendar.ts';
import type { ClinicSet } from './clinics.ts';
import { dnaProbability } from './dna-model.ts';
import type { DemoPatient } from './patients.ts';
import { cumulativeWeights, type Rng } from './rng.ts';

/** One simulated appointment (before any deliberate mess). */
export interface DemoAppointment {
  day: number;
  /** Minutes after midnight. */
  minutes: number;
  bookedDay: number;
  clinic: ClinicSet;
  clinicCode: string;
  /** NHS FIRST ATTENDANCE code 1-4. */
  firstAttendance: string;
  /** NHS consultation medium code 01/02/03. */
  medium: string;
  /** Priority type 1/2/3. */
  priority: string;
  /** ATTENDED OR DID NOT ATTEND code; 0 for upcoming. */
  outcome: string;
}

/** First day written to the extract. */
export const WINDOW_FIRST_DAY = EXTRACT_DAY - HISTORY_DAYS + 1;
/** Last day written to the extract (upcoming appointments end here). */
export const WINDOW_LAST_DAY = EXTRACT_DAY + UPCOMING_DAYS;

/** Shares of outcomes decided before attendance (of appointments that have happened). */
export const HOSPITAL_CANCELLED_SHARE = 0.04;
export const PATIENT_CANCELLED_SHARE = 0.05;
export const NOT_KNOWN_SHARE = 0.003;
/** Of DNAs, the share who arrived too late to be seen (code 7). */
export const LATE_NOT_SEEN_SHARE = 0.06;
/** Of attendances, the share who arrived late but were seen (code 6). */
export const LATE_SEEN_SHARE = 0.04;

// Histories start before the window so early rows already have a past.
const LEAD_IN_DAYS = 120;
const MAX_APPOINTMENTS = 60;
const NEW_EPISODE_CHANCE = 0.18;

/** Simulates one patient's appointments in date order and returns those inside the extract window. */
export class AppointmentSimulator {
  private readonly adultCum: number[];
  private readonly childCum: number[];
  private readonly femaleAdultCum: number[];
  private readonly femaleChildCum: number[];

  constructor(
    private readonly rng: Rng,
    private readonly clinics: ClinicSet[],
  ) {
    const weights = (child: boolean, female: boolean): number[] =>
      clinics.map(({ specialty: s }) => (s.femaleOnly && !female ? 0 : child ? s.childWeight : s.adultWeight));
    this.adultCum = cumulativeWeights(weights(false, false));
    this.childCum = cumulativeWeights(weights(true, false));
    this.femaleAdultCum = cumulativeWeights(weights(false, true));
    this.femaleChildCum = cumulativeWeights(weights(true, true));
  }

  /** The patient's appointments that fall inside the extract window, oldest first. */
  simulate(patient: DemoPatient): DemoAppointment[] {
    const rng = this.rng;
    // Number of appointments: 1 + geometric, mean about 9 (fewer fall inside the window), long tail.
    const planned = Math.min(MAX_APPOINTMENTS, 1 + Math.floor(Math.log(1 - rng.next()) / Math.log(1 - 0.11)));
    const earliest = Math.max(WINDOW_FIRST_DAY - LEAD_IN_DAYS, patient.birthDay + 14);
    let day = earliest + rng.int(WINDOW_LAST_DAY - earliest + 1);

    const out: DemoAppointment[] = [];
    let previousDnas = 0;
    let lastWasDna = false;
    let clinic: ClinicSet = this.clinics[0];
    let clinicCode = '';
    let priority = '1';
    let prevDay = day;
    const female = patient.sex === '2';

    for (let k = 0; k < planned; k++) {
      const first = k === 0 || rng.chance(NEW_EPISODE_CHANCE);
      if (k > 0) {
        const gap = first ? 30 + Math.round(-Math.log(1 - rng.next()) * 150) : 7 + Math.round(-Math.log(1 - rng.next()) * clinic.specialty.followUpGap);
        day = prevDay + gap;
      }
      if (day > WINDOW_LAST_DAY) break;
      day = this.toWeekday(day);
      const age = (day - patient.birthDay) / 365.25;
      if (first) {
        const child = age < 16;
        const cum = child ? (female ? this.femaleChildCum : this.childCum) : female ? this.femaleAdultCum : this.adultCum;
        clinic = this.clinics[rng.pickCumulative(cum)];
        clinicCode = clinic.codes[rng.pickCumulative(clinic.cumulative)];
        const s = clinic.specialty;
        const u = rng.next();
        priority = u < s.twoWeekWait ? '3' : u < s.twoWeekWait + s.urgent ? '2' : '1';
      } else if (rng.chance(0.1)) {
        // Follow-ups sometimes land in another clinic of the same service.
        clinicCode = clinic.codes[rng.pickCumulative(clinic.cumulative)];
      }

      const medium = this.medium(clinic, first);
      const remote = medium !== '01';
      const firstAttendance = first ? (remote ? '3' : '1') : remote ? '4' : '2';
      const minutes = this.clinicTime();
      const lead = first ? this.firstLead(priority) : this.followUpLead(day - prevDay);
      // Babies' first appointments are not booked before they are born.
      const bookedDay = Math.max(day - lead, patient.birthDay);

      let outcome: string;
      if (day > EXTRACT_DAY) {
        outcome = '0';
      } else {
        const u = rng.next();
        if (u < HOSPITAL_CANCELLED_SHARE) outcome = '4';
        else if (u < HOSPITAL_CANCELLED_SHARE + PATIENT_CANCELLED_SHARE) outcome = '2';
        else if (u < HOSPITAL_CANCELLED_SHARE + PATIENT_CANCELLED_SHARE + NOT_KNOWN_SHARE) outcome = '9';
        else {
          const p = dnaProbability(
            {
              patientPropensity: patient.propensity,
              previousDnas,
              lastWasDna,
              leadDays: lead,
              ageYears: age,
              imdDecile: patient.imdDecile,
              weekday: weekday(day),
              minutes,
              specialtyEffect: clinic.specialty.dnaEffect,
              medium,
              priority,
              firstAppointment: first,
              male: patient.sex === '1',
            },
            rng.normal(),
          );
          const dna = rng.next() < p;
          if (dna) outcome = rng.chance(LATE_NOT_SEEN_SHARE) ? '7' : '3';
          else outcome = rng.chance(LATE_SEEN_SHARE) ? '6' : '5';
          if (dna) previousDnas++;
          lastWasDna = dna;
        }
      }

      // A future appointment not booked by the extract date is not in the extract yet.
      if (day >= WINDOW_FIRST_DAY && bookedDay <= EXTRACT_DAY) {
        out.push({ day, minutes, bookedDay, clinic, clinicCode, firstAttendance, medium, priority, outcome });
      }
      prevDay = day;
    }
    return out;
  }

  /** Weekend days mostly move to a weekday of the same week; a few weekend clinics stay. */
  private toWeekday(day: number): number {
    const wd = weekday(day);
    if (wd < 5 || this.rng.chance(0.02)) return day;
    return day - wd + this.rng.int(5);
  }

  /** Clinic sessions 08:00-12:30 and 13:00-17:30 in 10-minute slots; 8 o'clock starts are rarer. */
  private clinicTime(): number {
    const rng = this.rng;
    let m = (rng.chance(0.56) ? 8 * 60 : 13 * 60) + 10 * rng.int(28);
    if (m < 9 * 60 && rng.chance(0.5)) m = 9 * 60 + 10 * rng.int(22);
    return m;
  }

  private medium(clinic: ClinicSet, first: boolean): string {
    const s = clinic.specialty;
    const scale = first ? 0.35 : 1;
    const u = this.rng.next();
    if (u < s.telephone * scale) return '02';
    if (u < (s.telephone + s.video) * scale) return '03';
    return '01';
  }

  /** Referral-to-appointment wait by priority. */
  private firstLead(priority: string): number {
    const rng = this.rng;
    if (priority === '3') return 2 + rng.int(13);
    if (priority === '2') return 3 + rng.int(26);
    return Math.min(200, 7 + Math.round(-Math.log(1 - rng.next()) * 50));
  }

  /** Follow-ups are often booked at the previous visit, otherwise nearer the date. */
  private followUpLead(sincePrevious: number): number {
    const rng = this.rng;
    if (rng.chance(0.6)) return Math.min(sincePrevious, 200);
    return Math.min(sincePrevious, Math.round(-Math.log(1 - rng.next()) * 20));
  }
}
