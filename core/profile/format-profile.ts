import type { DatasetProfile, RateRow } from './types.ts';
import { formatCount, formatPercent, textTable } from './text-table.ts';

function rateSection(title: string, keyHeader: string, rows: RateRow[]): string {
  const body = rows.map((r) => [
    r.key,
    formatCount(r.appointments),
    formatCount(r.withOutcome),
    formatCount(r.dna),
    formatPercent(r.dnaRate),
  ]);
  return `${title}\n${textTable([keyHeader, 'appointments', 'with outcome', 'DNA', 'DNA rate'], body)}`;
}

/** The profile as human-readable text tables, for the command line. */
export function formatProfile(p: DatasetProfile): string {
  const range = p.dateRange.from ? `${p.dateRange.from} to ${p.dateRange.to}` : 'no dates';
  const head = [
    `Dataset ${p.dataset}`,
    `  ${formatCount(p.rows)} appointments, ${formatCount(p.patients)} patients, ${range}`,
    `  DNA rate ${formatPercent(p.dnaRate)} (DNA / (DNA + attended); cancelled, upcoming and unknown outcomes excluded)`,
    `  Counts from 1 to 9 are shown as <10; rates are not shown (-) where a count is suppressed or there are no outcomes.`,
  ].join('\n');
  const outcomes = `Outcomes\n${textTable(
    ['outcome', 'appointments'],
    Object.entries(p.outcomes).map(([o, n]) => [o, formatCount(n)]),
  )}`;
  const missing = `Missing values (NULL or empty)\n${textTable(
    ['column', 'missing', 'share'],
    p.missingness.map((m) => [m.column, formatCount(m.missing), formatPercent(m.share)]),
  )}`;
  const imports =
    p.imports.length === 0
      ? 'Imports\n  none'
      : `Imports\n${textTable(
          ['file', 'imported at', 'rows imported', 'rows rejected'],
          p.imports.map((i) => [i.file, i.importedAt, formatCount(i.rowsImported), formatCount(i.rowsRejected)]),
        )}`;
  return [
    head,
    outcomes,
    rateSection('DNA rate by month', 'month', p.byMonth),
    rateSection('DNA rate by specialty', 'specialty', p.bySpecialty),
    rateSection('DNA rate by weekday', 'weekday', p.byWeekday),
    rateSection('DNA rate by age band (years at appointment)', 'age band', p.byAgeBand),
    rateSection('DNA rate by deprivation (IMD decile, 1 = most deprived)', 'decile', p.byDeprivation),
    missing,
    imports,
  ].join('\n\n') + '\n';
}
