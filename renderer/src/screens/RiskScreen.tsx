import { useEffect, useId, useState } from 'react';
import { nextSort, riskFilterInput, type Band, type RiskQuery, type RiskSortKey, type Sort } from '../analysis/risk-query.ts';
import { call, downloadText } from '../api/client.ts';
import type { RiskRow, SessionRow } from '../api/types.ts';
import { useOperation } from '../api/use-operation.ts';
import { useRiskPages } from '../api/use-risk-pages.ts';
import { DatasetPicker } from '../components/DatasetPicker.tsx';
import { Figures } from '../components/Figures.tsx';
import { Notice } from '../components/Notice.tsx';
import { RunPicker } from '../components/RunPicker.tsx';
import { VirtualTable, type VirtualColumn } from '../components/VirtualTable.tsx';
import { formatAmount, formatCount, formatDate, formatDateTime, formatRate } from '../format.ts';

interface Props {
  dataset: string | null;
  onDataset(name: string | null): void;
  runId: string | null;
  onRun(runId: string | null): void;
}

const BAND_NAMES = { high: 'High', medium: 'Medium', low: 'Low' } as const;

const RISK_COLUMNS: VirtualColumn<RiskRow, RiskSortKey>[] = [
  { id: 'when', header: 'Appointment', width: '205px', sortKey: 'time', render: (r) => formatDateTime(r.appointmentAt) },
  { id: 'clinic', header: 'Clinic', width: '110px', sortKey: 'clinic', render: (r) => r.clinicCode ?? '–' },
  { id: 'specialty', header: 'Specialty', width: '150px', sortKey: 'specialty', render: (r) => r.specialty ?? '–' },
  { id: 'risk', header: 'Risk', width: '80px', numeric: true, sortKey: 'probability', render: (r) => formatRate(r.probability) },
  { id: 'band', header: 'Band', width: '90px', render: (r) => <span className={`tag band-${r.band}`}>{BAND_NAMES[r.band]}</span> },
  {
    id: 'reasons',
    header: 'Main reasons',
    width: 'auto',
    render: (r) =>
      r.reasons.length === 0 ? (
        '–'
      ) : (
        <ul className="reasons">
          {r.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ),
  },
  { id: 'id', header: 'Appointment ID', width: '130px', render: (r) => <code>{r.appointmentId}</code> },
];

const SESSION_COLUMNS: VirtualColumn<SessionRow, never>[] = [
  { id: 'clinic', header: 'Clinic', width: '140px', render: (s) => s.clinicCode ?? '–' },
  { id: 'date', header: 'Date', width: '180px', render: (s) => formatDateTime(s.date) },
  { id: 'session', header: 'Session', width: '110px', render: (s) => (s.session === 'AM' ? 'Morning' : 'Afternoon') },
  { id: 'n', header: 'Appointments', width: '130px', numeric: true, render: (s) => formatCount(s.appointments) },
  { id: 'dna', header: 'Expected DNAs', width: 'auto', numeric: true, render: (s) => s.expectedDnas.toFixed(1) },
];

/** The Risk list screen: score upcoming appointments with a run, filter, sort, see expected DNAs per session, download a call list. */
export function RiskScreen({ dataset, onDataset, runId, onRun }: Props) {
  const ids = { from: useId(), to: useId(), clinic: useId(), band: useId() };
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [clinic, setClinic] = useState<string | null>(null);
  const [band, setBand] = useState<Band | null>(null);
  const [sort, setSort] = useState<Sort<RiskSortKey>>({ key: 'probability', descending: true });
  const [query, setQuery] = useState<RiskQuery | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [downloaded, setDownloaded] = useState<{ fileName: string; rows: number } | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  const runs = useOperation('runs.list', dataset ? { dataset } : null, dataset);
  const runList = runs.state === 'done' ? runs.value : [];
  const chosen = runId !== null && runList.some((r) => r.id === runId) ? runId : (runList[0]?.id ?? null);
  const filter = { clinic, band, sort };
  const pages = useRiskPages(query, filter, attempt);
  const shown = pages.shown;
  const meta = shown?.meta ?? null;

  // A clinic chosen on an earlier list may not be on this one.
  useEffect(() => {
    if (meta && clinic !== null && !meta.clinics.includes(clinic)) setClinic(null);
  }, [meta, clinic]);

  function score() {
    if (!chosen || pages.loading) return;
    setDownloaded(null);
    setExportError(null);
    setQuery({ runId: chosen, ...(from ? { from } : {}), ...(to ? { to } : {}) });
    setAttempt((a) => a + 1);
  }

  async function exportCsv() {
    if (!query || exporting || stale) return;
    setExportError(null);
    setDownloaded(null);
    setExporting(true);
    try {
      const { sort: _sort, ...filters } = riskFilterInput(filter);
      const answer = await call('risk.csv', { ...query, ...filters });
      downloadText(answer.fileName, answer.csv);
      setDownloaded({ fileName: answer.fileName, rows: answer.rows });
    } catch (err) {
      setExportError((err as Error).message);
    } finally {
      setExporting(false);
    }
  }

  const scoring = pages.loading && shown === null;
  const stale = query !== null && (query.runId !== chosen || (query.from ?? '') !== from || (query.to ?? '') !== to);
  const onSort = (key: RiskSortKey) => setSort((s) => nextSort(s, key));
  const filterText = [clinic ? `clinic ${clinic}` : 'all clinics', band ? `${BAND_NAMES[band].toLowerCase()} risk only` : 'all bands'].join(', ');

  return (
    <>
      <div className="screen-head">
        <div>
          <h1>Risk list</h1>
          <p className="lede">Upcoming appointments scored by a run: who is most likely to miss, why, and how many DNAs each clinic session should expect.</p>
        </div>
        <DatasetPicker dataset={dataset} onDataset={onDataset} />
      </div>
      {pages.error && (
        <Notice kind="error" title="That did not work">
          {pages.error}
        </Notice>
      )}
      {runs.state === 'done' && runList.length === 0 && (
        <Notice kind="info" title="No runs yet">
          Train a model on this dataset first (Train and compare).
        </Notice>
      )}

      {runList.length > 0 && (
        <section className="card" aria-labelledby="risk-choose-title">
          <h2 id="risk-choose-title">Choose appointments</h2>
          <div className="picker-row">
            <RunPicker label="Run" runs={runList} value={chosen} onChange={onRun} />
            <div className="field">
              <label htmlFor={ids.from}>From</label>
              <input id={ids.from} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={ids.to}>To</label>
              <input id={ids.to} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </div>
          </div>
          <p className="hint">Leave the dates empty for every upcoming appointment in the dataset.</p>
          <div className="actions">
            <button type="button" className="button" aria-disabled={pages.loading || !chosen} onClick={score}>
              {query ? 'Score again' : 'Score upcoming appointments'}
            </button>
          </div>
          {scoring && (
            <p className="loading" role="status">
              Scoring upcoming appointments and working out their reasons…
            </p>
          )}
          {stale && !scoring && <p className="hint">The run or dates have changed since the list below was scored: score again to update it.</p>}
        </section>
      )}

      {shown && meta && (
        <>
          <div className="picker-row filters">
            <div className="field">
              <label htmlFor={ids.clinic}>Clinic</label>
              <select id={ids.clinic} value={clinic ?? ''} onChange={(e) => setClinic(e.target.value === '' ? null : e.target.value)}>
                <option value="">All clinics ({meta.clinics.length})</option>
                {meta.clinics.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.band}>Risk band</label>
              <select id={ids.band} value={band ?? ''} onChange={(e) => setBand(e.target.value === '' ? null : (e.target.value as Band))}>
                <option value="">All bands</option>
                <option value="high">High (from {formatRate(meta.bands.high, 0)})</option>
                <option value="medium">Medium (from {formatRate(meta.bands.medium, 0)})</option>
                <option value="low">Low</option>
              </select>
            </div>
          </div>
          <p className="visually-hidden" aria-live="polite">
            {pages.loading && !scoring ? 'Updating the list…' : `${formatCount(meta.total)} appointments shown.`}
          </p>
          <Figures
            label="Risk list figures"
            items={[
              { label: 'Appointments', value: formatCount(meta.total), note: meta.from || meta.to ? `${formatDate(meta.from)} to ${formatDate(meta.to)}` : 'all upcoming' },
              { label: 'Expected DNAs', value: formatAmount(meta.expectedDnas), note: meta.calibrated ? 'sum of calibrated risks' : 'sum of uncalibrated risks' },
              { label: 'High risk', value: formatCount(pages.bandCounts.high), note: `risk from ${formatRate(meta.bands.high, 0)}` },
              { label: 'Medium risk', value: formatCount(pages.bandCounts.medium), note: `risk from ${formatRate(meta.bands.medium, 0)}` },
            ]}
          />
          {!meta.calibrated && <Notice kind="warning">This run has no calibration: its risks rank appointments but may not read as true probabilities.</Notice>}

          <section className="card" aria-labelledby="risk-table-title">
            <h2 id="risk-table-title">Upcoming appointments</h2>
            <p className="hint">Highest risk first; choose a column heading to sort. Reasons never mention sex or ethnicity.</p>
            <VirtualTable
              caption="Upcoming appointments by risk"
              rows={shown.rows}
              resetKey={shown.key}
              onRange={pages.onRange}
              columns={RISK_COLUMNS}
              rowKey={(r) => r.appointmentId}
              rowHeight={66}
              sort={sort}
              onSort={onSort}
              empty="No upcoming appointments match."
            />
          </section>

          <section className="card" aria-labelledby="sessions-title">
            <h2 id="sessions-title">Expected DNAs per clinic session</h2>
            <p className="hint">Sum of the appointments' risks per clinic, day and half day: a guide for overbooking. Most expected DNAs first.</p>
            <VirtualTable caption="Expected DNAs per clinic session" rows={meta.sessions} columns={SESSION_COLUMNS} rowKey={(s) => `${s.clinicCode}|${s.date}|${s.session}`} height={320} />
          </section>

          <section className="card" aria-labelledby="export-title">
            <h2 id="export-title">Download a call list</h2>
            <p className="hint">
              A CSV of the appointments listed above ({filterText}), highest risk first: appointment ID, time, clinic, specialty, risk, band and reasons, for the reminder
              team. It holds no patient identifiers.
            </p>
            <button type="button" className="button" aria-disabled={exporting || stale} onClick={() => void exportCsv()}>
              Download call list (CSV)
            </button>
            {stale && <p className="hint">Score again first: the call list follows the scored list.</p>}
            {exporting && <p role="status">Preparing the call list…</p>}
            {exportError && (
              <Notice kind="error" title="The call list could not be made">
                {exportError}
              </Notice>
            )}
            {downloaded && (
              <Notice kind="info" title="Call list downloaded">
                {formatCount(downloaded.rows)} appointments in <code>{downloaded.fileName}</code>.
              </Notice>
            )}
          </section>
        </>
      )}
    </>
  );
}
