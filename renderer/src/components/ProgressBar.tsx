import type { ProgressEvent } from '../../../core/api/index.ts';

/** A labelled progress bar for a long operation. */
export function ProgressBar({ label, event }: { label: string; event: ProgressEvent | null }) {
  const pct = event?.total ? Math.min(100, Math.round((100 * event.done) / event.total)) : undefined;
  return (
    <div className="progress">
      <label>
        {label}
        {event?.message ? ` – ${event.message}` : ''}
        <progress max={100} value={pct}>
          {pct === undefined ? 'working' : `${pct}%`}
        </progress>
      </label>
    </div>
  );
}
