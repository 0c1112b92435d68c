/**
 * A tiny document model for the model card and README: written once as
 * blocks, rendered to Markdown and to HTML, so the two cards never drift and
 * every value passes through one escaping path per format.
 */

/** Inline text: plain words, a code span (names, commands, hashes) or strong words. */
export type Inline = string | { code: string } | { strong: string };

/** A run of inline text. */
export type Text = Inline | Inline[];

/** One block of a document. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: Text }
  | { kind: 'list'; items: Text[] }
  | { kind: 'table'; head: string[]; rows: Text[][]; numeric?: boolean[] }
  | { kind: 'code'; text: string };

/** Inline text as a list of pieces. */
export function pieces(text: Text): Inline[] {
  return Array.isArray(text) ? text : [text];
}

/** A code span. */
export function code(text: string): Inline {
  return { code: text };
}

/** Strong (bold) words. */
export function strong(text: string): Inline {
  return { strong: text };
}

/** A heading block. */
export function heading(level: 1 | 2 | 3, text: string): Block {
  return { kind: 'heading', level, text };
}

/** A paragraph block. */
export function paragraph(...text: Inline[]): Block {
  return { kind: 'paragraph', text };
}

/** A bulleted list block. */
export function list(items: Text[]): Block {
  return { kind: 'list', items };
}

/** A table block; `numeric` right-aligns the columns marked true. */
export function table(head: string[], rows: Text[][], numeric?: boolean[]): Block {
  for (const [i, row] of rows.entries()) {
    if (row.length !== head.length) throw new Error(`table "${head.join(' | ')}": row ${i + 1} has ${row.length} cells, expected ${head.length}`);
  }
  return { kind: 'table', head, rows, numeric };
}

/** A code block (commands to copy). */
export function codeBlock(text: string): Block {
  return { kind: 'code', text };
}
