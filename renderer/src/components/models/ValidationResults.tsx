import { forwardRef } from 'react';
import type { BundleValidation } from '../../api/types.ts';
import { formatCount, formatDate, formatNumber, formatRate, formatWithCi } from '../../format.ts';
import { CalibrationCard } from '../evaluate/CalibrationCards.tsx';
import { RocCard } from '../evaluate/CurveCards.tsx';
import type { EvaluatedRun } from '../evaluate/evaluated-run.ts';
import { SubgroupCard } from '../evaluate/SubgroupCard.tsx';
import { Figures } from '../Figures.tsx';
import { Leaderboard } from '../Leaderboard.tsx';
import { Notice } from '../Notice.tsx';
import { CoverageTable, unseenWarnings } from './CoverageTable.tsx';

const ci2 = (c: readonly [number, number] | null) => (c ? `95% CI ${formatNumber(c[0], 2)} to ${formatNumber(c[1], 2)}` : undefined);

/** What an external validation found: discrimination and calibration with CIs, subgroups, dataset shift, the leaderboard. */
export const ValidationResults = forwardRef<HTMLHeadingElement, { result: BundleValidation }>(function ValidationResults({ result }, heading) {
  const e = result.external;
  const b = result.bundle;
  const main: EvaluatedRun = { runId: result.runId, name: `${b.name} ${b.version}`, evaluation: e };
  const warnings = unseenWarnings(result.coverage);
  const imported = [result.runId, ...(result.recalibrated ? [result.recalibrated.runId] : [])];
  return (
    <section aria-labelledby="validation-title">
      <h2 id="validation-title" ref={heading} tabIndex={-1} className="focus-target">
        External validation of {b.name} {b.version} on {result.dataset}
      </h2>
      <p className="run-line">
        Every attended or missed appointment of <strong>{result.dataset}</strong>: {formatCount(e.n)} appointments, {formatCount(e.events)} DNAs ({formatRate(e.prevalence)}).
        Recorded in the journal as run <code>{result.runId}</code>
        {b.signed ? '' : ' (from an unsigned bundle)'}.
      </p>
      <Figures
        label="External validation figures"
        items={[
          { label: 'AUC', value: formatNumber(e.auc), note: e.aucCi ? `95% CI ${formatNumber(e.aucCi[0])} to ${formatNumber(e.aucCi[1])}` : undefined },
          { label: 'Calibration slope', value: formatNumber(e.calibrationSlope, 2), note: ci2(e.calibrationSlopeCi) ?? 'ideal 1' },
          { label: 'Calibration intercept', value: formatNumber(e.calibrationIntercept, 2), note: ci2(e.calibrationInterceptCi) ?? 'ideal 0' },
          { label: 'Brier score', value: formatNumber(e.brier, 4), note: `calibration: ${b.calibration}` },
        ]}
      />
      {warnings.length > 0 && (
        <Notice kind="warning" title="Local values the model did not learn">
          <ul className="plain">
            {warnings.map((w) => (
              <li key={w.feature}>{w.text}</li>
            ))}
          </ul>
          <p>
            They count as "other", so the model tells those clinics or groups apart less well. Compare with the levels in the model card's predictors table, and check the
            calibration and subgroups below before relying on the model.
          </p>
        </Notice>
      )}
      {result.recalibrated && (
        <Notice kind="info" title={`Recalibrated locally (${result.recalibrated.method === 'platt' ? 'Platt scaling' : 'isotonic regression'})`}>
          Fitted on {formatCount(result.recalibrated.fittedOn.rows)} appointments from {formatDate(result.recalibrated.fittedOn.from)}; recorded as run{' '}
          <code>{result.recalibrated.runId}</code>. On the local test slice (from {formatDate(result.testSlice.from)}): Brier {formatNumber(result.testSlice.metrics.brier, 4)}{' '}
          as shipped, {formatNumber(result.recalibrated.testSlice.brier, 4)} recalibrated; AUC {formatWithCi(result.recalibrated.testSlice.auc, result.recalibrated.testSlice.aucCi)}.
        </Notice>
      )}
      <div className="chart-grid">
        <RocCard main={main} overlay={null} />
        <CoverageTable coverage={result.coverage} />
        <CalibrationCard main={main} overlay={null} />
        <SubgroupCard rows={e.subgroups} />
      </div>
      <section className="card" aria-labelledby="validation-board-title">
        <h3 id="validation-board-title">Leaderboard of {result.dataset}</h3>
        <p className="hint">
          Local runs, the imported model and the baselines on the same local test slice (from {formatDate(result.testSlice.from)}). The imported model is marked.
        </p>
        <Leaderboard rows={result.leaderboard} caption={`Leaderboard of ${result.dataset} with the imported model`} highlight={imported} />
      </section>
    </section>
  );
});
