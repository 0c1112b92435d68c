import { useId, useState } from 'react';
import type { MappingFile } from '../../../../core/api/index.ts';
import { MAPPING_FILE_NAME, mappingJson, parseMappingFile } from '../../analysis/mapping-file.ts';
import { formFromMapping, type BuiltMapping, type MappingForm } from '../../analysis/mapping-form.ts';
import { downloadText } from '../../api/client.ts';
import { Notice } from '../Notice.tsx';
import { readTextFile } from './read-text-file.ts';

interface Props {
  built: BuiltMapping;
  headers: readonly string[];
  disabled: boolean;
  onSaved(mapping: MappingFile): void;
  onLoaded(form: MappingForm, source: string): void;
}

/** Save the mapping as the command line's --mapping JSON, or load one saved before. */
export function MappingFileControls({ built, headers, disabled, onSaved, onLoaded }: Props) {
  const loadId = useId();
  const hintId = useId();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  function save() {
    setError(null);
    if (!built.mapping) {
      setStatus('');
      setError(`Not saved: ${built.problems.map((p) => p.message).join('; ')}`);
      return;
    }
    downloadText(MAPPING_FILE_NAME, mappingJson(built.mapping), 'application/json;charset=utf-8');
    onSaved(built.mapping);
    setStatus(`Mapping saved as ${MAPPING_FILE_NAME}.`);
  }

  async function load(file: File) {
    setError(null);
    setStatus('');
    try {
      const mapping = parseMappingFile(await readTextFile(file), file.name);
      const applied = formFromMapping(mapping, headers, file.name);
      if ('error' in applied) throw new Error(applied.error);
      onLoaded(applied.form, file.name);
      // Fields set to null (not in this file) are not columns set.
      const n = Object.values(mapping.columns ?? {}).filter((h) => h !== null).length;
      setStatus(`Loaded ${file.name}: ${n} ${n === 1 ? 'column' : 'columns'} set; the preview follows.`);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <>
      <p className="hint" id={hintId}>
        The file is the JSON the command line takes with <code>attend import FILE --mapping {MAPPING_FILE_NAME}</code>, so the weekly import can run
        without this screen.
      </p>
      <div className="picker-row">
        <button type="button" className="button-secondary" disabled={disabled} onClick={save} aria-describedby={hintId}>
          Save mapping
        </button>
        <div className="field inline">
          <label htmlFor={loadId}>Load mapping</label>
          <input
            id={loadId}
            type="file"
            accept=".json,application/json"
            disabled={disabled}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void load(file);
            }}
          />
        </div>
      </div>
      <p role="status" className="hint">
        {status}
      </p>
      {error && (
        <Notice kind="error" title="Mapping file problem">
          {error}
        </Notice>
      )}
    </>
  );
}
