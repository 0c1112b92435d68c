import { open } from 'node:fs/promises';
import type { MappingFile } from './types.ts';

/** Delimiters the import recognises. */
export type Delimiter = ',' | '\t' | '|' | ';';
/** Encodings the import reads. */
export type Encoding = 'utf-8' | 'windows-1252';

/** What the first bytes of a file say about how to read it. */
export interface FileHead {
  totalBytes: number;
  encoding: Encoding;
  bom: boolean;
  delimiter: Delimiter;
  /** The head decoded (without BOM); a row may be cut at its end unless `complete`. */
  text: string;
  /** True when the head is the whole file. */
  complete: boolean;
}

/** How much of a file is read to decide encoding, delimiter and header. */
export const HEAD_BYTES = 256 * 1024;

/** True when bytes look like binary data rather than text: NUL bytes or more than 1% control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if ((b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) || b === 127) control++;
  }
  return control > bytes.length / 100;
}

/** True when the bytes start with the UTF-8 byte order mark. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * The encoding of a file from its first bytes: a BOM means UTF-8; otherwise UTF-8
 * when the bytes decode strictly (a character cut at the end is allowed), else Windows-1252.
 */
export function detectEncoding(bytes: Uint8Array): Encoding {
  if (hasUtf8Bom(bytes)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The delimiter of a header line: the most frequent of , tab | ; outside quotes (comma when none). */
export function detectDelimiter(text: string): Delimiter {
  const counts = { ',': 0, '\t': 0, '|': 0, ';': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as Delimiter]++;
  }
  let best: Delimiter = ',';
  for (const d of [',', '\t', '|', ';'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/** Why the first bytes cannot be a CSV extract, or null. */
function refusal(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) {
    return 'looks like an Excel workbook or zip archive, not CSV text; save it as CSV first';
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return 'is UTF-16 text; save it as UTF-8 or Windows-1252 CSV';
  }
  if (looksBinary(bytes)) return 'is not a CSV text file (it holds binary data)';
  return null;
}

/** Read and check the head of a file; throws for an empty or binary file. */
export async function readHead(file: string, mapping?: MappingFile): Promise<FileHead> {
  const handle = await open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new Error(err.code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${err.message})`);
  });
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    const head = bytes.subarray(0, bytesRead);
    const why = refusal(head);
    if (why) throw new Error(`${file} ${why}`);
    const bom = hasUtf8Bom(head);
    const encoding = mapping?.encoding ?? detectEncoding(head);
    const text = new TextDecoder(encoding).decode(head, { stream: bytesRead < size });
    if (text.trim() === '') throw new Error(`${file} is empty`);
    const delimiter = mapping?.delimiter ?? detectDelimiter(text);
    return { totalBytes: size, encoding, bom: bom && encoding === 'utf-8', delimiter, text, complete: bytesRead >= size };
  } finally {
    await handle.close();
  }
}
