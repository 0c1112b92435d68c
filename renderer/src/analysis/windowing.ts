/** Rows [start, end) of a fixed-row-height list that a viewport shows, plus overscan. */
export function visibleWindow(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 6): { start: number; end: number } {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  const end = Math.min(count, first + shown + overscan);
  return { start, end: Math.max(start, end) };
}

/** Where a windowed list draws its rows inside a scroll box of at most `maxHeight` pixels. */
export interface ScrolledWindow {
  start: number;
  end: number;
  /** Heights of the spacers above and below the drawn rows. */
  top: number;
  bottom: number;
  /** Height of the scrollable body: rows times row height, capped at maxHeight. */
  height: number;
}

/**
 * Browsers cap an element's height (Chromium near 33 million pixels, Firefox near
 * 18 million), so a million rows of 66 pixels cannot be laid out at full height.
 * Past `maxHeight` the scroll bar is scaled: scroll position s stands for position
 * s·(H − v)/(S − v) of the full list (H full height, S capped height, v viewport),
 * so the first row shows at the top and the last at the bottom. Below the cap
 * this is plain windowing (top = start × row height).
 */
export function scrolledWindow(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, maxHeight = 8_000_000, overscan = 6): ScrolledWindow {
  const full = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, top: 0, bottom: 0, height: 0 };
  const height = Math.min(full, maxHeight);
  const s = Math.max(0, Math.min(scrollTop, Math.max(0, height - viewportHeight)));
  if (full <= maxHeight) {
    const { start, end } = visibleWindow(s, viewportHeight, rowHeight, count, overscan);
    return { start, end, top: start * rowHeight, bottom: (count - end) * rowHeight, height };
  }
  const scale = (full - viewportHeight) / (height - viewportHeight);
  const virtual = s * scale;
  const { start: wanted, end } = visibleWindow(virtual, viewportHeight, rowHeight, count, overscan);
  const first = Math.min(count - 1, Math.floor(virtual / rowHeight));
  // Row i sits at s + i·rowHeight − virtual; rows that would start above the box's top are not drawn.
  const at = (i: number) => s + i * rowHeight - virtual;
  let start = wanted;
  while (start < first && at(start) < 0) start++;
  // Whole pixels: spacer heights stay exact, and the list ends within a pixel of the body's end.
  const top = Math.max(0, Math.round(at(start)));
  return { start, end, top, bottom: Math.max(0, height - top - (end - start) * rowHeight), height };
}
