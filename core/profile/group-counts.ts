import * as aq from 'arquero';
import type { AppointmentColumns } from './load-columns.ts';
import { OUTCOMES } from './groups.ts';

/** The grouping columns of AppointmentColumns. */
export type GroupColumn = 'month' | 'specialty' | 'weekday' | 'ageBand' | 'deprivation';

/** Appointments per outcome (indexed like OUTCOMES) for each group code. */
export type OutcomeTally = Map<number, number[]>;

/** The appointment columns as an arquero table; typed arrays are used as they are, not copied. */
export function appointmentTable(cols: AppointmentColumns): aq.ColumnTable {
  return aq.table({
    outcome: cols.outcome,
    month: cols.month,
    specialty: cols.specialty,
    weekday: cols.weekday,
    ageBand: cols.ageBand,
    deprivation: cols.deprivation,
  });
}

/** Counts by group and outcome in one arquero rollup; the result has at most groups x 6 rows. */
export function tallyBy(table: aq.ColumnTable, column: GroupColumn): OutcomeTally {
  const counts = table.groupby(column, 'outcome').count({ as: 'n' });
  const keys = counts.array(column) as ArrayLike<number>;
  const outcomes = counts.array('outcome') as ArrayLike<number>;
  const ns = counts.array('n') as ArrayLike<number>;
  const tally: OutcomeTally = new Map();
  for (let i = 0; i < counts.numRows(); i++) {
    let row = tally.get(keys[i]);
    if (!row) tally.set(keys[i], (row = OUTCOMES.map(() => 0)));
    row[outcomes[i]] += ns[i];
  }
  return tally;
}

/** Appointments per outcome over the whole table, indexed like OUTCOMES. */
export function tallyOutcomes(table: aq.ColumnTable): number[] {
  const counts = table.groupby('outcome').count({ as: 'n' });
  const outcomes = counts.array('outcome') as ArrayLike<number>;
  const ns = counts.array('n') as ArrayLike<number>;
  const total = OUTCOMES.map(() => 0);
  for (let i = 0; i < counts.numRows(); i++) total[outcomes[i]] += ns[i];
  return total;
}
