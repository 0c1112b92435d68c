import { WELL_FORMED_DATE, type AppointmentExtent, type DatasetFigures, type Db } from '../workspace/index.ts';
import { STORED_OUTCOMES, type TalliedRows } from './row-tally.ts';

/** The outcomes the appointments table allows (its CHECK constraint, which the bulk import leaves to this scan or the tally). */
const OUTCOMES: readonly string[] = STORED_OUTCOMES;
const OUTCOME_LIST = OUTCOMES.map((o) => `'${o}'`).join(', ');

/** What one import's own rows add up to, for its report. */
export interface ImportFigures {
  dna: number;
  attended: number;
  /** First and last appointment_at among its rows. */
  first: string | null;
  last: string | null;
}

interface ScanRow {
  rows: number;
  dna: number | null;
  withOutcome: number | null;
  first: string | null;
  last: string | null;
  importDna: number | null;
  importAttended: number | null;
  importFirst: string | null;
  importLast: string | null;
  bad: number | null;
}

/**
 * One scan of a dataset's rows (in storage order, by rowid range) after an import:
 * the dataset's figures but its patients, and the import's own. Rows the import
 * wrote with an outcome the schema does not allow fail it, naming one.
 */
export async function scanImportedDataset(
  db: Db,
  datasetId: number,
  importId: number,
  extent: AppointmentExtent,
  /** Every row is this import's (the dataset was empty): the dataset's figures are the import's. */
  onlyThisImport: boolean,
): Promise<{ dataset: Omit<DatasetFigures, 'patients'>; imported: ImportFigures }> {
  if (extent.firstRowid === null) {
    return { dataset: { rows: 0, dna: 0, withOutcome: 0, firstDay: null, lastDay: null }, imported: { dna: 0, attended: 0, first: null, last: null } };
  }
  const own = onlyThisImport ? 'true' : 'import_id = ?4';
  // The import writes only well-formed dates, so when every row is its own the plain min and max serve both.
  const firstAt = onlyThisImport ? 'min(appointment_at)' : `min(CASE WHEN ${WELL_FORMED_DATE} THEN appointment_at END)`;
  const lastAt = onlyThisImport ? 'max(appointment_at)' : `max(CASE WHEN ${WELL_FORMED_DATE} THEN appointment_at END)`;
  const sql = `
    SELECT count(*) AS rows, sum(outcome = 'dna') AS dna, sum(outcome IN ('dna', 'attended')) AS withOutcome,
           ${firstAt} AS first, ${lastAt} AS last,
           ${onlyThisImport ? 'NULL' : `sum(${own} AND outcome = 'dna')`} AS importDna,
           sum(${own} AND outcome = 'attended') AS importAttended,
           ${onlyThisImport ? 'NULL' : `min(CASE WHEN ${own} THEN appointment_at END)`} AS importFirst,
           ${onlyThisImport ? 'NULL' : `max(CASE WHEN ${own} THEN appointment_at END)`} AS importLast,
           sum(${own} AND outcome NOT IN (${OUTCOME_LIST})) AS bad
    FROM appointments WHERE rowid BETWEEN ?1 AND ?2 AND +dataset_id = ?3`;
  const params = onlyThisImport ? [extent.firstRowid, extent.lastRowid, datasetId] : [extent.firstRowid, extent.lastRowid, datasetId, importId];
  const r = (await db.get<ScanRow>(sql, params)) as ScanRow;
  if ((r.bad ?? 0) > 0) await failOnBadOutcome(db, datasetId, importId);
  const dataset = {
    rows: r.rows,
    dna: r.dna ?? 0,
    withOutcome: r.withOutcome ?? 0,
    firstDay: r.first?.slice(0, 10) ?? null,
    lastDay: r.last?.slice(0, 10) ?? null,
  };
  const imported: ImportFigures = onlyThisImport
    ? { dna: dataset.dna, attended: r.importAttended ?? 0, first: r.first, last: r.last }
    : { dna: r.importDna ?? 0, attended: r.importAttended ?? 0, first: r.importFirst, last: r.importLast };
  return { dataset, imported };
}

async function failOnBadOutcome(db: Db, datasetId: number, importId: number): Promise<never> {
  const bad = await db.get<{ id: string; outcome: string | null }>(
    `SELECT appointment_id AS id, outcome FROM appointments
     WHERE dataset_id = ? AND import_id = ? AND outcome NOT IN (${OUTCOME_LIST}) LIMIT 1`,
    [datasetId, importId],
  );
  throw new Error(`appointment ${bad?.id}: column outcome holds '${bad?.outcome}', which is not one of ${OUTCOMES.join(', ')}`);
}

/** The figures scanImportedDataset gives, from the intake's tally of a dataset the import started. */
export function talliedFigures(t: TalliedRows, extent: AppointmentExtent): { dataset: Omit<DatasetFigures, 'patients'>; imported: ImportFigures } {
  return {
    dataset: { rows: extent.rows, dna: t.dna, withOutcome: t.withOutcome, firstDay: t.first?.slice(0, 10) ?? null, lastDay: t.last?.slice(0, 10) ?? null },
    imported: { dna: t.dna, attended: t.attended, first: t.first, last: t.last },
  };
}
