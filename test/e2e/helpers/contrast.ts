import type { Page } from 'playwright-core';

// Kept as plain JavaScript text: it runs in the page, and a TypeScript transpiler's
// helpers (such as esbuild's __name for kept function names) do not exist there.
const IN_PAGE = `(() => {
  const parse = (c) => {
    const m = /rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)(?:,\\s*([\\d.]+))?\\)/.exec(c);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
  };
  const channel = (v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const lum = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] >= 0.99) return c;
    }
    return [255, 255, 255, 1];
  };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || (n.textContent || '').trim() === '' || el.closest('svg, .visually-hidden, [disabled], [aria-disabled="true"], option')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || rect.right < 0) continue;
    const fg = parse(style.color);
    if (!fg) {
      out.push('unreadable colour ' + style.color + ' of "' + (n.textContent || '').trim().slice(0, 40) + '"');
      continue;
    }
    const l1 = lum(fg);
    const l2 = lum(background(el));
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) out.push(ratio.toFixed(2) + ':1 "' + (n.textContent || '').trim().slice(0, 40) + '" (' + style.color + ')');
  }
  return out;
})()`;

/**
 * Text whose contrast with its background is below WCAG 2.1 AA: 4.5:1, or 3:1 for
 * large text (24px, or 18.66px bold). Backgrounds are the first opaque one up the
 * tree; SVG chart text and disabled controls are left out (WCAG exempts disabled controls).
 */
export function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(IN_PAGE) as Promise<string[]>;
}
