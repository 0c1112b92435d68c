import { WELL_FORMED_DATE, type DatasetFigures, type Db } from '../workspace/index.ts';
import { IN_ROWID_RANGE, rowidRange } from './rowid-range.ts';

const CHUNK_ROWIDS = 131_072;
const UNIT_SEPARATOR = '\x1f';

interface ChunkRow {
  n: number;
  dna: number | null;
  withOutcome: number | null;
  first: string | null;
  last: string | null;
  patients: string | null;
  /** Keys holding the separator, which splitting would cut. */
  awkward: number | null;
}

const CHUNK_SQL = `
SELECT count(*) AS n, sum(outcome = 'dna') AS dna, sum(outcome IN ('dna', 'attended')) AS withOutcome,
       min(CASE WHEN ${WELL_FORMED_DATE} THEN appointment_at END) AS first,
       max(CASE WHEN ${WELL_FORMED_DATE} THEN appointment_at END) AS last,
       group_concat(patient_key, char(31)) AS patients,
       sum(instr(patient_key, char(31)) > 0) AS awkward
FROM appointments WHERE ${IN_ROWID_RANGE}`;

/**
 * A dataset's figures counted from its appointments, for datasets whose stored
 * summary does not match them (rows written other than by an import): one scan in
 * storage order, chunk by chunk, with patients told apart in a Set. Without an
 * index over patients, SQLite's count(DISTINCT) alone takes longer than all of this.
 */
export async function countFigures(db: Db, datasetId: number): Promise<DatasetFigures> {
  const range = await rowidRange(db, datasetId);
  const figures: DatasetFigures = { rows: 0, patients: 0, dna: 0, withOutcome: 0, firstDay: null, lastDay: null };
  if (!range) return figures;
  const patients = new Set<string>();
  let first: string | null = null;
  let last: string | null = null;
  for (let lo = range.first; lo <= range.last; lo += CHUNK_ROWIDS) {
    const hi = Math.min(lo + CHUNK_ROWIDS - 1, range.last);
    const c = await db.get<ChunkRow>(CHUNK_SQL, [lo, hi, datasetId]);
    if (!c || c.n === 0) continue;
    if ((c.awkward ?? 0) > 0) return { ...figures, ...(await countInSql(db, datasetId)) };
    figures.rows += c.n;
    figures.dna += c.dna ?? 0;
    figures.withOutcome += c.withOutcome ?? 0;
    if (c.first !== null && (first === null || c.first < first)) first = c.first;
    if (c.last !== null && (last === null || c.last > last)) last = c.last;
    for (const key of (c.patients ?? '').split(UNIT_SEPARATOR)) patients.add(key);
  }
  return { ...figures, patients: patients.size, firstDay: first?.slice(0, 10) ?? null, lastDay: last?.slice(0, 10) ?? null };
}

/** The same figures by SQL alone (slower), for keys a split would cut. */
async function countInSql(db: Db, datasetId: number): Promise<DatasetFigures> {
  const r = await db.get<{ rows: number; patients: number; dna: number | null; withOutcome: number | null; first: string | null; last: string | null }>(
    `SELECT count(*) AS rows, count(DISTINCT patient_key) AS patients, sum(outcome = 'dna') AS dna,
            sum(outcome IN ('dna', 'attended')) AS withOutcome,
            min(CASE WHEN ${WELL_FORMED_DATE} THEN appointment_at END) AS first,
            max(CASE WHEN ${WELL_FORMED_DATE} THEN appointment_at END) AS last
     FROM appointments WHERE dataset_id = ?`,
    [datasetId],
  );
  return {
    rows: r?.rows ?? 0,
    patients: r?.patients ?? 0,
    dna: r?.dna ?? 0,
    withOutcome: r?.withOutcome ?? 0,
    firstDay: r?.first?.slice(0, 10) ?? null,
    lastDay: r?.last?.slice(0, 10) ?? null,
  };
}
