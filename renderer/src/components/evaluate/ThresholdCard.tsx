import { confusionAt, workloadOf } from '../../analysis/threshold.ts';
import { formatAmount, formatDate, formatNumber, formatRate, formatSuppressed } from '../../format.ts';
import { Figures } from '../Figures.tsx';
import { ThresholdControl } from '../ThresholdControl.tsx';
import type { EvaluatedRun } from './evaluated-run.ts';

interface Props {
  main: EvaluatedRun;
  threshold: number;
  onThreshold(t: number): void;
  /** Length of the test slice in weeks (null for k-fold runs) and its first day. */
  weeks: number | null;
  from: string | null;
}

/** Choose a risk threshold: the confusion table and the clinic's workload follow it. */
export function ThresholdCard({ main, threshold, onThreshold, weeks, from }: Props) {
  const e = main.evaluation;
  if (!e.roc) return null;
  const c = confusionAt(e.roc, e.n, e.events, threshold, e.thresholds.byThreshold);
  const w = workloadOf(c, e.n, weeks);
  const cost = e.costOptimal.threshold;
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
  return (
    <section className="card chart-card wide" aria-labelledby="threshold-title">
      <h3 id="threshold-title">Threshold and workload</h3>
      <p className="hint">
        Who would be called if everyone at or above a risk were phoned: counts on the test slice ({formatSuppressed(e.n)} appointments
        {weeks ? `, ${formatAmount(weeks)} weeks from ${formatDate(from)}` : ''}).
      </p>
      <div className="threshold-layout">
        <div>
          <ThresholdControl value={threshold} onChange={onThreshold} />
          <div className="actions tight">
            {[0.1, 0.2].map((t) => (
              <button key={t} type="button" className="button-secondary small" onClick={() => onThreshold(t)}>
                {pct(t)} ({t === 0.2 ? 'high' : 'medium'} band)
              </button>
            ))}
            {cost !== null && (
              <button type="button" className="button-secondary small" onClick={() => onThreshold(Math.round(cost * 1000) / 1000)}>
                {pct(cost)} (lowest cost)
              </button>
            )}
          </div>
          {!c.exact && c.atCurveThreshold !== null && (
            <p className="hint">Counts are those of the nearest evaluated threshold, {formatNumber(c.atCurveThreshold * 100, 2)}%.</p>
          )}
          {cost !== null && (
            <p className="hint">
              Lowest cost at {pct(cost)} with illustrative costs: £{e.costOptimal.costs.missedAppointment} per missed appointment, £{e.costOptimal.costs.reminder} per call, calls
              preventing {Math.round((e.costOptimal.costs.preventedShare ?? 0.3) * 100)}% of DNAs.
            </p>
          )}
        </div>
        <div>
          <p className="visually-hidden" aria-live="polite">
            At {pct(threshold)}: {formatSuppressed(c.flagged)} calls, {formatSuppressed(c.tp)} DNAs caught, {formatSuppressed(c.fn)} missed.
          </p>
          <table className="confusion">
            <caption>Outcomes at a threshold of {pct(threshold)}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col" className="num">
                  Did not attend
                </th>
                <th scope="col" className="num">
                  Attended
                </th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Called</th>
                <td className="num good">{formatSuppressed(c.tp)}</td>
                <td className="num">{formatSuppressed(c.fp)}</td>
                <td className="num">{formatSuppressed(c.flagged)}</td>
              </tr>
              <tr>
                <th scope="row">Not called</th>
                <td className="num bad">{formatSuppressed(c.fn)}</td>
                <td className="num">{formatSuppressed(c.tn)}</td>
                <td className="num">{formatSuppressed(c.fn + c.tn)}</td>
              </tr>
            </tbody>
          </table>
          <p className="hint">
            Sensitivity {formatRate(c.sensitivity)}, specificity {formatRate(c.specificity)}, positive predictive value {formatRate(c.ppv)}, negative predictive value{' '}
            {formatRate(c.npv)}.
          </p>
        </div>
      </div>
      <Figures
        label="Workload at this threshold"
        items={[
          { label: 'Calls per week', value: formatAmount(w.callsPerWeek), note: `${formatAmount(w.callsPer1000)} per 1,000 appointments` },
          { label: 'DNAs caught per week', value: formatAmount(w.dnasCaughtPerWeek), note: `${formatRate(w.shareOfDnasCaught)} of all DNAs` },
          { label: 'Calls per DNA caught', value: formatAmount(w.callsPerDnaCaught) },
        ]}
      />
    </section>
  );
}
