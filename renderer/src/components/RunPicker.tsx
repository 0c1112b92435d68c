import { useId } from 'react';
import { runLabel, storedMetrics } from '../api/run-metrics.ts';
import type { RunSummary } from '../api/types.ts';
import { formatDate, formatNumber } from '../format.ts';

interface Props {
  label: string;
  runs: readonly RunSummary[];
  value: string | null;
  onChange(runId: string | null): void;
  /** Offer "none" (for an optional second run). */
  noneLabel?: string;
  exclude?: string | null;
  hint?: string;
}

/** A labelled select of journal runs, each shown with its AUC and date. */
export function RunPicker({ label, runs, value, onChange, noneLabel, exclude, hint }: Props) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field inline">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <select id={id} value={value ?? ''} aria-describedby={hint ? hintId : undefined} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        {noneLabel !== undefined && <option value="">{noneLabel}</option>}
        {runs
          .filter((r) => r.id !== exclude)
          .map((r) => (
            <option key={r.id} value={r.id}>
              {runLabel(r)} – AUC {formatNumber(storedMetrics(r)?.holdout.auc)} – {formatDate(r.createdAt)} ({r.id})
            </option>
          ))}
      </select>
    </div>
  );
}
