import type { Workspace } from '../workspace/index.ts';
import type { DatasetProfile, SuppressedCount } from './types.ts';
import { findDataset } from './dataset-lookup.ts';
import { datasetImports, missingness, patientsAndDates } from './dataset-facts.ts';
import { loadAppointmentColumns } from './load-columns.ts';
import { appointmentTable, tallyBy, tallyOutcomes } from './group-counts.ts';
import { rateRows } from './rate-rows.ts';
import { AGE_BANDS, ATTENDED_CODE, DEPRIVATION_DECILES, DNA_CODE, OUTCOMES, UNKNOWN, WEEKDAYS } from './groups.ts';
import { publishedDnaRate, suppress } from './suppress.ts';

/**
 * Data quality and DNA rates of one dataset. Group counts are suppressed below 10;
 * the top-line rows and patients are exact. Unknown dataset names are an error
 * that lists the datasets that exist.
 */
export async function profileDataset(ws: Workspace, dataset: string): Promise<DatasetProfile> {
  const record = await findDataset(ws.db, dataset);
  const cols = await loadAppointmentColumns(ws.db, record.id);
  const table = appointmentTable(cols);

  const outcomeTotals = tallyOutcomes(table);
  const outcomes: Record<string, SuppressedCount> = {};
  OUTCOMES.forEach((o, i) => (outcomes[o] = suppress(outcomeTotals[i])));
  const dna = outcomeTotals[DNA_CODE];
  const withOutcome = dna + outcomeTotals[ATTENDED_CODE];

  const { patients, from, to } = await patientsAndDates(ws.db, record.id);
  return {
    dataset: record.name,
    rows: cols.length,
    patients,
    dateRange: { from, to },
    outcomes,
    dnaRate: publishedDnaRate(dna, withOutcome),
    byMonth: rateRows(tallyBy(table, 'month'), { labels: cols.monthLabels, always: 0, order: 'label' }),
    bySpecialty: rateRows(tallyBy(table, 'specialty'), { labels: cols.specialtyLabels, always: 0, order: 'volume' }),
    byWeekday: rateRows(tallyBy(table, 'weekday'), { labels: [...WEEKDAYS, UNKNOWN], always: 7, order: 'code' }),
    byAgeBand: rateRows(tallyBy(table, 'ageBand'), {
      labels: [...AGE_BANDS.map((b) => b.label), UNKNOWN],
      always: AGE_BANDS.length,
      order: 'code',
    }),
    byDeprivation: rateRows(tallyBy(table, 'deprivation'), {
      labels: [...DEPRIVATION_DECILES, UNKNOWN],
      always: DEPRIVATION_DECILES.length,
      order: 'code',
    }),
    missingness: await missingness(ws.db, record.id),
    imports: await datasetImports(ws.db, record.id),
  };
}
