import { useEffect, useId, useRef, useState } from 'react';
import type { Outcome } from '../../../../core/api/index.ts';
import { OUTCOMES, OUTCOME_TEXT } from '../../analysis/mapping-fields.ts';
import type { FormProblem, OutcomeRow } from '../../analysis/mapping-form.ts';

interface Props {
  rows: readonly OutcomeRow[];
  problems: readonly FormProblem[];
  disabled: boolean;
  onAdd(): void;
  onChange(id: number, change: { value?: string; outcome?: Outcome }): void;
  onRemove(id: number): void;
}

/** The value → outcome table for outcome columns the import cannot read by itself (yes/no flags, local wording). */
export function OutcomeValuesTable({ rows, problems, disabled, onAdd, onChange, onRemove }: Props) {
  const base = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once the table has re-rendered: the new line's value box, or Add after a removal.
  const [focusNext, setFocusNext] = useState<'new' | 'add' | null>(null);
  const lastId = rows.length > 0 ? rows[rows.length - 1].id : null;

  useEffect(() => {
    if (focusNext === 'new' && lastId !== null) document.getElementById(`${base}-value-${lastId}`)?.focus();
    if (focusNext === 'add') addButton.current?.focus();
    setFocusNext(null);
  }, [focusNext, lastId, base]);

  return (
    <>
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="outcome-values">
            <caption className="visually-hidden">Outcome values</caption>
            <thead>
              <tr>
                <th scope="col">Value in the file</th>
                <th scope="col">Outcome</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const problem = problems.find((p) => p.control === `outcome-${row.id}`);
                const errorId = `${base}-error-${row.id}`;
                return (
                  <tr key={row.id}>
                    <td>
                      <input
                        id={`${base}-value-${row.id}`}
                        type="text"
                        aria-label={`Value ${i + 1}`}
                        value={row.value}
                        maxLength={200}
                        disabled={disabled}
                        aria-invalid={problem ? true : undefined}
                        aria-describedby={problem ? errorId : undefined}
                        onChange={(e) => onChange(row.id, { value: e.target.value })}
                      />
                      {problem && (
                        <p id={errorId} className="error-text">
                          {problem.message}
                        </p>
                      )}
                    </td>
                    <td>
                      <select
                        aria-label={`Outcome of value ${i + 1}`}
                        value={row.outcome}
                        disabled={disabled}
                        onChange={(e) => onChange(row.id, { outcome: e.target.value as Outcome })}
                      >
                        {OUTCOMES.map((o) => (
                          <option key={o} value={o}>
                            {OUTCOME_TEXT[o]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button-secondary small"
                        aria-label={`Remove value ${i + 1}${row.value.trim() ? ` (${row.value.trim()})` : ''}`}
                        disabled={disabled}
                        onClick={() => {
                          onRemove(row.id);
                          setFocusNext('add');
                        }}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions tight">
        <button
          ref={addButton}
          type="button"
          className="button-secondary small"
          disabled={disabled}
          onClick={() => {
            onAdd();
            setFocusNext('new');
          }}
        >
          Add a value
        </button>
      </div>
    </>
  );
}
