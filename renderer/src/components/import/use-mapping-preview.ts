import { useEffect, useMemo, useState } from 'react';
import type { ImportPreview } from '../../../../core/api/index.ts';
import { mappingFromForm, withResolvedColumns, type BuiltMapping, type MappingForm } from '../../analysis/mapping-form.ts';
import { call } from '../../api/client.ts';

/** The mapping editor's state: the form, the preview it last produced, and whether a newer one is on its way. */
export interface MappingPreview {
  form: MappingForm;
  built: BuiltMapping;
  /** The core's latest answer for this form (mapping, missing fields, first rows). */
  preview: ImportPreview;
  /** True from an edit until the preview of the edited mapping has come back. */
  pending: boolean;
  /** Why the latest preview failed, in the core's words. */
  error: string | null;
  /** Apply an edit; the preview follows once edits pause. */
  edit(change: (form: MappingForm) => MappingForm): void;
}

/**
 * Keep a preview in step with a mapping form: each edit, once the analyst pauses
 * for `delayMs`, asks the core for the preview of the edited mapping. Answers to
 * superseded edits are dropped (not aborted: an aborted request would read as a
 * network failure), and the form takes the columns the core resolved, so each
 * picker shows what the import will really read.
 */
export function useMappingPreview(initialPreview: ImportPreview, initialForm: MappingForm, delayMs = 350): MappingPreview {
  const [form, setForm] = useState(initialForm);
  const [revision, setRevision] = useState(0);
  const [preview, setPreview] = useState(initialPreview);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const built = useMemo(() => mappingFromForm(form), [form]);

  useEffect(() => {
    if (revision === 0) return;
    const mapping = built.mapping;
    if (!mapping) {
      setPending(false);
      return;
    }
    setPending(true);
    let current = true;
    const timer = setTimeout(() => {
      call('import.preview', { file: initialPreview.file, mapping })
        .then((answer) => {
          if (!current) return;
          setPreview(answer);
          setForm((f) => withResolvedColumns(f, answer.mapping));
          setError(null);
          setPending(false);
        })
        .catch((err: unknown) => {
          if (!current) return;
          setError((err as Error).message);
          setPending(false);
        });
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // Only edits start a preview; the form's own update from an answer must not start another.
  }, [revision]);

  return {
    form,
    built,
    preview,
    pending,
    error,
    edit(change) {
      setForm(change);
      setRevision((r) => r + 1);
    },
  };
}
