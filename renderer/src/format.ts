import type { SuppressedCount } from '../../core/api/index.ts';

const whole = new Intl.NumberFormat('en-GB');

/** A count as published: thousands separators, or `<10` when suppressed. */
export function formatCount(value: SuppressedCount | number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (value === '<10') return '<10';
  return whole.format(value);
}

/** A rate (0..1) as a percentage with one decimal, or a dash when unknown or suppressed. */
export function formatRate(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '–';
  return `${(100 * rate).toFixed(digits)}%`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO date (yyyy-mm-dd...) the UK way: 3 Mar 2025. Other text is returned as given. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** A month key (yyyy-mm) as `Mar 2025`; other keys unchanged. */
export function formatMonth(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : key;
}

/** A suggested dataset name from a file name, within the characters dataset names allow. */
export function datasetNameFromFile(fileName: string): string {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const clean = stem.replace(/[^\w .-]/g, '_').slice(0, 100).trim();
  return clean === '' ? 'extract' : clean;
}
