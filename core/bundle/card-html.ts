/**
 * HTML of card blocks: every value escaped, nothing but elements and text
 * (no attributes carry data), so the page needs no script and loads nothing.
 */
import { pieces, type Block, type Inline, type Text } from './card-blocks.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function inline(piece: Inline): string {
  if (typeof piece === 'string') return escapeHtml(piece);
  if ('code' in piece) return `<code>${escapeHtml(piece.code)}</code>`;
  return `<strong>${escapeHtml(piece.strong)}</strong>`;
}

function content(text: Text): string {
  return pieces(text).map(inline).join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${content(b.text)}</p>`;
    case 'list':
      return `<ul>\n${b.items.map((item) => `<li>${content(item)}</li>`).join('\n')}\n</ul>`;
    case 'table': {
      const cls = (i: number) => (b.numeric?.[i] ? ' class="num"' : '');
      const head = b.head.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join('');
      const rows = b.rows.map((r) => `<tr>${r.map((cell, i) => `<td${cls(i)}>${content(cell)}</td>`).join('')}</tr>`);
      return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
    case 'code':
      return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
  }
}

/** The blocks as an HTML fragment (no page wrapper). */
export function blocksHtml(blocks: readonly Block[]): string {
  return blocks.map(block).join('\n');
}
