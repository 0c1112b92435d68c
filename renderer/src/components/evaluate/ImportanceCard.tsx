import type { RunEvaluation } from '../../api/types.ts';
import { featureLabel } from '../../features.ts';
import { formatNumber } from '../../format.ts';
import { ChartCard } from '../ChartCard.tsx';
import { ImportanceChart } from '../charts/ImportanceChart.tsx';
import { DataTable } from '../DataTable.tsx';

const TOP = 15;

/** Mean absolute SHAP per feature (how much each moves the risk), with total gain in the table. */
export function ImportanceCard({ importance }: { importance: RunEvaluation['importance'] }) {
  const gain = new Map(importance.totalGain.map((f) => [f.feature, f.importance]));
  const top = importance.meanAbsShap.slice(0, TOP);
  return (
    <ChartCard
      wide
      title="Feature importance"
      description={`The ${top.length} features that move predicted risk most on the test slice (mean absolute SHAP value, log-odds).`}
      chart={<ImportanceChart features={top} label={featureLabel} summary={`Feature importance; largest: ${top.slice(0, 3).map((f) => featureLabel(f.feature)).join(', ')}.`} />}
      table={
        <DataTable
          caption="Feature importance"
          showCaption
          scroll
          columns={[{ header: 'Feature' }, { header: 'Mean |SHAP|', numeric: true }, { header: 'Total gain', numeric: true }]}
          rows={importance.meanAbsShap.map((f) => [featureLabel(f.feature), formatNumber(f.importance, 4), formatNumber(gain.get(f.feature) ?? null, 1)])}
        />
      }
    />
  );
}
