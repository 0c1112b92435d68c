import { AGE_BANDS, ageBandIndex } from '../profile/groups.ts';
import { NO_DAY, type AppointmentTable, type TextColumn } from './appointment-table.ts';
import { categoryLookup } from './category-map.ts';
import { NO_MINUTE, type PatientHistory } from './history.ts';
import { ETHNIC_NOT_STATED, ethnicGroupIndex } from './nhs-groups.ts';
import type { FeaturePipeline } from './pipeline.ts';
import type { CategoryColumn, FeatureDef } from './spec.ts';
import { MINUTES_PER_DAY, monthOfEpochDay, weekdayOfEpochDay } from './time-codes.ts';

/** The value XGBoost (0.72 wasm) reads as missing; no real feature value is ever -1. */
export const MISSING = -1;

/** Writes one feature's `width` columns, from column `col` on, for the table rows `rows` (matrix row r = rows[r]). */
export interface FeatureEncoder {
  width: number;
  fill(rows: Int32Array, x: Float32Array, cols: number, col: number): void;
}

// One loop per feature (not one call per row and feature) keeps each loop's call
// site monomorphic, which made the million-row build several times faster.
function single(value: (i: number) => number): FeatureEncoder {
  return {
    width: 1,
    fill(rows, x, cols, col) {
      for (let r = 0, at = col; r < rows.length; r++, at += cols) x[at] = value(rows[r]);
    },
  };
}

function textColumn(table: AppointmentTable, column: CategoryColumn, feature: string): TextColumn {
  const col = table.text[column];
  if (!col) throw new Error(`feature "${feature}": column ${column} was not loaded`);
  return col;
}

/** A per-label lookup for a derived code (e.g. ethnic group), with `blank` for NULL or empty. */
function labelLookup(col: TextColumn, blank: number, fn: (label: string) => number): (i: number) => number {
  const lookup = Float64Array.from(col.labels, fn);
  const { codes } = col;
  return (i) => (codes[i] < 0 ? blank : lookup[codes[i]]);
}

function dayOf(minute: number): number {
  return Math.floor(minute / MINUTES_PER_DAY);
}

function historyEncoder(f: Extract<FeatureDef, { kind: 'history' }>, table: AppointmentTable, h: PatientHistory): FeatureEncoder {
  switch (f.stat) {
    case 'priorAppointments':
      return single((i) => h.priorAppointments[i]);
    case 'priorDnas':
      return single((i) => h.priorDnas[i]);
    case 'priorPatientCancellations':
      return single((i) => h.priorPatientCancellations[i]);
    case 'priorHospitalCancellations':
      return single((i) => h.priorHospitalCancellations[i]);
    case 'smoothedDnaRate': {
      const pseudo = (f.prior as number) * (f.strength as number);
      const strength = f.strength as number;
      return single((i) => (h.priorDnas[i] + pseudo) / (h.priorAppointments[i] + strength));
    }
    case 'daysSinceLastDna':
      // Calendar days from the DNA to this appointment: a DNA yesterday is 1.
      return single((i) => (h.lastDnaMinute[i] === NO_MINUTE ? MISSING : dayOf(table.minute[i]) - dayOf(h.lastDnaMinute[i])));
    case 'recentAppointments': {
      const counts = h.recent.get(f.windowDays as number);
      if (!counts) throw new Error(`feature "${f.name}": window of ${f.windowDays} days was not computed`);
      return single((i) => counts[i]);
    }
  }
}

function categoryEncoder(f: Extract<FeatureDef, { kind: 'category' }>, table: AppointmentTable, pipeline: FeaturePipeline): FeatureEncoder {
  const map = pipeline.categories[f.name];
  if (!map) throw new Error(`feature "${f.name}": the pipeline has no category levels for it`);
  const col = textColumn(table, f.column, f.name);
  const lookup = categoryLookup(map, col);
  const { codes } = col;
  if (f.encoding !== 'onehot') return single((i) => (codes[i] < 0 ? MISSING : lookup[codes[i]]));
  const width = map.levels.length + 1;
  return {
    width,
    fill(rows, x, cols, col) {
      for (let r = 0, at = col; r < rows.length; r++, at += cols) {
        const code = codes[rows[r]];
        for (let k = 0; k < width; k++) x[at + k] = code < 0 ? MISSING : 0;
        if (code >= 0) x[at + lookup[code]] = 1;
      }
    },
  };
}

/** The encoder of one feature of the pipeline's spec. */
export function featureEncoder(f: FeatureDef, table: AppointmentTable, pipeline: FeaturePipeline, h: PatientHistory): FeatureEncoder {
  const { minute } = table;
  switch (f.kind) {
    case 'history':
      return historyEncoder(f, table, h);
    case 'leadTime':
      return single((i) => (table.bookedDay[i] === NO_DAY ? MISSING : Math.max(0, dayOf(minute[i]) - table.bookedDay[i])));
    case 'calendar':
      if (f.part === 'weekday') return single((i) => weekdayOfEpochDay(dayOf(minute[i])));
      if (f.part === 'month') return single((i) => monthOfEpochDay(dayOf(minute[i])));
      // The import writes 00:00 when an extract has no time; no clinic runs at midnight.
      return single((i) => {
        const m = minute[i] - dayOf(minute[i]) * MINUTES_PER_DAY;
        return m === 0 ? MISSING : m / 60;
      });
    case 'attendanceType': {
      // First attendance codes: 1 first f2f, 2 follow-up f2f, 3 first remote, 4 follow-up remote, 5 admin.
      const values: Record<string, [number, number]> = { '1': [0, 0], '2': [1, 0], '3': [0, 1], '4': [1, 1] };
      const part = f.part === 'followUp' ? 0 : 1;
      return single(labelLookup(textColumn(table, 'first_attendance', f.name), MISSING, (l) => values[l]?.[part] ?? MISSING));
    }
    case 'category':
      return categoryEncoder(f, table, pipeline);
    case 'number': {
      const { min, max } = f;
      if (f.column === 'age_years') return single((i) => (table.age[i] >= min && table.age[i] <= max ? table.age[i] : MISSING));
      return single((i) => (table.imd[i] !== 0 && table.imd[i] >= min && table.imd[i] <= max ? table.imd[i] : MISSING));
    }
    case 'ageBand':
      return single((i) => {
        const band = ageBandIndex(table.age[i] < 0 ? null : table.age[i]);
        return band === AGE_BANDS.length ? MISSING : band;
      });
    case 'ethnicGroup':
      return single(labelLookup(textColumn(table, 'ethnic_category', f.name), ETHNIC_NOT_STATED, ethnicGroupIndex));
  }
}
