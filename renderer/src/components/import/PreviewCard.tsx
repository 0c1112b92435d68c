import { useId, useState, type RefObject } from 'react';
import type { ExtractField, ImportPreview, MappingFile, ProgressEvent } from '../../../../core/api/index.ts';
import { missingText } from '../../analysis/mapping-fields.ts';
import {
  addOutcomeRow,
  distinctValues,
  formFromDetection,
  removeOutcomeRow,
  setColumn,
  sharedColumns,
  updateOutcomeRow,
  type MappingForm,
} from '../../analysis/mapping-form.ts';
import { browserStore, keepMapping } from '../../analysis/mapping-memory.ts';
import { Notice } from '../Notice.tsx';
import { ProgressBar } from '../ProgressBar.tsx';
import { ColumnPickers } from './ColumnPickers.tsx';
import { MappingFileControls } from './MappingFileControls.tsx';
import { OutcomeValuesTable } from './OutcomeValuesTable.tsx';
import { useMappingPreview } from './use-mapping-preview.ts';

/** Where the preview step starts: the core's preview, the form shown first, and what detection alone found. */
export interface PreviewStart {
  preview: ImportPreview;
  form: MappingForm;
  /** The columns detection found without any mapping, for "use the detected columns". */
  detected: Partial<Record<ExtractField, string>>;
  /** True when the form came from the mapping remembered for these headers. */
  remembered: boolean;
}

interface Props {
  name: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  start: PreviewStart;
  dataset: string;
  nameId: string;
  onDataset(v: string): void;
  importing: boolean;
  progress: ProgressEvent | null;
  /** Import with this mapping; `detected` is what detection alone found in these headers. */
  onImport(mapping: MappingFile, headers: readonly string[], detected: Partial<Record<ExtractField, string>>): void;
}

