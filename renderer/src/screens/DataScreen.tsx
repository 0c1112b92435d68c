import { useEffect, useId } from 'react';
import type { DatasetProfile, DatasetSummary, RateRow } from '../../../core/api/index.ts';
import { useOperation } from '../api/use-operation.ts';
import { ChartCard } from '../components/ChartCard.tsx';
import { Figures } from '../components/Figures.tsx';
import { Notice } from '../components/Notice.tsx';
import { RateBarChart, RateLineChart } from '../components/RateCharts.tsx';
import { RateTable } from '../components/RateTable.tsx';
import { formatCount, formatDate, formatMonth, formatRate } from '../format.ts';

interface Props {
  dataset: string | null;
  onDataset(name: string | null): void;
  /** Changes when the list of datasets may have changed (after an import). */
  refreshKey: number;
  onImport(): void;
}

/** The Data screen: pick a dataset and see its quality and DNA rates. */
export function DataScreen({ dataset, onDataset, refreshKey, onImport }: Props) {
  const pickerId = useId();
  const list = useOperation('datasets.list', {}, `list-${refreshKey}`);
  const datasets = list.state === 'done' ? list.value : [];

  // Keep the choice valid: the first dataset when none (or a vanished one) is chosen.
  useEffect(() => {
    if (list.state !== 'done') return;
    if (dataset === null || !list.value.some((d) => d.name === dataset)) onDataset(list.value[0]?.name ?? null);
  }, [list, dataset, onDataset]);

  const profile = useOperation('dataset.profile', dataset ? { dataset } : null, dataset ? `${dataset}-${refreshKey}` : null);

  return (
    <>
      <div className="screen-head">
        <div>
          <h1>Data</h1>
          <p className="lede">Quality and did-not-attend rates of an imported extract.</p>
        </div>
        {datasets.length > 0 && (
          <div className="field inline">
            <label htmlFor={pickerId}>Dataset</label>
            <select id={pickerId} value={dataset ?? ''} onChange={(e) => onDataset(e.target.value)}>
              {datasets.map((d: DatasetSummary) => (
                <option key={d.name} value={d.name}>
                  {d.name} ({formatCount(d.rows)} rows)
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {list.state === 'failed' && <Notice kind="error" title="Could not list the datasets">{list.error}</Notice>}
      {list.state === 'done' && datasets.length === 0 && (
        <Notice kind="info" title="No data yet">
          <p>This workspace has no datasets. Import an appointment extract to begin.</p>
          <button type="button" className="button" onClick={onImport}>
            Import an extract
          </button>
        </Notice>
      )}
      {(list.state === 'loading' || profile.state === 'loading') && <p className="loading" role="status">Loading…</p>}
      {profile.state === 'failed' && <Notice kind="error" title={`Could not profile ${dataset}`}>{profile.error}</Notice>}
      {profile.state === 'done' && <Profile p={profile.value} />}
    </>
  );
}

const formatMonthOf = (iso: string | null) => (iso ? formatMonth(iso.slice(0, 7)) : '–');
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const weekdayLabel = (k: string) => (/^[1-7]$/.test(k) ? WEEKDAYS[Number(k) - 1] : k);
const decileLabel = (k: string) => (k === '1' ? '1 (most deprived)' : k === '10' ? '10 (least)' : k);

/** Groups by DNA rate, highest first; suppressed groups last. */
function byRateDescending(rows: RateRow[]): RateRow[] {
  return [...rows].sort((a, b) => (b.dnaRate ?? -1) - (a.dnaRate ?? -1));
}

function Profile({ p }: { p: DatasetProfile }) {
  return (
    <>
      <Figures
        label={`Headline figures of ${p.dataset}`}
        items={[
          { label: 'Appointments', value: formatCount(p.rows) },
          { label: 'Patients', value: formatCount(p.patients) },
          {
            label: 'Date range',
            value: `${formatMonthOf(p.dateRange.from)} – ${formatMonthOf(p.dateRange.to)}`,
            note: `${formatDate(p.dateRange.from)} to ${formatDate(p.dateRange.to)}`,
            small: true,
          },
          { label: 'DNA rate', value: formatRate(p.dnaRate), note: 'England: about 6–7%' },
        ]}
      />
      {p.dnaRate !== null && (
        <p className="chart-key">
          <span className="dash" aria-hidden="true" />
          Dashed lines mark the DNA rate of the whole dataset ({formatRate(p.dnaRate)}). Groups under 10 appointments with an outcome are suppressed and have no bar.
        </p>
      )}
      <div className="chart-grid">
        <ChartCard
          wide
          title="DNA rate by month"
          description="Did not attend as a share of appointments with an outcome (attended or DNA)."
          chart={<RateLineChart rows={p.byMonth} overall={p.dnaRate} formatKey={formatMonth} />}
          table={<RateTable caption="DNA rate by month" keyLabel="Month" rows={p.byMonth} formatKey={formatMonth} />}
        />
        <ChartCard
          wide
          title="DNA rate by specialty"
          description="Highest rate first."
          chart={<RateBarChart rows={byRateDescending(p.bySpecialty)} overall={p.dnaRate} horizontal />}
          table={<RateTable caption="DNA rate by specialty" keyLabel="Specialty" rows={p.bySpecialty} />}
        />
        <ChartCard
          title="DNA rate by weekday"
          chart={<RateBarChart rows={p.byWeekday} overall={p.dnaRate} formatKey={(k) => weekdayLabel(k).slice(0, 3)} />}
          table={<RateTable caption="DNA rate by weekday" keyLabel="Weekday" rows={p.byWeekday} formatKey={weekdayLabel} />}
        />
        <ChartCard
          title="DNA rate by age band"
          chart={<RateBarChart rows={p.byAgeBand} overall={p.dnaRate} />}
          table={<RateTable caption="DNA rate by age band" keyLabel="Age band" rows={p.byAgeBand} />}
        />
        <ChartCard
          wide
          title="DNA rate by deprivation decile"
          description="IMD decile of the patient's area: 1 is the most deprived tenth of England."
          chart={<RateBarChart rows={p.byDeprivation} overall={p.dnaRate} />}
          table={<RateTable caption="DNA rate by deprivation decile" keyLabel="IMD decile" rows={p.byDeprivation} formatKey={decileLabel} />}
        />
      </div>
      <div className="two-col">
        <section className="card" aria-labelledby="missing-title">
          <h3 id="missing-title">Missing values</h3>
          <p className="hint">Rows with no value, per stored column.</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col" className="num">Missing</th>
                  <th scope="col" className="num">Share</th>
                </tr>
              </thead>
              <tbody>
                {p.missingness.map((m) => (
                  <tr key={m.column} className={(m.share ?? 0) > 0.2 ? 'flag' : undefined}>
                    <th scope="row">
                      <code>{m.column}</code>
                    </th>
                    <td className="num">{formatCount(m.missing)}</td>
                    <td className="num">{formatRate(m.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="card" aria-labelledby="outcomes-title">
          <h3 id="outcomes-title">Outcomes</h3>
          <p className="hint">Appointments by attendance outcome.</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Outcome</th>
                  <th scope="col" className="num">Appointments</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(p.outcomes).map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row">{k.replace(/_/g, ' ')}</th>
                    <td className="num">{formatCount(v)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {p.imports.length > 0 && (
            <>
              <h3 className="spaced">Imports</h3>
              <ul className="plain">
                {p.imports.map((i) => (
                  <li key={`${i.file}-${i.importedAt}`}>
                    <strong>{i.file.replace(/^.*[\\/]/, '')}</strong>: {formatCount(i.rowsImported)} rows imported, {formatCount(i.rowsRejected)} rejected ({formatDate(i.importedAt)})
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </>
  );
}
