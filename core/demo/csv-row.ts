/**
 * Turns a simulated appointment into one CSV line of the extract, adding the
 * deliberate faults of MESS_RATES on the way.
 */
import { formatTime, formatUkDate, yearOf } from './calendar.ts';
import type { DemoAppointment } from './appointments.ts';
import { MESS_RATES, type BlankableColumn } from './mess-rates.ts';
import type { DemoPatient } from './patients.ts';
import type { Rng } from './rng.ts';

const SHORT_MONTHS = ['02', '04', '06', '09', '11'];

/** Formats rows; holds the generator that decides the faults. */
export class CsvRowWriter {
  constructor(private readonly rng: Rng) {}

  /** One CRLF-terminated line. Fields never hold commas, quotes or newlines, so none are quoted. */
  line(id: number, patient: DemoPatient, a: DemoAppointment): string {
    const rng = this.rng;
    let nhs = patient.nhsNumber;
    const u = rng.next();
    if (u < MESS_RATES.invalidNhsNumber) {
      const check = nhs.charCodeAt(9) - 48;
      nhs = nhs.slice(0, 9) + String((check + 1 + rng.int(9)) % 10);
    } else if (u < MESS_RATES.invalidNhsNumber + MESS_RATES.blankNhsNumber) {
      nhs = '';
    }

    let appointmentDate = formatUkDate(a.day);
    let bookedDate = formatUkDate(a.bookedDay);
    let birthDate = formatUkDate(patient.birthDay);
    const d = rng.next();
    const r = MESS_RATES;
    if (d < r.impossibleAppointmentDate) {
      const mm = SHORT_MONTHS[rng.int(SHORT_MONTHS.length)];
      appointmentDate = `${mm === '02' ? '30' : '31'}/${mm}/${yearOf(a.day)}`;
    } else if (d < r.impossibleAppointmentDate + r.bookedAfterAppointment) {
      bookedDate = formatUkDate(a.day + 1 + rng.int(30));
    } else if (d < r.impossibleAppointmentDate + r.bookedAfterAppointment + r.birthAfterAppointment) {
      birthDate = formatUkDate(a.day + 1 + rng.int(400));
    }

    const blank = (column: BlankableColumn, value: string): string => (rng.next() < r.blank[column] ? '' : value);
    const outcome = a.outcome === '0' && rng.next() < r.upcomingOutcomeBlank ? '' : a.outcome;
    const s = a.clinic.specialty;
    return (
      [
        `APT${String(id).padStart(8, '0')}`,
        nhs,
        patient.localNumber,
        birthDate,
        blank('Sex', patient.sex),
        blank('Ethnic Category', patient.ethnicCategory),
        blank('LSOA', patient.lsoa),
        blank('IMD Decile', String(patient.imdDecile)),
        s.code,
        s.name,
        a.clinicCode,
        appointmentDate,
        formatTime(a.minutes),
        blank('Booked Date', bookedDate),
        a.firstAttendance,
        blank('Consultation Medium', a.medium),
        blank('Priority Type', a.priority),
        outcome,
      ].join(',') + '\r\n'
    );
  }
}
