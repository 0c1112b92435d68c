/** attend_input rows for score.sql tests, taken from the app's own loaded table. */
import { NO_DAY, type AppointmentTable } from '../../../core/features/index.ts';
import { OUTCOMES } from '../../../core/profile/groups.ts';

/** One SQL value. */
export type Value = string | number | null;

/** attend_input rows from the app's own loaded table, in the column order of inputColumns(spec); `sqlValue` may write a value differently. */
export function inputRows(table: AppointmentTable, names: readonly string[], sqlValue: (name: string, row: number, value: Value) => Value = (_n, _i, v) => v): Value[][] {
  const rows: Value[][] = [];
  for (let i = 0; i < table.length; i++) {
    const day = Math.floor(table.minute[i] / 1440);
    const base: Record<string, Value> = {
      appointment_id: table.ids[i],
      patient_id: table.patientKeys[table.patient[i]],
      appointment_day: day,
      appointment_minute: table.minute[i] - day * 1440,
      booked_day: table.bookedDay[i] === NO_DAY ? null : table.bookedDay[i],
      age_years: table.age[i] < 0 ? null : table.age[i],
      imd_decile: table.imd[i] === 0 ? null : table.imd[i],
      outcome: OUTCOMES[table.outcome[i]],
    };
    rows.push(
      names.map((n) => {
        if (n in base) return sqlValue(n, i, base[n]);
        const col = table.text[n as keyof AppointmentTable['text']];
        if (!col) throw new Error(`column ${n} was not loaded`);
        return sqlValue(n, i, col.codes[i] < 0 ? null : col.labels[col.codes[i]]);
      }),
    );
  }
  return rows;
}

/** Rows as CSV for COPY: NULL as an empty field, text quoted. */
export function csvOf(rows: readonly Value[][]): string {
  const field = (v: Value): string => (v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);
  return rows.map((r) => r.map(field).join(',')).join('\n') + '\n';
}

