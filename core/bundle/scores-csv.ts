import type { ExtractScores } from './score-extract.ts';

/** A CSV field, quoted only when it must be. */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The scores as CSV (appointment_id,outcome,probability), probabilities in JavaScript's shortest round-trip form: what score.mjs and `attend score` write. */
export function scoresCsv(scores: ExtractScores): string {
  const lines = ['appointment_id,outcome,probability'];
  for (const r of scores.rows) lines.push(`${csvField(r.appointmentId)},${r.outcome},${String(r.probability)}`);
  return lines.join('\n') + '\n';
}
