import { OUTCOMES } from '../profile/groups.ts';
import { MINUTES_PER_DAY } from './time-codes.ts';
import type { AppointmentTable } from './appointment-table.ts';
import { orderByPatientAndTime } from './patient-order.ts';

const ATTENDED_CODE = OUTCOMES.indexOf('attended');
const DNA_CODE = OUTCOMES.indexOf('dna');
const PATIENT_CANCELLED_CODE = OUTCOMES.indexOf('patient_cancelled');
const HOSPITAL_CANCELLED_CODE = OUTCOMES.indexOf('hospital_cancelled');

/** Minute marking "no DNA before" in lastDnaMinute. */
export const NO_MINUTE = -2147483648;

/**
 * What each appointment's patient had done before it, in table row order.
 * A row sees the outcomes of the same patient's appointments strictly before its
 * cutoff: its own time, or asOf when that is earlier (scoring sees only what was
 * known then). Appointments at the same minute never see each other; upcoming and
 * unknown outcomes count for nothing.
 */
export interface PatientHistory {
  /** Attended or DNA appointments before the cutoff. */
  priorAppointments: Int32Array;
  priorDnas: Int32Array;
  priorPatientCancellations: Int32Array;
  priorHospitalCancellations: Int32Array;
  /** Minute of the latest DNA before the cutoff, NO_MINUTE if none. */
  lastDnaMinute: Int32Array;
  /** Per window length in days: attended or DNA appointments in [cutoff - days, cutoff). */
  recent: Map<number, Int32Array>;
}

/** Patient history for every row of the table, in one pass over rows sorted by patient and time. */
export function computeHistory(table: AppointmentTable, windowDays: readonly number[], asOfMinute: number | null): PatientHistory {
  const n = table.length;
  const { minute, outcome } = table;
  const { order, start } = orderByPatientAndTime(table.patient, minute, table.patientKeys.length);
  const priorAppointments = new Int32Array(n);
  const priorDnas = new Int32Array(n);
  const priorPatientCancellations = new Int32Array(n);
  const priorHospitalCancellations = new Int32Array(n);
  const lastDnaMinute = new Int32Array(n);
  const windows = [...new Set(windowDays)];
  const recentArrays = windows.map(() => new Int32Array(n));
  const spans = windows.map((d) => d * MINUTES_PER_DAY);
  const tails = new Int32Array(windows.length);
  const inWindow = new Int32Array(windows.length);
  const asOf = asOfMinute ?? 2147483647;

  for (let p = 0; p + 1 < start.length; p++) {
    const lo = start[p];
    const hi = start[p + 1];
    let seen = lo;
    let appointments = 0;
    let dnas = 0;
    let patientCancelled = 0;
    let hospitalCancelled = 0;
    let lastDna = NO_MINUTE;
    tails.fill(lo);
    inWindow.fill(0);
    for (let k = lo; k < hi; k++) {
      const row = order[k];
      const cutoff = minute[row] < asOf ? minute[row] : asOf;
      // Cutoffs never decrease along a patient's rows, so `seen` only moves forward.
      while (seen < hi && minute[order[seen]] < cutoff) {
        const o = outcome[order[seen]];
        if (o === ATTENDED_CODE || o === DNA_CODE) {
          appointments++;
          for (let w = 0; w < windows.length; w++) inWindow[w]++;
          if (o === DNA_CODE) {
            dnas++;
            lastDna = minute[order[seen]];
          }
        } else if (o === PATIENT_CANCELLED_CODE) patientCancelled++;
        else if (o === HOSPITAL_CANCELLED_CODE) hospitalCancelled++;
        seen++;
      }
      for (let w = 0; w < windows.length; w++) {
        const from = cutoff - spans[w];
        while (tails[w] < seen && minute[order[tails[w]]] < from) {
          const o = outcome[order[tails[w]]];
          if (o === ATTENDED_CODE || o === DNA_CODE) inWindow[w]--;
          tails[w]++;
        }
        recentArrays[w][row] = inWindow[w];
      }
      priorAppointments[row] = appointments;
      priorDnas[row] = dnas;
      priorPatientCancellations[row] = patientCancelled;
      priorHospitalCancellations[row] = hospitalCancelled;
      lastDnaMinute[row] = lastDna;
    }
  }
  return {
    priorAppointments,
    priorDnas,
    priorPatientCancellations,
    priorHospitalCancellations,
    lastDnaMinute,
    recent: new Map(windows.map((d, w) => [d, recentArrays[w]])),
  };
}
