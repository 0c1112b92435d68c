import { headerOf, headRecords } from './header.ts';
import { detectMapping } from './mapping.ts';
import { readHead } from './sniff.ts';
import type { ImportPreview, MappingFile } from './types.ts';

/** Rows shown on the import screen before importing. */
export const PREVIEW_ROWS = 20;

/** Read the first rows of a file and the mapping the import would use, without touching a workspace. */
export async function previewExtract(file: string, mapping?: MappingFile): Promise<ImportPreview> {
  const head = await readHead(file, mapping);
  const headers = headerOf(file, head);
  const resolved = detectMapping(headers, mapping);
  return {
    file,
    encoding: head.bom ? 'utf-8-bom' : head.encoding,
    delimiter: head.delimiter,
    headers,
    rows: headRecords(head, PREVIEW_ROWS + 1).slice(1),
    mapping: resolved.mapping,
    unmappedHeaders: resolved.unmappedHeaders,
    missingRequired: resolved.missingRequired,
  };
}
