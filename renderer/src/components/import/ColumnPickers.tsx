import { useId } from 'react';
import type { ExtractField } from '../../../../core/api/index.ts';
import { FIELD_GROUPS, fieldLabel } from '../../analysis/mapping-fields.ts';

/** What the pickers show as the choice of no column. */
export const NOT_IN_FILE = '(not in this file)';

interface Props {
  headers: readonly string[];
  /** Field -> chosen header; absent or null reads "not in this file". */
  columns: Partial<Record<ExtractField, string | null>>;
  disabled: boolean;
  onChange(field: ExtractField, header: string | null): void;
}

/** One labelled select per extract field, grouped, listing the file's headers. */
export function ColumnPickers({ headers, columns, disabled, onChange }: Props) {
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
                    onChange={(e) => onChange(field, e.target.value === '' ? null : e.target.value)}
                  >
                    <option value="">{NOT_IN_FILE}</option>
                    {options.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </>
  );
}
