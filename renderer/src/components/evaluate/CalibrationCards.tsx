import { predictionHistogram } from '../../analysis/histogram.ts';
import { formatNumber, formatRate, formatSuppressed, formatWithCi } from '../../format.ts';
import { ChartCard } from '../ChartCard.tsx';
import { HistogramChart } from '../charts/HistogramChart.tsx';
import { ReliabilityChart } from '../charts/ReliabilityChart.tsx';
import { DataTable } from '../DataTable.tsx';
import { Figures } from '../Figures.tsx';
import type { EvaluatedRun } from './evaluated-run.ts';

/** Reliability diagram with Wilson CIs per bin, an optional overlay, and calibration slope and intercept with CIs. */
export function CalibrationCard({ main, overlay }: { main: EvaluatedRun; overlay: EvaluatedRun | null }) {
  const e = main.evaluation;
  const bins = e.reliability;
  const ci = (c: [number, number] | null) => (c ? `95% CI ${formatNumber(c[0], 2)} to ${formatNumber(c[1], 2)}` : undefined);
  return (
    <ChartCard
      wide
      title="Calibration"
      description={`Do predicted risks come true? ${bins.length} bins of equal size by predicted risk; points on the dashed diagonal are perfectly calibrated and bars are 95% CIs of the observed rate.${overlay ? ` Diamonds and dashes: ${overlay.name}.` : ''}`}
      lead={
        <Figures
          label="Calibration figures"
          items={[
            { label: 'Calibration slope', value: formatNumber(e.calibrationSlope, 2), note: ci(e.calibrationSlopeCi) ?? 'ideal 1' },
            { label: 'Calibration intercept', value: formatNumber(e.calibrationIntercept, 2), note: ci(e.calibrationInterceptCi) ?? 'ideal 0' },
            { label: 'Observed minus predicted', value: `${(e.calibrationInTheLarge * 100).toFixed(2)} points`, note: 'calibration in the large' },
            { label: 'Expected calibration error', value: formatNumber(e.ece, 4) },
          ]}
        />
      }
      chart={
        <ReliabilityChart
          bins={bins}
          name={main.name}
          overlay={overlay ? { bins: overlay.evaluation.reliability, name: overlay.name } : undefined}
          summary={`Reliability diagram of ${bins.length} bins; calibration slope ${formatNumber(e.calibrationSlope, 2)}, intercept ${formatNumber(e.calibrationIntercept, 2)}.`}
        />
      }
      table={
        <DataTable
          caption={`Reliability bins of ${main.name}`}
          showCaption
          columns={[
            { header: 'Predicted risk from', numeric: true },
            { header: 'to', numeric: true },
            { header: 'Appointments', numeric: true },
            { header: 'DNAs', numeric: true },
            { header: 'Mean predicted', numeric: true },
            { header: 'Observed', numeric: true },
            { header: '95% CI', numeric: true },
          ]}
          rows={bins.map((b) => [
            formatRate(b.lower, 2),
            formatRate(b.upper, 2),
            formatSuppressed(b.n),
            formatSuppressed(b.events),
            formatRate(b.predicted, 2),
            formatRate(b.observed, 2),
            `${formatRate(b.observedCi[0], 2)} to ${formatRate(b.observedCi[1], 2)}`,
          ])}
        />
      }
    />
  );
}

/** How predicted risks spread over the test slice, DNAs and attended apart. */
export function HistogramCard({ main }: { main: EvaluatedRun }) {
  const e = main.evaluation;
  if (!e.roc) return null;
  const bins = predictionHistogram(e.roc, e.n, e.events);
  return (
    <ChartCard
      title="Spread of predicted risk"
      description={`Appointments of the test slice by predicted risk; DNA rate ${formatRate(e.prevalence)}, AUC ${formatWithCi(e.auc, null)}.`}
      chart={<HistogramChart bins={bins} summary={`Histogram of predicted risk in ${bins.length} bars.`} />}
      table={
        <DataTable
          caption="Appointments by predicted risk"
          showCaption
          scroll
          columns={[{ header: 'Predicted risk', numeric: false }, { header: 'Attended', numeric: true }, { header: 'DNAs', numeric: true }, { header: 'DNA rate', numeric: true }]}
          rows={bins.map((b) => [
            `${formatRate(b.lower)} to ${formatRate(b.upper)}`,
            formatSuppressed(b.attended),
            formatSuppressed(b.dna),
            formatRate(b.dna + b.attended > 0 ? b.dna / (b.dna + b.attended) : null),
          ])}
        />
      }
    />
  );
}
