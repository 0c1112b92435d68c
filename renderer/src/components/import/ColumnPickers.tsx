import { useId } from 'react';
import type { ExtractField } from '../../../../core/api/index.ts';
import { FIELD_GROUPS, FIELD_TEXT, fieldLabel } from '../../analysis/mapping-fields.ts';

/** What the pickers show as the choice of no column. */
export const NOT_IN_FILE = '(not in this file)';

interface Props {
  headers: readonly string[];
  columns: Partial<Record<ExtractField, string>>;
  /** Fields the analyst set to "not in this file" that the import still reads by their header's name. */
  readByName: ReadonlySet<ExtractField>;
  disabled: boolean;
  onChange(field: ExtractField, header: string | null): void;
}

/** One labelled select per extract field, grouped, listing the file's headers. */
export function ColumnPickers({ headers, columns, readByName, disabled, onChange }: Props) {
  const base = useId();
  const options = [...new Set(headers)];
  return (
    <>
      {FIELD_GROUPS.map((group) => (
        <fieldset key={group.title}>
          <legend>{group.title}</legend>
          <div className="form-grid">
            {group.fields.map((field) => {
              const id = `${base}-${field}`;
              const value = columns[field] ?? '';
              return (
                <div className="field" key={field}>
                  <label htmlFor={id}>{fieldLabel(field)}</label>
                  <select
                    id={id}
                    value={value}
                    disabled={disabled}
                    aria-describedby={readByName.has(field) ? `${id}-note` : undefined}
                    onChange={(e) => onChange(field, e.target.value === '' ? null : e.target.value)}
                  >
                    <option value="">{NOT_IN_FILE}</option>
                    {options.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                  {readByName.has(field) && value !== '' && (
                    <p id={`${id}-note`} className="hint">
                      The import recognises the header <code>{value}</code> as the {FIELD_TEXT[field].toLowerCase()}, so it reads it even when
                      not chosen here. Rename that column in the extract to leave it out.
                    </p>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </>
  );
}
