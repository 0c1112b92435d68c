import { useState } from 'react';
import { call } from '../api/client.ts';
import { runCalibration, runParams, storedMetrics } from '../api/run-metrics.ts';
import type { RunSummary } from '../api/types.ts';
import { formatTimestamp, formatWithCi } from '../format.ts';
import { NoteEditor } from './NoteEditor.tsx';

interface Props {
  runs: readonly RunSummary[];
  onChanged(): void;
  onEvaluate(runId: string): void;
}

/** Every run of a dataset: when, how, how well, the analyst's note; archive or restore. */
export function RunJournal({ runs, onChanged, onEvaluate }: Props) {
  const [error, setError] = useState<string | null>(null);
  if (runs.length === 0) return <p>No runs yet.</p>;
  const archive = async (run: RunSummary) => {
    setError(null);
    try {
      await call('runs.archive', { runId: run.id, archived: !run.archived });
      onChanged();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="table-wrap">
        <table className="journal">
          <caption className="visually-hidden">Runs of this dataset, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Trained</th>
              <th scope="col">Run</th>
              <th scope="col">Settings</th>
              <th scope="col">AUC (95% CI)</th>
              <th scope="col">Note</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const p = runParams(run);
              const m = storedMetrics(run);
              return (
                <tr key={run.id} className={run.archived ? 'archived' : undefined}>
                  <td>{formatTimestamp(run.createdAt)}</td>
                  <th scope="row">
                    <code>{run.id}</code>
                    {run.archived && <span className="tag tag-neutral">archived</span>}
                  </th>
                  <td>
                    depth {p.maxDepth ?? '–'}, eta {p.eta ?? '–'}, {run.trees ?? '–'} of {p.trees ?? '–'} trees, {runCalibration(run)} calibration
                  </td>
                  <td>{m ? formatWithCi(m.holdout.auc, m.holdout.aucCi) : '–'}</td>
                  <td className="note-cell">
                    <NoteEditor runId={run.id} note={run.note} onSaved={onChanged} />
                  </td>
                  <td className="row-actions">
                    <button type="button" className="button-secondary small" onClick={() => onEvaluate(run.id)} aria-label={`Evaluate ${run.id}`}>
                      Evaluate
                    </button>
                    <button type="button" className="link-button" onClick={() => void archive(run)} aria-label={`${run.archived ? 'Restore' : 'Archive'} ${run.id}`}>
                      {run.archived ? 'Restore' : 'Archive'}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
