import { useId, useRef, useState } from 'react';
import { distinct, parseNumberList } from '../analysis/grid.ts';
import { call, canCancel } from '../api/client.ts';
import { storedMetrics } from '../api/run-metrics.ts';
import type { Comparison, LeaderboardRow, RunSummary, TrainResult } from '../api/types.ts';
import { useOperation } from '../api/use-operation.ts';
import { useProgress } from '../api/use-progress.ts';
import { useRunProgress } from '../api/use-run-progress.ts';
import { DatasetPicker } from '../components/DatasetPicker.tsx';
import { Leaderboard } from '../components/Leaderboard.tsx';
import { Notice } from '../components/Notice.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { RunJournal } from '../components/RunJournal.tsx';
import { useFocusAfter } from '../components/use-focus-after.ts';
import { FEATURES } from '../features.ts';
import { formatWithCi } from '../format.ts';

interface Props {
  dataset: string | null;
  onDataset(name: string | null): void;
  onEvaluate(runId: string): void;
}

type Mode = 'single' | 'grid';
type Outcome = { kind: 'single'; result: TrainResult } | { kind: 'grid'; comparison: Comparison };
/** What this screen sends as a training configuration (the core's schema checks it and names a bad field). */
interface TrainConfig {
  params: { trees: number; maxDepth?: number; eta?: number };
  calibration: 'platt' | 'isotonic' | 'none';
  features?: string[];
  note?: string;
}

/** Parse a whole or decimal number field, naming it when it is not a number. */
function numberField(text: string, what: string, integer = false): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw new Error(`${what}: '${text}' is not a number`);
  if (integer && !Number.isInteger(v)) throw new Error(`${what}: give a whole number, not ${text}`);
  return v;
}

