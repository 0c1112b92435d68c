import type { Reason } from '../explain/index.ts';
import type { FeaturePipeline } from '../features/index.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ETHNIC_GROUPS = ['White', 'Mixed', 'Asian', 'Black', 'Other', 'Not stated'];
const PRIORITY: Record<string, string> = { '1': 'routine', '2': 'urgent', '3': 'two-week-wait' };
const MEDIUM: Record<string, string> = { face_to_face: 'face to face', telephone: 'by telephone', video: 'by video', other: 'by another medium' };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const clock = (hour: number) => `${String(Math.floor(hour)).padStart(2, '0')}:${String(Math.round((hour % 1) * 60)).padStart(2, '0')}`;

/** The level a category code stands for under the pipeline, or null for "other". */
function level(pipeline: FeaturePipeline, feature: string, code: number): string | null {
  const levels = pipeline.categories[feature]?.levels;
  return levels && code >= 0 && code < levels.length ? levels[code] : null;
}

/**
 * One reason in the words a clinic manager reads on a call list ("3 missed
 * appointments before", "booked 84 days ahead"); a missing value says so.
 */
export function reasonInWords(reason: Reason, pipeline: FeaturePipeline): string {
  const v = reason.value;
  const f = reason.feature;
  if (f.startsWith('medium=')) {
    const m = f.slice('medium='.length);
    return v === null ? 'consultation medium not recorded' : v === 1 ? `appointment ${MEDIUM[m] ?? m}` : `appointment not ${MEDIUM[m] ?? m}`;
  }
  if (v === null) return `${f.replaceAll('_', ' ')} not recorded`;
  switch (f) {
    case 'prior_appointments':
      return `${plural(v, 'earlier appointment')} with an outcome`;
    case 'prior_dnas':
      return `${plural(v, 'missed appointment')} before`;
    case 'prior_dna_rate':
      return `missed about ${Math.round(100 * v)}% of earlier appointments`;
    case 'days_since_last_dna':
      return `last missed an appointment ${plural(v, 'day')} before`;
    case 'prior_patient_cancellations':
      return `${plural(v, 'earlier cancellation')} by the patient`;
    case 'prior_hospital_cancellations':
      return `${plural(v, 'earlier cancellation')} by the hospital`;
    case 'appointments_last_year':
      return `${plural(v, 'appointment')} in the last year`;
    case 'lead_days':
      return `booked ${plural(v, 'day')} ahead`;
    case 'weekday':
      return `on a ${WEEKDAYS[v] ?? 'weekday'}`;
    case 'hour':
      return `at ${clock(v)}`;
    case 'month':
      return `in ${MONTHS[v - 1] ?? 'this month'}`;
    case 'follow_up':
      return v === 1 ? 'a follow-up appointment' : 'a first appointment';
    case 'remote':
      return v === 1 ? 'a telephone or video appointment' : 'a face-to-face appointment';
    case 'age':
      return `aged ${Math.floor(v)}`;
    case 'imd_decile':
      return `lives in deprivation decile ${v} (1 is the most deprived)`;
    case 'ethnic_group':
      return `ethnic group ${ETHNIC_GROUPS[v] ?? 'not stated'}`;
    case 'priority': {
      const p = level(pipeline, f, v);
      return p ? `${PRIORITY[p] ?? p} priority` : 'an uncommon priority';
    }
    case 'specialty':
      return `${level(pipeline, f, v) ?? 'a less common specialty'} clinic`;
    case 'clinic':
      return `clinic ${level(pipeline, f, v) ?? 'with few appointments'}`;
    case 'sex':
      return `recorded sex ${level(pipeline, f, v) ?? 'other'}`;
    default: {
      const l = pipeline.categories[f] ? level(pipeline, f, v) : null;
      return `${f.replaceAll('_', ' ')} ${l ?? v}`;
    }
  }
}
