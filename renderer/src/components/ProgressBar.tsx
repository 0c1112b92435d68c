import type { ProgressEvent } from '../../../core/api/index.ts';

/** Percent done of a progress event, or undefined when its total is unknown. */
export function percentDone(event: ProgressEvent | null): number | undefined {
  return event?.total ? Math.min(100, Math.round((100 * event.done) / event.total)) : undefined;
}

/**
 * A labelled progress bar for a long operation. Screen readers hear it through a
 * polite live region that changes only every 10%, so announcements stay sparse.
 */
export function ProgressBar({ label, event, detail }: { label: string; event: ProgressEvent | null; detail?: string }) {
  const pct = percentDone(event);
  const text = detail ?? event?.message ?? (event ? stageText(event) : '');
  const coarse = pct === undefined ? undefined : Math.floor(pct / 10) * 10;
  return (
    <div className="progress">
      <label>
        {label}
        {text ? ` – ${text}` : ''}
        <progress max={100} value={pct}>
          {pct === undefined ? 'working' : `${pct}%`}
        </progress>
      </label>
      <p className="visually-hidden" aria-live="polite">
        {coarse === undefined ? `${label}: working` : `${label}: ${coarse}% done`}
      </p>
    </div>
  );
}

function stageText(e: ProgressEvent): string {
  if (e.stage === 'training' && e.total) return `training, ${e.done} of ${e.total}`;
  return e.stage;
}