/** Step 2 and 3 of the import: check and edit the column mapping against the file's first rows, then import. */
export function PreviewCard({ name, headingRef, start, dataset, nameId, onDataset, importing, progress, onImport }: Props) {
  const ids = { dna: useId(), dnaHint: useId(), dnaError: useId(), outcomeHint: useId(), importHint: useId() };
  const mp = useMappingPreview(start.preview, start.form);
  const { form, preview, built } = mp;
  const [rememberedNote, setRememberedNote] = useState(start.remembered);
  const [updated, setUpdated] = useState('');

  const edit = (change: (f: MappingForm) => MappingForm, note = 'Preview updated.') => {
    mp.edit(change);
    setUpdated(note);
  };
  const blocked = preview.missingRequired.length > 0;
  const dnaProblem = built.problems.find((p) => p.control === 'dnaCodes');
  const shared = sharedColumns(form);
  const seen = distinctValues(preview.headers, preview.rows, form.columns.attendanceStatus);
  const ready = !blocked && !mp.pending && built.mapping !== null && mp.error === null;
  const why = mp.pending
    ? 'Waiting for the preview of the edited mapping.'
    : mp.error
      ? 'The edited mapping could not be previewed (see the message above).'
      : built.mapping === null
        ? 'Correct the mapping above first.'
        : blocked
          ? `Choose a column for: ${missingText(preview.missingRequired)}.`
          : '';

  // A field detection recognises is read by its header's name unless the mapping sets it to null.
  function chooseColumn(field: ExtractField, header: string | null) {
    edit((f) => setColumn(f, field, header, start.detected[field] !== undefined));
  }

  return (
    <section className="card" aria-labelledby="preview-title">
      <h2 id="preview-title" ref={headingRef} tabIndex={-1} className="focus-target">
        2. Check the columns
      </h2>
      <p>
        <strong>{name}</strong>: {preview.encoding}, {delimiterName(preview.delimiter)} delimited, {preview.headers.length} columns.
      </p>
      <p role="status" className="hint">
        {mp.pending ? 'Updating the preview…' : mp.error ? '' : updated && (blocked ? `${updated} Still missing: ${missingText(preview.missingRequired)}.` : `${updated} Every required field has a column.`)}
      </p>
      {mp.error && (
        <Notice kind="error" title="The edited mapping cannot be previewed">
          {mp.error}
        </Notice>
      )}
      {blocked && (
        <Notice kind="error" title="Required fields not found">
          Choose a column for: {missingText(preview.missingRequired)}.
        </Notice>
      )}
      {rememberedNote && (
        <Notice kind="info" title="Mapping remembered">
          <p>The columns are set as they were when a file with these headers was last imported or its mapping saved.</p>
          <button
            type="button"
            className="link-button"
            disabled={importing}
            onClick={() => {
              setRememberedNote(false);
              edit(() => formFromDetection(start.detected), 'Detected columns restored.');
            }}
          >
            Use the detected columns instead
          </button>
        </Notice>
      )}

      <h3 className="spaced">Columns</h3>
      <p className="hint">Choose the column that holds each field. Fields whose header the import recognises are chosen already.</p>
      <ColumnPickers headers={preview.headers} columns={form.columns} disabled={importing} onChange={chooseColumn} />
      {shared.length > 0 && (
        <Notice kind="warning" title="One column, several fields">
          {shared.map((s) => (
            <p key={s.header}>
              <code>{s.header}</code> feeds {s.fields.join(' and ')}.
            </p>
          ))}
        </Notice>
      )}
      {preview.unmappedHeaders.length > 0 && (
        <Notice kind="info" title="Columns not used">
          {preview.unmappedHeaders.map((h) => (
            <code key={h} className="chip">
              {h}
            </code>
          ))}
        </Notice>
      )}

      <h3 className="spaced">Outcome values</h3>
      <p className="hint" id={ids.outcomeHint}>
        For an outcome column the import cannot read by itself, such as Yes and No in an “attended?” column: say what each value means. NHS codes (5, 6,
        7, 3, 2, 4, 0, 9) and the usual wording are read without this; values listed here take precedence. Lines left empty are ignored.
        {seen.length > 0 && (
          <>
            {' '}
            Values in the first rows of <code>{form.columns.attendanceStatus}</code>: {seen.join(', ')}.
          </>
        )}
      </p>
      <OutcomeValuesTable
        rows={form.outcomeRows}
        problems={built.problems}
        disabled={importing}
        onAdd={() => edit((f) => addOutcomeRow(f))}
        onChange={(id, change) => edit((f) => updateOutcomeRow(f, id, change))}
        onRemove={(id) => edit((f) => removeOutcomeRow(f, id))}
      />

      <h3 className="spaced">Codes and dates</h3>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.dna}>DNA codes</label>
          <p className="hint" id={ids.dnaHint}>
            ATTENDED OR DID NOT ATTEND codes counted as DNA, separated by commas. HES counts 3 (did not attend) and 7 (arrived late, not seen).
          </p>
          <input
            id={ids.dna}
            type="text"
            value={form.dnaCodes}
            maxLength={100}
            disabled={importing}
            aria-invalid={dnaProblem ? true : undefined}
            aria-describedby={dnaProblem ? `${ids.dnaHint} ${ids.dnaError}` : ids.dnaHint}
            onChange={(e) => edit((f) => ({ ...f, dnaCodes: e.target.value }))}
          />
          {dnaProblem && (
            <p id={ids.dnaError} className="error-text">
              {dnaProblem.message}
            </p>
          )}
        </div>
        <fieldset className="radios">
          <legend>Dates written with slashes</legend>
          <label>
            <input
              type="radio"
              name={`${ids.dna}-order`}
              value="dmy"
              checked={form.dateOrder === 'dmy'}
              disabled={importing}
              onChange={() => edit((f) => ({ ...f, dateOrder: 'dmy' }))}
            />{' '}
            Day first: 03/04/2025 is 3 April (UK)
          </label>
          <label>
            <input
              type="radio"
              name={`${ids.dna}-order`}
              value="mdy"
              checked={form.dateOrder === 'mdy'}
              disabled={importing}
              onChange={() => edit((f) => ({ ...f, dateOrder: 'mdy' }))}
            />{' '}
            Month first: 03/04/2025 is 4 March
          </label>
        </fieldset>
      </div>
      {built.problems.length > 0 && (
        <Notice kind="error" title="Check the mapping">
          <ul className="plain">
            {built.problems.map((p) => (
              <li key={p.control}>{p.message}</li>
            ))}
          </ul>
        </Notice>
      )}

      <h3 className="spaced">Save or load this mapping</h3>
      <MappingFileControls
        built={built}
        headers={preview.headers}
        disabled={importing}
        onSaved={(mapping) => keepMapping(browserStore(), preview.headers, mapping, start.detected)}
        onLoaded={(loaded, source) => {
          setRememberedNote(false);
          edit(() => loaded, `Mapping from ${source} applied.`);
        }}
      />

      <h3 className="spaced">First rows</h3>
      <div className="table-wrap scroll-x" tabIndex={0} role="region" aria-label="First rows of the file">
        <table className="compact">
          <thead>
            <tr>
              {preview.headers.map((h, i) => (
                <th scope="col" key={`${h}-${i}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="spaced">3. Import</h2>
      <div className="field">
        <label htmlFor={nameId}>Dataset name</label>
        <p className="hint">Importing into an existing dataset adds new appointments and updates ones already there.</p>
        <input id={nameId} type="text" value={dataset} maxLength={100} disabled={importing} onChange={(e) => onDataset(e.target.value)} />
      </div>
      {importing ? (
        <ProgressBar label="Importing" event={progress} />
      ) : (
        <>
          {why && (
            <p className="hint" id={ids.importHint}>
              {why}
            </p>
          )}
          <button
            type="button"
            className="button"
            disabled={!ready}
            aria-describedby={why ? ids.importHint : undefined}
            onClick={() => built.mapping && onImport(built.mapping, preview.headers, start.detected)}
          >
            Import {name}
          </button>
        </>
      )}
    </section>
  );
}

function delimiterName(d: string): string {
  return d === ',' ? 'comma' : d === '\t' ? 'tab' : d === '|' ? 'pipe' : d === ';' ? 'semicolon' : `'${d}'`;
}
