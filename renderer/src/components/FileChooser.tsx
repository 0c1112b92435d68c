import { useId } from 'react';
import { isElectron } from '../api/client.ts';

/**
 * Choosing a file on this computer: the native dialog in Electron (onPick), a
 * labelled file input in browser mode (onFile, then the input is reset so the
 * same file can be chosen again).
 */
export function FileChooser(props: {
  label: string;
  buttonText: string;
  accept: string;
  busy: boolean;
  hint?: string;
  onPick(): void;
  onFile(file: File | undefined): void;
}) {
  const id = useId();
  const hintId = useId();
  if (isElectron()) {
    return (
      <button type="button" className="button" aria-disabled={props.busy} onClick={() => !props.busy && props.onPick()}>
        {props.buttonText}
      </button>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <input
        id={id}
        type="file"
        accept={props.accept}
        disabled={props.busy}
        aria-describedby={props.hint ? hintId : undefined}
        onChange={(e) => {
          props.onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </div>
  );
}
