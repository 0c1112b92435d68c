import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/** Labels and scores read from a CSV file. */
export interface PredictionsFile {
  labels: Float64Array;
  scores: Float64Array;
}

const POSITIVE = new Set(['1', 'yes', 'y', 'true', 'dna']);
const NEGATIVE = new Set(['0', 'no', 'n', 'false', 'attended']);

/**
 * Read a CSV of labels (1/0, yes/no, true/false, DNA/attended; any case) and
 * scores in [0, 1]; columns default to 'label' and 'score', matched case-insensitively.
 * Errors name the row (1-based, header excluded), its line in the file and the column.
 */
export function readPredictionsCsv(path: string, opts: { label?: string; score?: string } = {}): PredictionsFile {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new Error(`${path}: ${e.message}${e.row === undefined ? '' : ` at row ${e.row}`}`);
  }
  const [header, ...rows] = parsed.data;
  if (!header) throw new Error(`${path}: the file is empty`);
  const find = (name: string) => {
    const i = header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
    if (i < 0) throw new Error(`${path}: no column '${name}' (columns: ${header.join(', ')})`);
    return i;
  };
  const li = find(opts.label ?? 'label');
  const si = find(opts.score ?? 'score');
  if (rows.length === 0) throw new Error(`${path}: no rows after the header`);
  const labels = new Float64Array(rows.length);
  const scores = new Float64Array(rows.length);
  rows.forEach((row, r) => {
    const rawLabel = (row[li] ?? '').trim();
    const key = rawLabel.toLowerCase();
    if (POSITIVE.has(key)) labels[r] = 1;
    else if (NEGATIVE.has(key)) labels[r] = 0;
    else throw new Error(`${path}: row ${r + 1} (line ${r + 2}), column '${header[li]}': '${rawLabel}' is not a label (1/0, yes/no, true/false, DNA/attended)`);
    const rawScore = (row[si] ?? '').trim();
    const score = rawScore === '' ? NaN : Number(rawScore);
    if (!(score >= 0 && score <= 1)) throw new Error(`${path}: row ${r + 1} (line ${r + 2}), column '${header[si]}': '${rawScore}' is not a probability between 0 and 1`);
    scores[r] = score;
  });
  return { labels, scores };
}
