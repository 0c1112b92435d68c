/**
 * Pages of a long list fetched on demand, the most recently used kept. A page
 * is `pageSize` rows starting at page × pageSize; the last may be shorter.
 */
export class PageStore<T> {
  private readonly pages = new Map<number, readonly T[]>();

  constructor(
    readonly pageSize: number,
    /** Pages kept before the least recently used is dropped. */
    readonly maxPages = 50,
  ) {
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`page size must be a whole number from 1, got ${pageSize}`);
  }

  /** The row at an index, or undefined when its page is not loaded. */
  at(index: number): T | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize];
  }

  has(page: number): boolean {
    return this.pages.has(page);
  }

  /** Keep a fetched page (most recently used), dropping the oldest beyond maxPages. */
  put(page: number, rows: readonly T[]): void {
    this.pages.delete(page);
    this.pages.set(page, rows);
    while (this.pages.size > this.maxPages) {
      const oldest = this.pages.keys().next().value as number;
      this.pages.delete(oldest);
    }
  }

  /** Mark pages as just used, so a window being looked at is never the one dropped. */
  touch(pages: readonly number[]): void {
    for (const p of pages) {
      const rows = this.pages.get(p);
      if (rows) {
        this.pages.delete(p);
        this.pages.set(p, rows);
      }
    }
  }

  /** Pages loaded. */
  get size(): number {
    return this.pages.size;
  }
}

/**
 * The pages rows [start, end) need, nearest the window's middle first; with
 * `ahead` rows of margin either side so a page is there before it scrolls in.
 */
export function pagesFor(start: number, end: number, count: number, pageSize: number, ahead = 0): number[] {
  if (count <= 0 || end <= start) return [];
  const from = Math.max(0, start - ahead);
  const to = Math.min(count, end + ahead);
  if (to <= from) return [];
  const first = Math.floor(from / pageSize);
  const last = Math.floor((to - 1) / pageSize);
  const middle = (start + end) / 2 / pageSize;
  const out: number[] = [];
  for (let p = first; p <= last; p++) out.push(p);
  return out.sort((a, b) => Math.abs(a + 0.5 - middle) - Math.abs(b + 0.5 - middle) || a - b);
}
