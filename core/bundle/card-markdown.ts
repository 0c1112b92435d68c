/**
 * Markdown (CommonMark with GitHub tables) of card blocks. Every value is
 * escaped so that text from the data (a dataset name, a note, a specialty)
 * can neither add markup nor raw HTML when a viewer renders the file.
 */
import { pieces, type Block, type Inline, type Text } from './card-blocks.ts';

/** Plain text made inert in Markdown: one line, punctuation escaped, no HTML tags or entities. */
export function markdownText(s: string): string {
  return s
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*|#~]/g, (c) => `\\${c}`)
    // Underscores inside a word never make emphasis; brackets make a link only before "(", "[" or ":".
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/\](?=[([:])/g, '\\]')
    // "<10" and "A & B" stay readable; only what could open a tag, comment, autolink or entity is spelled as an entity.
    .replace(/&(?=[A-Za-z#])/g, '&amp;')
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}

function codeSpan(s: string, inTable: boolean): string {
  let text = s.replace(/[\r\n]+/g, ' ');
  // GitHub splits table cells on "|" even inside code spans unless it is escaped.
  if (inTable) text = text.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function inline(piece: Inline, inTable: boolean): string {
  if (typeof piece === 'string') return markdownText(piece);
  if ('code' in piece) return codeSpan(piece.code, inTable);
  return `**${markdownText(piece.strong)}**`;
}

function line(text: Text, inTable = false): string {
  return pieces(text)
    .map((p) => inline(p, inTable))
    .join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${markdownText(b.text)}`;
    case 'paragraph':
      return line(b.text);
    case 'list':
      return b.items.map((item) => `- ${line(item)}`).join('\n');
    case 'table': {
      const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
      const rule = b.head.map((_, i) => (b.numeric?.[i] ? '---:' : '---'));
      return [row(b.head.map(markdownText)), row(rule), ...b.rows.map((r) => row(r.map((cell) => line(cell, true))))].join('\n');
    }
    case 'code': {
      const longest = Math.max(2, ...(b.text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(longest + 1);
      return `${fence}\n${b.text}\n${fence}`;
    }
  }
}

/** The blocks as one Markdown document ending in a newline. */
export function blocksMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(block).join('\n\n')}\n`;
}
