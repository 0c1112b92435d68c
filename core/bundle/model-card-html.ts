/**
 * The page around the HTML model card: self-contained, with inline CSS and a
 * Content-Security-Policy that forbids scripts and every outside resource,
 * so opening the file from a bundle can run or fetch nothing.
 */
import type { Block } from './card-blocks.ts';
import { blocksHtml, escapeHtml } from './card-html.ts';

/** The policy the page declares: nothing but its own inline styles. */
export const CARD_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #1d2329; margin: 0 auto; max-width: 72rem; padding: 1.5rem 2rem 3rem; line-height: 1.45; }
h1 { font-size: 1.7rem; border-bottom: 3px solid #005eb8; padding-bottom: .4rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; color: #003087; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .92rem; }
th, td { border: 1px solid #c8cdd2; padding: .3rem .55rem; text-align: left; vertical-align: top; }
th { background: #eef3f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: .88em; background: #f2f4f6; padding: 0 .2em; overflow-wrap: anywhere; }
td code { white-space: nowrap; }
pre { background: #f2f4f6; padding: .7rem 1rem; overflow-x: auto; }
pre code { background: none; padding: 0; }
@media print { body { max-width: none; padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

/** A complete HTML document of the blocks under `title`. */
export function htmlPage(title: string, blocks: readonly Block[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    // A constant without quotes or markup: written as is, so the policy reads verbatim in the file.
    `<meta http-equiv="Content-Security-Policy" content="${CARD_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    blocksHtml(blocks),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
