/**
 * The small part of Markdown a model card uses (headings, paragraphs, lists,
 * GitHub tables, fenced code, code spans, bold, backslash escapes, entities),
 * parsed into plain data. Everything else, raw HTML included, stays literal
 * text: the card comes from another trust and is shown, never interpreted.
 */

/** A run of inline content. */
export type MdInline = { text: string } | { code: string } | { strong: MdInline[] };

/** A block of a Markdown document. */
export type MdBlock =
  | { kind: 'heading'; level: number; content: MdInline[] }
  | { kind: 'paragraph'; content: MdInline[] }
  | { kind: 'list'; items: MdInline[][] }
  | { kind: 'table'; head: MdInline[][]; numeric: boolean[]; rows: MdInline[][][] }
  | { kind: 'code'; text: string };

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function entity(s: string, i: number): { char: string; length: number } | null {
  const m = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/.exec(s.slice(i, i + 12));
  if (!m) return null;
  if (m[3] !== undefined) {
    const named = NAMED[m[3]];
    return named === undefined ? null : { char: named, length: m[0].length };
  }
  const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2] as string, 16);
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return { char: valid ? String.fromCodePoint(code) : '\ufffd', length: m[0].length };
}

/** Inline Markdown of one line (or a table cell) as text, code and bold runs. */
export function parseInline(s: string): MdInline[] {
  const out: MdInline[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') out.push({ text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && PUNCTUATION.test(s[i + 1])) {
      text += s[i + 1];
      i += 2;
    } else if (c === '`') {
      const run = /^`+/.exec(s.slice(i))?.[0] ?? '`';
      const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
      close.lastIndex = i + run.length;
      const m = close.exec(s);
      if (!m) {
        text += run;
        i += run.length;
        continue;
      }
      let code = s.slice(i + run.length, m.index);
      if (code.length > 1 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
      flush();
      out.push({ code });
      i = m.index + run.length;
    } else if (c === '*' && s[i + 1] === '*') {
      const end = findClosingStrong(s, i + 2);
      if (end < 0) {
        text += '**';
        i += 2;
        continue;
      }
      flush();
      out.push({ strong: parseInline(s.slice(i + 2, end)) });
      i = end + 2;
    } else if (c === '&') {
      const e = entity(s, i);
      text += e ? e.char : '&';
      i += e ? e.length : 1;
    } else {
      text += c;
      i += 1;
    }
  }
  flush();
  return out;
}

/** Index of the `**` closing a bold run opened before `from`, skipping escapes and code spans; -1 when none. */
function findClosingStrong(s: string, from: number): number {
  for (let i = from; i < s.length - 1; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '`') {
      const run = /^`+/.exec(s.slice(i))?.[0] ?? '`';
      const next = s.indexOf(run, i + run.length);
      if (next > 0) i = next + run.length - 1;
    } else if (s[i] === '*' && s[i + 1] === '*' && i > from) return i;
  }
  return -1;
}

/** Cells of a table row: split on pipes that are not escaped, outer pipes dropped, `\|` read as a pipe. */
export function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\' && i + 1 < t.length) {
      cell += t[i + 1] === '|' ? '|' : t[i] + t[i + 1];
      i++;
    } else if (t[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += t[i];
  }
  if (cell.trim() !== '') cells.push(cell.trim());
  return cells;
}

const RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Parse a Markdown document into blocks. */
export function parseMarkdown(source: string): MdBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MdBlock[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = /^(`{3,})\s*\S*\s*$/.exec(line);
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (fence) {
      endParagraph();
      const body: string[] = [];
      i++;
      while (i < lines.length && !new RegExp(`^${fence[1]}\`*\\s*$`).test(lines[i])) body.push(lines[i++]);
      blocks.push({ kind: 'code', text: body.join('\n') });
      i++;
    } else if (heading) {
      endParagraph();
      blocks.push({ kind: 'heading', level: heading[1].length, content: parseInline(heading[2]) });
      i++;
    } else if (/^\s*[-*+]\s+/.test(line)) {
      endParagraph();
      const items: MdInline[][] = [];
      while (i < lines.length && /^\s*[-*+]\s+/.test(lines[i])) items.push(parseInline(lines[i++].replace(/^\s*[-*+]\s+/, '')));
      blocks.push({ kind: 'list', items });
    } else if (line.trim().startsWith('|') && i + 1 < lines.length && RULE.test(lines[i + 1])) {
      endParagraph();
      const head = tableCells(line);
      const numeric = tableCells(lines[i + 1]).map((r) => r.endsWith(':') && !r.startsWith(':'));
      i += 2;
      const rows: MdInline[][][] = [];
      while (i < lines.length && lines[i].trim().startsWith('|')) rows.push(tableCells(lines[i++]).map(parseInline));
      blocks.push({ kind: 'table', head: head.map(parseInline), numeric, rows });
    } else if (line.trim() === '') {
      endParagraph();
      i++;
    } else {
      paragraph.push(line.trim());
      i++;
    }
  }
  endParagraph();
  return blocks;
}

/** The plain text of inline content (for labels and tests). */
export function inlineText(content: readonly MdInline[]): string {
  return content.map((p) => ('text' in p ? p.text : 'code' in p ? p.code : inlineText(p.strong))).join('');
}