/** The Train and compare screen: configure a run or a small grid, follow it, rank it, keep a journal. */
export function TrainScreen({ dataset, onDataset, onEvaluate }: Props) {
  const ids = { trees: useId(), depth: useId(), eta: useId(), calibration: useId(), note: useId(), depths: useId(), etas: useId(), archived: useId() };
  const [mode, setMode] = useState<Mode>('single');
  const [trees, setTrees] = useState('300');
  const [depth, setDepth] = useState('5');
  const [eta, setEta] = useState('0.05');
  const [depths, setDepths] = useState('3, 5');
  const [etas, setEtas] = useState('0.05, 0.1');
  const [calibration, setCalibration] = useState<'platt' | 'isotonic' | 'none'>('platt');
  const [features, setFeatures] = useState<Set<string>>(() => new Set(FEATURES.map((f) => f.name)));
  const [note, setNote] = useState('');
  const [running, setRunning] = useState<null | { kind: Mode; total: number }>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [journalKey, setJournalKey] = useState(0);
  const [showArchived, setShowArchived] = useState(false);
  const [boardView, setBoardView] = useState<'comparison' | 'all'>('comparison');
  const abort = useRef<AbortController | null>(null);
  const [finished, setFinished] = useState(0);
  const runningBox = useRef<HTMLDivElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const resultBox = useRef<HTMLDivElement>(null);
  const boardHeading = useRef<HTMLHeadingElement>(null);
  useFocusAfter(running !== null, () => (running ? runningBox.current : null));
  useFocusAfter(finished, () => errorBox.current ?? resultBox.current ?? boardHeading.current);
  // The overall bar of a comparison counts finished models; each run's trees arrive as run:* events.
  const progress = useProgress(running?.kind === 'grid' ? ['train.compare'] : ['train.run'], running !== null, (e) => !e.stage.startsWith('run:'));
  const runProgress = useRunProgress(running?.kind === 'grid');

  const runs = useOperation(
    'runs.list',
    dataset ? { dataset, includeArchived: showArchived } : null,
    dataset ? `${dataset}-${showArchived}-${journalKey}` : null,
  );
  // The last list stays on screen while a refreshed one loads, so the tables do not flicker.
  const lastRuns = useRef<RunSummary[]>([]);
  if (runs.state === 'done') lastRuns.current = runs.value;
  else if (runs.state === 'idle') lastRuns.current = [];
  const runList = lastRuns.current;
  const board = useOperation('runs.leaderboard', dataset ? { dataset } : null, dataset ? `${dataset}-${journalKey}` : null);
  const lastBoard = useRef<LeaderboardRow[]>([]);
  if (board.state === 'done') lastBoard.current = board.value;
  else if (board.state === 'idle') lastBoard.current = [];

  let gridSize: number | null = null;
  try {
    gridSize = distinct(parseNumberList(depths, 'depths')).length * distinct(parseNumberList(etas, 'learning rates')).length;
  } catch {
    gridSize = null;
  }

  function baseConfig(): TrainConfig {
    if (features.size === 0) throw new Error('Features: choose at least one feature');
    const chosen = FEATURES.filter((f) => features.has(f.name)).map((f) => f.name);
    const config: TrainConfig = { calibration, params: { trees: numberField(trees, 'Trees', true) } };
    if (chosen.length < FEATURES.length) config.features = chosen;
    if (note.trim()) config.note = note.trim();
    return config;
  }

  async function start() {
    if (!dataset) return;
    setError(null);
    let request: () => Promise<Outcome>;
    const controller = new AbortController();
    try {
      const base = baseConfig();
      if (mode === 'single') {
        const config: TrainConfig = { ...base, params: { ...base.params, maxDepth: numberField(depth, 'Maximum depth', true), eta: numberField(eta, 'Learning rate') } };
        request = async () => ({ kind: 'single', result: await call('train.run', { dataset, config }, { signal: controller.signal }) });
        setRunning({ kind: 'single', total: 1 });
      } else {
        const maxDepth = distinct(parseNumberList(depths, 'Depths'));
        const etaList = distinct(parseNumberList(etas, 'Learning rates'));
        request = async () => ({
          kind: 'grid',
          comparison: await call('train.compare', { dataset, grid: { base, params: { maxDepth, eta: etaList } } }, { signal: controller.signal }),
        });
        setRunning({ kind: 'grid', total: maxDepth.length * etaList.length });
      }
    } catch (err) {
      setError((err as Error).message);
      return;
    }
    abort.current = controller;
    try {
      setOutcome(await request());
      setBoardView('comparison');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      abort.current = null;
      setRunning(null);
      setFinished((n) => n + 1);
      setJournalKey((k) => k + 1);
    }
  }

  const toggleFeature = (name: string) =>
    setFeatures((s) => {
      const next = new Set(s);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  const groups = [...new Set(FEATURES.map((f) => f.group))];
  const busy = running !== null;

  return (
    <>
      <div className="screen-head">
        <div>
          <h1>Train and compare</h1>
          <p className="lede">Train gradient-boosted DNA models on a dataset, compare them with the baselines and keep notes on every run.</p>
        </div>
        <DatasetPicker dataset={dataset} onDataset={onDataset} />
      </div>
      {error && (
        <div ref={errorBox} tabIndex={-1} className="focus-target">
          <Notice kind="error" title="Training did not run">
            {error}
          </Notice>
        </div>
      )}

      <section className="card" aria-labelledby="configure-title">
        <h2 id="configure-title">Configure</h2>
        <fieldset className="radios">
          <legend>What to train</legend>
          <label>
            <input type="radio" name="train-mode" value="single" checked={mode === 'single'} disabled={busy} onChange={() => setMode('single')} /> One model
          </label>
          <label>
            <input type="radio" name="train-mode" value="grid" checked={mode === 'grid'} disabled={busy} onChange={() => setMode('grid')} /> A small grid (every depth with every
            learning rate)
          </label>
        </fieldset>

        <div className="form-grid">
          <div className="field">
            <label htmlFor={ids.trees}>Trees (most)</label>
            <p className="hint">Early stopping on the validation slice keeps fewer when more do not help.</p>
            <input id={ids.trees} type="number" min={1} max={5000} step={1} value={trees} disabled={busy} onChange={(e) => setTrees(e.target.value)} />
          </div>
          {mode === 'single' ? (
            <>
              <div className="field">
                <label htmlFor={ids.depth}>Maximum depth</label>
                <p className="hint">Levels of each tree; 3 to 7 suits most extracts.</p>
                <input id={ids.depth} type="number" min={1} max={16} step={1} value={depth} disabled={busy} onChange={(e) => setDepth(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor={ids.eta}>Learning rate (eta)</label>
                <p className="hint">Smaller learns slower and needs more trees.</p>
                <input id={ids.eta} type="number" min={0.001} max={1} step={0.01} value={eta} disabled={busy} onChange={(e) => setEta(e.target.value)} />
              </div>
            </>
          ) : (
            <>
              <div className="field">
                <label htmlFor={ids.depths}>Depths to try</label>
                <p className="hint">Separate values with commas, e.g. 3, 5, 7.</p>
                <input id={ids.depths} type="text" value={depths} disabled={busy} onChange={(e) => setDepths(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor={ids.etas}>Learning rates to try</label>
                <p className="hint">Separate values with commas, e.g. 0.05, 0.1.</p>
                <input id={ids.etas} type="text" value={etas} disabled={busy} onChange={(e) => setEtas(e.target.value)} />
              </div>
            </>
          )}
          <div className="field">
            <label htmlFor={ids.calibration}>Calibration</label>
            <p className="hint">Fitted on the validation slice so risks read as probabilities.</p>
            <select id={ids.calibration} value={calibration} disabled={busy} onChange={(e) => setCalibration(e.target.value as typeof calibration)}>
              <option value="platt">Platt scaling (logistic)</option>
              <option value="isotonic">Isotonic</option>
              <option value="none">None (the model's own probabilities)</option>
            </select>
          </div>
        </div>

        <fieldset className="features">
          <legend>
            Features ({features.size} of {FEATURES.length})
          </legend>
          <div className="actions tight">
            <button type="button" className="link-button" disabled={busy} onClick={() => setFeatures(new Set(FEATURES.map((f) => f.name)))}>
              Select all features
            </button>
            <button type="button" className="link-button" disabled={busy} onClick={() => setFeatures(new Set())}>
              Clear all features
            </button>
          </div>
          <div className="feature-groups">
            {groups.map((g) => (
              <div key={g} className="feature-group" role="group" aria-label={g}>
                <p className="group-title" aria-hidden="true">
                  {g}
                </p>
                {FEATURES.filter((f) => f.group === g).map((f) => (
                  <label key={f.name} className="checkbox">
                    <input type="checkbox" checked={features.has(f.name)} disabled={busy} onChange={() => toggleFeature(f.name)} /> {f.label}
                  </label>
                ))}
              </div>
            ))}
          </div>
        </fieldset>

        <div className="field">
          <label htmlFor={ids.note}>Note (optional)</label>
          <p className="hint">Why this run: kept in the journal beside its results.</p>
          <textarea id={ids.note} value={note} rows={2} maxLength={10_000} disabled={busy} onChange={(e) => setNote(e.target.value)} />
        </div>

        {busy ? (
          <div className="running focus-target" ref={runningBox} tabIndex={-1}>
            <ProgressBar
              label={running.kind === 'grid' ? 'Comparing' : 'Training'}
              event={progress}
              detail={
                running.kind === 'grid'
                  ? `${progress?.done ?? 0} of ${running.total} models trained`
                  : progress?.stage === 'training' && progress.total
                    ? `tree ${progress.done} of ${progress.total}`
                    : progress?.stage
              }
            />
            {running.kind === 'grid' && runProgress.length > 0 && (
              <ul className="run-progress" aria-label="Progress of each model">
                {runProgress.map((r) => (
                  <li key={r.name}>
                    <span>{r.name}</span>{' '}
                    <span className="hint">
                      {r.stage === 'training' && r.total ? `tree ${r.done} of ${r.total}` : r.stage}
                    </span>
                    {r.stage === 'training' && r.total > 0 && <progress max={r.total} value={r.done} aria-label={`${r.name}: trees trained`} />}
                  </li>
                ))}
              </ul>
            )}
            {canCancel() && (
              <button type="button" className="button-secondary" onClick={() => abort.current?.abort()}>
                Cancel
              </button>
            )}
          </div>
        ) : (
          <div className="actions">
            <button type="button" className="button" disabled={!dataset || (mode === 'grid' && gridSize === null)} onClick={() => void start()}>
              {mode === 'single' ? 'Train model' : `Train ${gridSize ?? '?'} models`}
            </button>
          </div>
        )}
      </section>

      {outcome?.kind === 'single' && !busy && (
        <div ref={resultBox} tabIndex={-1} className="focus-target">
        <Notice kind="info" title="Run finished">
          <p>
            Run <code>{outcome.result.runId}</code> kept {outcome.result.trees} trees; test-slice AUC {formatWithCi(outcome.result.metrics.auc, outcome.result.metrics.aucCi)} against{' '}
            {formatWithCi(outcome.result.baselines.logistic.auc, null)} for logistic regression and {formatWithCi(outcome.result.baselines.priorDnaRate.auc, null)} for the prior
            DNA rate.
          </p>
          <button type="button" className="button-secondary small" onClick={() => onEvaluate(outcome.result.runId)}>
            Evaluate this run
          </button>
        </Notice>
        </div>
      )}

      <section className="card" aria-labelledby="leaderboard-title">
        <h2 id="leaderboard-title" ref={boardHeading} tabIndex={-1} className="focus-target">
          Leaderboard
        </h2>
        {outcome?.kind === 'grid' && boardView === 'comparison' ? (
          <>
            <p className="hint">
              The comparison just run, ranked by AUC on the test slice, beside the two baselines.{' '}
              <button type="button" className="link-button" onClick={() => setBoardView('all')}>
                Show every run of this dataset
              </button>
            </p>
            <Leaderboard rows={outcome.comparison.leaderboard} caption="Leaderboard of the latest comparison" onEvaluate={onEvaluate} />
          </>
        ) : (
          <>
            <p className="hint">
              Every run of this dataset that is not archived, ranked by AUC on its test slice, beside the baselines of the newest run.{' '}
              {outcome?.kind === 'grid' && (
                <button type="button" className="link-button" onClick={() => setBoardView('comparison')}>
                  Show only the latest comparison
                </button>
              )}
            </p>
            {board.state === 'failed' && <Notice kind="error">{board.error}</Notice>}
            <Leaderboard rows={lastBoard.current} caption="Leaderboard of the runs of this dataset" onEvaluate={onEvaluate} />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="journal-title">
        <div className="card-head">
          <h2 id="journal-title">Journal</h2>
          <label className="checkbox" htmlFor={ids.archived}>
            <input id={ids.archived} type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived runs
          </label>
        </div>
        {runs.state === 'failed' && <Notice kind="error">{runs.error}</Notice>}
        {runs.state === 'loading' && runList.length === 0 && <p className="loading">Loading runs…</p>}
        {(runs.state === 'done' || runList.length > 0) && <RunJournal runs={runList} onChanged={() => setJournalKey((k) => k + 1)} onEvaluate={onEvaluate} />}
        {runs.state === 'done' && runList.some((r) => !storedMetrics(r)) && <p className="hint">Runs without stored metrics show a dash.</p>}
      </section>
    </>
  );
}
