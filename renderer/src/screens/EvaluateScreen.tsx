import { useEffect, useState } from 'react';
import { runLabel, storedMetrics, testFrom, testWeeks } from '../api/run-metrics.ts';
import type { RunRecord } from '../api/types.ts';
import { useOperation } from '../api/use-operation.ts';
import { DatasetPicker } from '../components/DatasetPicker.tsx';
import { CalibrationCard, HistogramCard } from '../components/evaluate/CalibrationCards.tsx';
import { DecisionCurveCard, PrCard, RocCard } from '../components/evaluate/CurveCards.tsx';
import type { EvaluatedRun } from '../components/evaluate/evaluated-run.ts';
import { ImportanceCard } from '../components/evaluate/ImportanceCard.tsx';
import { SubgroupCard } from '../components/evaluate/SubgroupCard.tsx';
import { ThresholdCard } from '../components/evaluate/ThresholdCard.tsx';
import { Figures } from '../components/Figures.tsx';
import { Notice } from '../components/Notice.tsx';
import { RunPicker } from '../components/RunPicker.tsx';
import { formatCount, formatDate, formatNumber, formatRate } from '../format.ts';

interface Props {
  dataset: string | null;
  onDataset(name: string | null): void;
  runId: string | null;
  onRun(runId: string | null): void;
}

/** A run with its stored evaluation, or null while loading or when the journal has none. */
function evaluated(run: RunRecord | null): EvaluatedRun | null {
  if (!run) return null;
  const m = storedMetrics(run);
  return m?.evaluation ? { runId: run.id, name: runLabel(run), evaluation: m.evaluation } : null;
}

/** The Evaluate screen: discrimination, calibration, thresholds and workload, decisions, subgroups, importance. */
export function EvaluateScreen({ dataset, onDataset, runId, onRun }: Props) {
  const [overlayId, setOverlayId] = useState<string | null>(null);
  const [threshold, setThreshold] = useState(0.2);
  const runs = useOperation('runs.list', dataset ? { dataset } : null, dataset);
  const list = runs.state === 'done' ? runs.value : [];

  // Keep the chosen run within this dataset's runs; the newest when none is chosen.
  useEffect(() => {
    if (runs.state !== 'done') return;
    if (runId === null || !runs.value.some((r) => r.id === runId)) onRun(runs.value[0]?.id ?? null);
  }, [runs, runId, onRun]);
  useEffect(() => {
    if (overlayId !== null && (overlayId === runId || (runs.state === 'done' && !runs.value.some((r) => r.id === overlayId)))) setOverlayId(null);
  }, [overlayId, runId, runs]);

  const chosen = runs.state === 'done' && runId !== null && runs.value.some((r) => r.id === runId) ? runId : null;
  const record = useOperation('runs.get', chosen ? { runId: chosen } : null, chosen);
  const second = useOperation('runs.get', overlayId ? { runId: overlayId } : null, overlayId);
  // Importance (SHAP on the test slice) is recomputed by runs.evaluate; it also stands in for
  // the stored evaluation of runs recorded before the journal kept one.
  const full = useOperation('runs.evaluate', chosen ? { runId: chosen } : null, chosen);

  const run = record.state === 'done' ? record.value : null;
  const main = evaluated(run) ?? (full.state === 'done' && run ? { runId: run.id, name: runLabel(run), evaluation: full.value.evaluation } : null);
  const overlay = evaluated(second.state === 'done' ? second.value : null);

  return (
    <>
      <div className="screen-head">
        <div>
          <h1>Evaluate</h1>
          <p className="lede">How well a run ranks and calibrates risk on its test slice, what a threshold means for the clinic, and for whom it works.</p>
        </div>
        <DatasetPicker dataset={dataset} onDataset={onDataset} />
      </div>
      {runs.state === 'failed' && <Notice kind="error">{runs.error}</Notice>}
      {runs.state === 'done' && list.length === 0 && (
        <Notice kind="info" title="No runs yet">
          Train a model on this dataset first (Train and compare).
        </Notice>
      )}
      {list.length > 0 && (
        <div className="picker-row">
          <RunPicker label="Run" runs={list} value={chosen} onChange={onRun} />
          <RunPicker
            label="Compare with (optional)"
            hint="Overlaid on the ROC curve, precision-recall and calibration."
            runs={list}
            value={overlayId}
            exclude={chosen}
            noneLabel="No second run"
            onChange={setOverlayId}
          />
        </div>
      )}
      {record.state === 'failed' && <Notice kind="error" title="Could not open the run">{record.error}</Notice>}
      {(record.state === 'loading' || (run && !main && full.state === 'loading')) && (
        <p className="loading" role="status">
          Loading the run…
        </p>
      )}
      {run && !main && full.state === 'failed' && <Notice kind="error" title="Could not evaluate the run">{full.error}</Notice>}
      {run && main && (
        <>
          <Headline run={run} main={main} />
          <div className="chart-grid">
            <RocCard main={main} overlay={overlay} />
            <PrCard main={main} overlay={overlay} />
            <CalibrationCard main={main} overlay={overlay} />
            <HistogramCard main={main} />
            <DecisionCurveCard main={main} threshold={threshold} />
            <ThresholdCard main={main} threshold={threshold} onThreshold={setThreshold} weeks={testWeeks(run)} from={testFrom(run)} />
            <SubgroupCard rows={main.evaluation.subgroups} />
            {full.state === 'done' && <ImportanceCard importance={full.value.importance} />}
            {full.state === 'loading' && (
              <section className="card chart-card wide">
                <h3>Feature importance</h3>
                <p className="loading" role="status">
                  Computing SHAP values on the test slice…
                </p>
              </section>
            )}
            {full.state === 'failed' && (
              <section className="card chart-card wide">
                <h3>Feature importance</h3>
                <Notice kind="warning">{full.error}</Notice>
              </section>
            )}
          </div>
        </>
      )}
    </>
  );
}

function Headline({ run, main }: { run: RunRecord; main: EvaluatedRun }) {
  const e = main.evaluation;
  const from = testFrom(run);
  return (
    <>
      <p className="run-line">
        Run <code>{run.id}</code>: {runLabel(run)}. Trained {formatDate(run.createdAt)} on <strong>{run.dataset}</strong>; {run.trees ?? '–'} trees.
      </p>
      <Figures
        label="Headline metrics"
        items={[
          { label: 'AUC', value: formatNumber(e.auc), note: e.aucCi ? `95% CI ${formatNumber(e.aucCi[0])} to ${formatNumber(e.aucCi[1])}` : undefined },
          { label: 'Average precision', value: formatNumber(e.averagePrecision), note: `DNA rate ${formatRate(e.prevalence)}` },
          { label: 'Brier score', value: formatNumber(e.brier, 4), note: 'lower is better' },
          {
            label: 'Test slice',
            value: formatCount(e.n),
            note: `${formatCount(e.events)} DNAs${from ? `, from ${formatDate(from)}` : ''}`,
          },
        ]}
      />
    </>
  );
}
