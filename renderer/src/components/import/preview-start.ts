import { formFromDetection, formFromMapping, mappingFromForm, withResolvedColumns } from '../../analysis/mapping-form.ts';
import { forgetMapping, recallMapping, type MappingStore } from '../../analysis/mapping-memory.ts';
import { call } from '../../api/client.ts';
import type { PreviewStart } from './PreviewCard.tsx';

/**
 * Preview a file as detection maps it; when a mapping was remembered for the same
 * headers, preview again with it, so a weekly extract of the same layout opens
 * mapped as last time. A remembered mapping the file no longer fits is forgotten.
 */
export async function startPreview(file: string, store: MappingStore | null): Promise<PreviewStart> {
  const plain = await call('import.preview', { file });
  const remembered = recallMapping(store, plain.headers);
  if (remembered) {
    const applied = formFromMapping(remembered, plain.headers, 'remembered mapping');
    const mapping = 'form' in applied ? mappingFromForm(applied.form).mapping : null;
    if ('form' in applied && mapping) {
      try {
        const preview = await call('import.preview', { file, mapping });
        return { preview, form: withResolvedColumns(applied.form, preview.mapping), detected: plain.mapping, remembered: true };
      } catch {
        // Fall through to the detected mapping; the analyst can still map by hand.
      }
    }
    forgetMapping(store, plain.headers);
  }
  return { preview: plain, form: formFromDetection(plain.mapping), detected: plain.mapping, remembered: false };
}
