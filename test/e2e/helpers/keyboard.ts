import type { Page } from 'playwright-core';

/** What has keyboard focus: tag, accessible-ish name, and whether a focus indicator is drawn. */
export interface Focused {
  tag: string;
  name: string;
  visibleIndicator: boolean;
}

/** Describe document.activeElement (name from aria-label, its label, or its text). */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', name: '', visibleIndicator: false };
    const labelled = el.getAttribute('aria-label');
    const labels = (el as HTMLInputElement).labels;
    const name = (labelled ?? (labels && labels.length > 0 ? labels[0].textContent : el.textContent) ?? '').replace(/\s+/g, ' ').trim();
    const style = getComputedStyle(el);
    const visibleIndicator = (style.boxShadow !== 'none' && style.boxShadow !== '') || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0);
    return { tag: el.tagName.toLowerCase(), name, visibleIndicator };
  });
}

/**
 * Press Tab (or Shift+Tab) until the focused element's name matches; fails after
 * `max` presses, listing what was passed. Checks that the target shows a focus indicator.
 */
export async function tabTo(page: Page, name: string | RegExp, options: { back?: boolean; max?: number } = {}): Promise<Focused> {
  const seen: string[] = [];
  const matches = (n: string) => (typeof name === 'string' ? n === name : name.test(n));
  for (let i = 0; i < (options.max ?? 80); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (matches(f.name)) {
      if (!f.visibleIndicator) throw new Error(`"${f.name}" (${f.tag}) has focus but no visible focus indicator`);
      return f;
    }
    seen.push(`${f.tag}:${f.name.slice(0, 40)}`);
  }
  throw new Error(`no element named ${String(name)} within ${options.max ?? 80} presses of ${options.back ? 'Shift+Tab' : 'Tab'}; passed: ${seen.join(' | ')}`);
}
