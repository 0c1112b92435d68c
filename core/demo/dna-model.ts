/**
 * The hidden truth behind the demo extract: a logistic model of the chance an
 * appointment is missed. A model trained on the extract should rediscover
 * these effects, so each one is a named, documented constant.
 */

/** What the model knows about one appointment when it is simulated. */
export interface DnaFactors {
  /** Latent per-patient log-odds shift (some people miss more). */
  patientPropensity: number;
  /** Earlier DNAs of this patient, within and before the extract window. */
  previousDnas: number;
  /** The patient's last appointment with an outcome was a DNA. */
  lastWasDna: boolean;
  leadDays: number;
  ageYears: number;
  imdDecile: number;
  /** 0 Monday .. 6 Sunday. */
  weekday: number;
  /** Minutes after midnight. */
  minutes: number;
  specialtyEffect: number;
  /** NHS consultation medium code: 01 face to face, 02 telephone, 03 video. */
  medium: string;
  /** Priority type: 1 routine, 2 urgent, 3 two-week wait. */
  priority: string;
  firstAppointment: boolean;
  male: boolean;
}

/** Baseline log-odds, tuned so about 8.5% of appointments with an outcome are DNAs. */
export const DNA_INTERCEPT = -3.76;
/** Each earlier DNA (counted up to four). */
export const PREVIOUS_DNA_EFFECT = 0.4;
/** The very last outcome was a DNA. */
export const LAST_WAS_DNA_EFFECT = 0.35;
/** Per unit of ln(1 + lead days / 10): longer waits, more forgetting. */
export const LEAD_TIME_EFFECT = 0.32;
/** Per decile above the middle (decile 1 most deprived, highest). */
export const DEPRIVATION_EFFECT = -0.1;
/** Spread of the per-appointment noise on the log-odds. */
export const NOISE_SD = 0.35;

const WEEKDAY_EFFECT = [0.15, 0, 0, 0.02, 0.18, 0.25, 0.25];
const MEDIUM_EFFECT: Record<string, number> = { '01': 0, '02': -0.6, '03': -0.2 };
const PRIORITY_EFFECT: Record<string, number> = { '1': 0, '2': -0.15, '3': -0.45 };

/** Age effect: young adults miss most, the elderly least, children in between. */
export function ageEffect(age: number): number {
  if (age < 5) return 0.05;
  if (age < 16) return 0.2;
  if (age < 18) return 0.4;
  if (age <= 30) return 0.6;
  if (age <= 45) return 0.3;
  if (age < 65) return 0;
  if (age < 80) return -0.4;
  return -0.25;
}

/** Hour effect: first and last slots of the day are missed more. */
export function hourEffect(minutes: number): number {
  if (minutes < 9 * 60) return 0.25;
  if (minutes >= 16 * 60) return 0.2;
  if (minutes >= 12 * 60 && minutes < 14 * 60) return 0.05;
  return 0;
}

/** Log-odds of a DNA without noise. */
export function dnaLogOdds(f: DnaFactors): number {
  return (
    DNA_INTERCEPT +
    f.patientPropensity +
    PREVIOUS_DNA_EFFECT * Math.min(f.previousDnas, 4) +
    (f.lastWasDna ? LAST_WAS_DNA_EFFECT : 0) +
    LEAD_TIME_EFFECT * Math.log1p(f.leadDays / 10) +
    ageEffect(f.ageYears) +
    DEPRIVATION_EFFECT * (f.imdDecile - 5.5) +
    WEEKDAY_EFFECT[f.weekday] +
    hourEffect(f.minutes) +
    f.specialtyEffect +
    (MEDIUM_EFFECT[f.medium] ?? 0) +
    (PRIORITY_EFFECT[f.priority] ?? 0) +
    (f.firstAppointment ? 0.1 : 0) +
    (f.male ? 0.08 : 0)
  );
}

/** Probability of a DNA given the factors and a standard normal noise draw. */
export function dnaProbability(f: DnaFactors, noise: number): number {
  return 1 / (1 + Math.exp(-(dnaLogOdds(f) + NOISE_SD * noise)));
}
