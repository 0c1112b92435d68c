import { ChartCard } from '../ChartCard.tsx';
import { CurveChart, type CurveSeries } from '../charts/CurveChart.tsx';
import { COLOURS, percentTick } from '../charts/palette.ts';
import { DataTable } from '../DataTable.tsx';
import { formatNumber, formatRate, formatWithCi } from '../../format.ts';
import type { EvaluatedRun } from './evaluated-run.ts';

const pt = (x: number, y: number) => ({ x, y });

function rocSeries(run: EvaluatedRun, colour: string, dashed: boolean): CurveSeries | null {
  const roc = run.evaluation.roc;
  if (!roc) return null;
  return { name: `${run.name} (AUC ${formatNumber(run.evaluation.auc)})`, colour, dashed, points: roc.fpr.map((x, i) => pt(x, roc.tpr[i])) };
}

/** ROC curve of a run, with an optional second run overlaid, and its table of points. */
export function RocCard({ main, overlay }: { main: EvaluatedRun; overlay: EvaluatedRun | null }) {
  const series = [rocSeries(main, COLOURS.main, false), overlay && rocSeries(overlay, COLOURS.overlay, true)].filter((s): s is CurveSeries => s !== null);
  const roc = main.evaluation.roc;
  return (
    <ChartCard
      title="ROC curve"
      description={`AUC ${formatWithCi(main.evaluation.auc, main.evaluation.aucCi)}${overlay ? `; ${overlay.name}: ${formatWithCi(overlay.evaluation.auc, overlay.evaluation.aucCi)}` : ''}. The dashed diagonal is chance.`}
      chart={
        roc ? (
          <CurveChart
            series={series}
            xLabel="False positive rate (1 − specificity)"
            yLabel="Sensitivity"
            diagonal
            summary={`ROC curve; AUC ${formatNumber(main.evaluation.auc)}${overlay ? `, overlaid with ${overlay.name}, AUC ${formatNumber(overlay.evaluation.auc)}` : ''}.`}
          />
        ) : (
          <p className="hint empty-chart">No ROC curve: the test slice has only one outcome.</p>
        )
      }
      table={
        roc ? (
          <DataTable
            caption={`ROC curve of ${main.name}: ${roc.fpr.length} of ${roc.points} points`}
            showCaption
            scroll
            columns={[{ header: 'Threshold', numeric: true }, { header: 'False positive rate', numeric: true }, { header: 'Sensitivity', numeric: true }]}
            rows={roc.fpr.map((x, i) => [roc.thresholds[i] === null ? 'above all' : formatNumber(roc.thresholds[i], 4), formatNumber(x, 4), formatNumber(roc.tpr[i], 4)])}
          />
        ) : (
          <p>No points.</p>
        )
      }
    />
  );
}

/** Precision-recall curve with the DNA rate (a model that knows nothing) as reference. */
export function PrCard({ main, overlay }: { main: EvaluatedRun; overlay: EvaluatedRun | null }) {
  const pr = main.evaluation.pr;
  const toSeries = (r: EvaluatedRun, colour: string, dashed: boolean): CurveSeries | null =>
    r.evaluation.pr ? { name: `${r.name} (AP ${formatNumber(r.evaluation.averagePrecision)})`, colour, dashed, points: r.evaluation.pr.recall.map((x, i) => pt(x, (r.evaluation.pr as NonNullable<typeof pr>).precision[i])) } : null;
  const series = [toSeries(main, COLOURS.main, false), overlay && toSeries(overlay, COLOURS.overlay, true)].filter((s): s is CurveSeries => s !== null);
  const base = main.evaluation.prevalence;
  series.push({ name: `DNA rate (${formatRate(base)})`, colour: COLOURS.reference, dashed: true, points: [pt(0, base), pt(1, base)] });
  return (
    <ChartCard
      title="Precision and recall"
      description={`Average precision ${formatNumber(main.evaluation.averagePrecision)}. Precision: share of called appointments that were DNAs; recall: share of DNAs called.`}
      chart={pr ? <CurveChart series={series} xLabel="Recall (sensitivity)" yLabel="Precision" summary={`Precision-recall curve; average precision ${formatNumber(main.evaluation.averagePrecision)}.`} /> : <p className="hint empty-chart">No DNAs in the test slice.</p>}
      table={
        pr ? (
          <DataTable
            caption={`Precision-recall curve of ${main.name}: ${pr.recall.length} of ${pr.points} points`}
            showCaption
            scroll
            columns={[{ header: 'Threshold', numeric: true }, { header: 'Recall', numeric: true }, { header: 'Precision', numeric: true }]}
            rows={pr.recall.map((x, i) => [i < pr.thresholds.length ? formatNumber(pr.thresholds[i], 4) : '–', formatNumber(x, 4), formatNumber(pr.precision[i], 4)])}
          />
        ) : (
          <p>No points.</p>
        )
      }
    />
  );
}

/** Net benefit of calling by the model against calling everyone or no one. */
export function DecisionCurveCard({ main, threshold }: { main: EvaluatedRun; threshold: number }) {
  const d = main.evaluation.decisionCurve;
  const top = Math.max(0.01, ...d.map((p) => p.model), ...d.map((p) => p.treatAll));
  const series: CurveSeries[] = [
    { name: 'Call by the model', colour: COLOURS.main, points: d.map((p) => pt(p.threshold, p.model)) },
    { name: 'Call everyone', colour: COLOURS.treatAll, dashed: true, points: d.map((p) => pt(p.threshold, p.treatAll)) },
    { name: 'Call no one', colour: COLOURS.reference, dashed: true, points: d.map((p) => pt(p.threshold, p.treatNone)) },
  ];
  return (
    <ChartCard
      title="Decision curve"
      description="Net benefit (DNAs caught minus the weighted cost of needless calls, per appointment) at each risk threshold. Higher is better."
      chart={
        <CurveChart
          series={series}
          xLabel="Risk threshold"
          yLabel="Net benefit"
          xDomain={[0, Math.max(...d.map((p) => p.threshold), 0.1)]}
          yDomain={[-Math.round(top * 250) / 1000 - 0.005, Math.ceil(top * 1.1 * 1000) / 1000]}
          tickFormat={(v) => (Math.abs(v) < 1 ? String(Math.round(v * 1000) / 1000) : String(v))}
          marker={{ x: threshold, label: `${Math.round(threshold * 1000) / 10}%` }}
          summary="Decision curve: net benefit of calling by the model, calling everyone and calling no one, by risk threshold."
        />
      }
      table={
        <DataTable
          caption="Decision curve"
          showCaption
          scroll
          columns={[{ header: 'Threshold', numeric: true }, { header: 'Model', numeric: true }, { header: 'Call everyone', numeric: true }, { header: 'Call no one', numeric: true }]}
          rows={d.map((p) => [percentTick(p.threshold), formatNumber(p.model, 4), formatNumber(p.treatAll, 4), formatNumber(p.treatNone, 4)])}
        />
      }
    />
  );
}
