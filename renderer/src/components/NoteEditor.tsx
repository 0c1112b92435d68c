import { useId, useState } from 'react';
import { call } from '../api/client.ts';

/** A run's note, editable in place; saved through runs.note. */
export function NoteEditor({ runId, note, onSaved }: { runId: string; note: string; onSaved(note: string): void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  if (!editing) {
    return (
      <div className="note">
        <span className={note ? undefined : 'hint'}>{note || 'No note'}</span>{' '}
        <button
          type="button"
          className="link-button"
          aria-label={`Edit note of ${runId}`}
          onClick={() => {
            setText(note);
            setEditing(true);
          }}
        >
          Edit
        </button>
      </div>
    );
  }
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const result = await call('runs.note', { runId, note: text });
      onSaved(result.note);
      setEditing(false);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="note-edit">
      <label htmlFor={id} className="visually-hidden">
        Note of {runId}
      </label>
      <textarea
        id={id}
        value={text}
        rows={2}
        maxLength={10_000}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setEditing(false);
        }}
      />
      <div className="note-actions">
        <button type="button" className="button-secondary small" disabled={saving} onClick={() => void save()}>
          Save note
        </button>
        <button type="button" className="link-button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
