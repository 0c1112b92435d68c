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

/** A number with fixed decimals, or a dash when unknown. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return value.toFixed(digits);
}

/** A 95% confidence interval as `0.612 to 0.708`, or a dash. */
export function formatCi(ci: readonly [number, number] | null | undefined, digits = 3): string {
  if (!ci) return '–';
  return `${ci[0].toFixed(digits)} to ${ci[1].toFixed(digits)}`;
}

/** A value with its 95% CI: `0.665 (95% CI 0.622 to 0.708)`. */
export function formatWithCi(value: number | null | undefined, ci: readonly [number, number] | null | undefined, digits = 3): string {
  if (value === null || value === undefined) return '–';
  return ci ? `${value.toFixed(digits)} (95% CI ${formatCi(ci, digits)})` : value.toFixed(digits);
}

/** A count that may be fractional (per week) with at most one decimal. */
export function formatAmount(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return value >= 100 ? whole.format(Math.round(value)) : value.toFixed(1);
}

/** An ISO date-time as `Mon 3 Nov 2025 09:30` (times as stored, no zone shift). */
export function formatDateTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const date = `${names[day]} ${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return m[4] ? `${date} ${m[4]}:${m[5]}` : date;
}

/** A count with small-number suppression: 1 to 9 read `<10` (as the app's published figures). */
export function formatSuppressed(n: number): string {
  return n > 0 && n < 10 ? '<10' : whole.format(n);
}

const stamp = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A moment (ISO with zone, such as a run's creation time) in this computer's local time. */
export function formatTimestamp(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : stamp.format(t);
}

/** A size in bytes as people read it: 812 bytes, 14.2 KB, 3.1 MB (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${whole.format(bytes)} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

/** A key fingerprint shortened for running text: sha256:1a2b3c4d…9f8e (the full one goes in a title or a table). */
export function shortFingerprint(fingerprint: string): string {
  const m = /^sha256:([0-9a-f]{64})$/.exec(fingerprint);
  return m ? `sha256:${m[1].slice(0, 12)}…${m[1].slice(-6)}` : fingerprint;
}
