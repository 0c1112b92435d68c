import { basename, extname } from 'node:path';
import { appointmentExtent, pseudonymKey, storeFigures, withTransaction, type Db, type Workspace } from '../workspace/index.ts';
import { BatchIntake } from './batch-intake.ts';
import { BatchWriter } from './batch-writer.ts';
import { suspendIndexes } from './bulk-indexes.ts';
import { beginBulkSession } from './bulk-session.ts';
import { headerOf, headRecords } from './header.ts';
import { describeIssue, IssueLog } from './issue-log.ts';
import { assertRequiredMapped, detectMapping, type ResolvedMapping } from './mapping.ts';
import { NotUtf8Error } from './record-stream.ts';
import { scanImportedDataset, talliedFigures } from './import-summary.ts';
import { packedSql } from './packed-rows.ts';
import { addPatients, preparePatientList, settleMovedPatients, watchMovedPatients } from './patient-list.ts';
import { runProducer } from './run-producer.ts';
import { APPOINTMENT_COLUMNS, REQUIRED_COLUMNS } from './row-converter.ts';
import { readHead, type FileHead } from './sniff.ts';
import { FIELD_SYNONYMS } from './synonyms.ts';
import type { ImportProgress, ImportReport, MappingFile } from './types.ts';

/** Options of one import. */
export interface ImportOptions {
  /** Dataset to import into; default the file's base name without extension. */
  dataset?: string;
  mapping?: MappingFile;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Bytes per read (tests use small values to cross chunk borders). */
  chunkBytes?: number;
}

/** Default share of rejected rows above which the whole file is refused. */
export const DEFAULT_MAX_REJECTED_SHARE = 0.2;
const PROGRESS_MS = 500;
const PROGRESS_ROWS = 50_000;
/** Rough bytes per extract row, to size the import's tables from the file size. */
const BYTES_PER_ROW = 120;
/** Bytes per read in the import worker. */
const READ_CHUNK_BYTES = 128 * 1024;
/** Batches the worker may post before the main thread has taken them (each about 1024 rows, 150 kB packed). */
const BATCHES_AHEAD = 16;

const UPSERT_COLUMNS = APPOINTMENT_COLUMNS.filter((c) => c !== 'appointment_id');
/** Appointment rows per statement: one packed BLOB each, so no bound-variable limit applies. */
const APPOINTMENT_BATCH_ROWS = 1024;

/** Distinct column-fit patterns given SQL of their own; beyond, batches take the general SQL. */
const MAX_FITTED_STATEMENTS = 32;

/** SQL for appointment batches packed as one BLOB (`fits` as packedSql's), upserted so the newer row wins. */
function appointmentSql(datasetId: number, importId: number): (fits?: string) => string {
  const columns = APPOINTMENT_COLUMNS.map((name) => ({ name, nullable: !REQUIRED_COLUMNS.has(name) }));
  return (fits) => {
    const packed = packedSql(columns, fits);
    return (
      `${packed.withClause} INSERT INTO appointments (dataset_id, import_id, ${APPOINTMENT_COLUMNS.join(', ')}) ` +
      `SELECT ${datasetId}, ${importId}, ${packed.expressions.join(', ')} FROM ${packed.from} WHERE true ` +
      `ON CONFLICT (dataset_id, appointment_id) DO UPDATE SET ${[...UPSERT_COLUMNS, 'import_id'].map((c) => `${c} = excluded.${c}`).join(', ')}`
    );
  };
}

/**
 * `build`'s SQL per pattern of column fits, each built once: one statement per
 * pattern (few in practice) unpacks its columns with no more trimming than the
 * batch needs. Past MAX_FITTED_STATEMENTS patterns, batches take the general SQL.
 */
function fittedSql(build: (fits?: string) => string): (fits?: string) => string {
  const general = build();
  const fitted = new Map<string, string>();
  return (fits) => {
    if (fits === undefined) return general;
    let sql = fitted.get(fits);
    if (sql === undefined) {
      if (fitted.size >= MAX_FITTED_STATEMENTS) return general;
      sql = build(fits);
      fitted.set(fits, sql);
    }
    return sql;
  };
}

/**
 * Import an extract into a dataset of the workspace as one transaction: either
 * every accepted row, the import record and all issues are written, or (on a
 * refusal, an error, cancellation or a killed process) nothing is.
 */
export async function importExtract(ws: Workspace, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const mapping = options.mapping ?? {};
  const head = await readHead(file, mapping);
  try {
    return await importOnce(ws, file, head, options, started, null);
  } catch (err) {
    // The head was valid UTF-8 but a later part is not: a Windows-1252 file whose
    // first accented character comes late. Start again reading it as such.
    if (!(err instanceof NotUtf8Error)) throw err;
    const retryHead = await readHead(file, { ...mapping, encoding: 'windows-1252' });
    const note = `not valid UTF-8 (from the block at byte ${err.byteOffset}); read as Windows-1252`;
    return importOnce(ws, file, retryHead, options, started, note);
  }
}

async function importOnce(
  ws: Workspace,
  file: string,
  head: FileHead,
  options: ImportOptions,
  started: number,
  encodingNote: string | null,
): Promise<ImportReport> {
  const mapping = options.mapping ?? {};
  const signal = options.signal;
  const maxShare = mapping.maxRejectedShare ?? DEFAULT_MAX_REJECTED_SHARE;
  const headers = headerOf(file, head);
  const resolved = detectMapping(headers, mapping);
  assertRequiredMapped(resolved);
  if (head.complete && headRecords(head, 2).length < 2) throw new Error(`${file} has a header line but no data rows`);
  if (signal?.aborted) throw new Error('import cancelled');

  const db = ws.db;
  const datasetName = options.dataset ?? basename(file, extname(file));
  const endBulkSession = await beginBulkSession(db);
  let stopWatching = async (): Promise<void> => undefined;
  try {
    return await withTransaction(db, async () => {
      const now = new Date().toISOString();
      const datasetId = await datasetIdFor(db, datasetName, now);
      const before = await appointmentExtent(db, datasetId);
      await preparePatientList(db, datasetId, before);
      stopWatching = await watchMovedPatients(db);
      const importId = (
        await db.run(
          `INSERT INTO imports (dataset_id, file_name, file_sha256, file_bytes, encoding, delimiter, mapping_json,
             imported_at, rows_read, rows_imported, rows_updated, rows_rejected, issue_count)
           VALUES (?, ?, '', 0, ?, ?, ?, ?, 0, 0, 0, 0, 0)`,
          [datasetId, basename(file), encodingLabel(head), head.delimiter, JSON.stringify(mappingRecord(resolved, mapping)), now],
        )
      ).lastID;

      const rebuild = await suspendIndexes(db, head.totalBytes);
      const sqlFor = fittedSql(appointmentSql(datasetId, importId));
      const appointments = await BatchWriter.openShaped(
        db,
        { sql: () => sqlFor(), params: (values) => values },
        APPOINTMENT_COLUMNS.length,
        { batchRows: APPOINTMENT_BATCH_ROWS },
      );
      const issueRows = await BatchWriter.open(
        db,
        'INSERT INTO import_issues (import_id, row, column, severity, message)',
        `(${importId}, ?, ?, ?, ?)`,
        '',
        4,
        { batchRows: 500, copies: 1 },
      );
      let ok = false;
      try {
        const issues = new IssueLog((i) => {
          issueRows.values.push(i.row, i.column, i.severity, i.message);
          issueRows.flushIfFull();
        });
        if (encodingNote) issues.add(null, null, 'warning', encodingNote);
        if (resolved.index.appointmentId === undefined) {
          issues.add(
            null,
            null,
            'warning',
            `no appointment id column found (looked for: ${FIELD_SYNONYMS.appointmentId.join(', ')}); ` +
              'ids derived from patient, appointment date-time and clinic, so a re-import de-duplicates only when these are unchanged',
          );
        }
        const intake = new BatchIntake(
          issues,
          resolved.mapping.appointmentId ?? null,
          (params, afterEarlier, fits) => appointments.write(params, afterEarlier, sqlFor(fits)),
          {
            patientKey: APPOINTMENT_COLUMNS.indexOf('patient_key'),
            outcome: APPOINTMENT_COLUMNS.indexOf('outcome'),
            appointmentAt: APPOINTMENT_COLUMNS.indexOf('appointment_at'),
          },
          head.totalBytes / BYTES_PER_ROW,
        );
        let rowsRead = 0;
        let lastProgress = performance.now();
        let lastProgressRows = 0;

        const key = await pseudonymKey(db);
        const streamed = await runProducer(
          {
            file,
            encoding: head.encoding,
            strictUtf8: head.encoding === 'utf-8' && !head.bom && mapping.encoding === undefined,
            delimiter: head.delimiter,
            chunkBytes: options.chunkBytes ?? READ_CHUNK_BYTES,
            headers,
            resolved,
            mapping,
            key: new Uint8Array(key),
            batchRows: APPOINTMENT_BATCH_ROWS,
            maxAhead: BATCHES_AHEAD,
          },
          {
            signal,
            onBatch: (batch) => {
              rowsRead = batch.rowsRead;
              intake.take(batch);
              const nowMs = performance.now();
              if (options.onProgress && (nowMs - lastProgress >= PROGRESS_MS || rowsRead - lastProgressRows >= PROGRESS_ROWS)) {
                lastProgress = nowMs;
                lastProgressRows = rowsRead;
                options.onProgress({ bytesRead: batch.bytesRead, totalBytes: head.totalBytes, rowsRead });
              }
              return appointments.pressure() ?? issueRows.pressure();
            },
          },
        );
        rowsRead = streamed.rowsRead;
        const rowsRejected = streamed.rowsRejected;

        await appointments.finish(true);
        await issueRows.finish(true);
        ok = true;
        if (signal?.aborted) throw new Error('import cancelled');
        if (rowsRead === 0) throw new Error(`${file} has a header line but no data rows`);
        if (rowsRejected > maxShare * rowsRead) {
          const pct = Math.round((100 * rowsRejected) / rowsRead);
          throw new Error(
            `${rowsRejected} of ${rowsRead} rows (${pct}%) rejected, more than the ${Math.round(100 * maxShare)}% allowed; ` +
              `first problems: ${issues.firstErrors.map(describeIssue).join('; ')}`,
          );
        }
        options.onProgress?.({ bytesRead: streamed.bytes, totalBytes: head.totalBytes, rowsRead });

        for (const sql of rebuild) await db.exec(sql);
        const rowsImported = rowsRead - rowsRejected - intake.superseded;
        const after = await appointmentExtent(db, datasetId);
        const rowsUpdated = rowsImported - (after.rows - before.rows);
        await addPatients(db, datasetId, intake.patientKeys());
        await settleMovedPatients(db, datasetId, after);
        // A dataset this import starts holds only rows the intake tallied on their way in.
        const tallied = before.rows === 0 ? intake.tally.figures() : null;
        const scan = tallied ? talliedFigures(tallied, after) : await scanImportedDataset(db, datasetId, importId, after, before.rows === 0);
        const listed = await db.get<{ n: number }>('SELECT count(*) AS n FROM dataset_patients WHERE dataset_id = ?', [datasetId]);
        await storeFigures(db, datasetId, after, { ...scan.dataset, patients: listed?.n ?? 0 });
        const { dna, attended, first, last } = scan.imported;
        await db.run(
          `UPDATE imports SET file_sha256 = ?, file_bytes = ?, rows_read = ?, rows_imported = ?, rows_updated = ?,
             rows_rejected = ?, issue_count = ? WHERE id = ?`,
          [streamed.sha256, streamed.bytes, rowsRead, rowsImported, rowsUpdated, rowsRejected, issues.count, importId],
        );
        await db.run('UPDATE datasets SET updated_at = ? WHERE id = ?', [now, datasetId]);
        if (signal?.aborted) throw new Error('import cancelled');
        return {
          dataset: datasetName,
          file,
          encoding: encodingLabel(head),
          delimiter: head.delimiter,
          mapping: resolved.mapping,
          rowsRead,
          rowsImported,
          rowsUpdated,
          rowsRejected,
          dnaRate: dna + attended > 0 ? dna / (dna + attended) : null,
          dateRange: { from: first?.slice(0, 10) ?? null, to: last?.slice(0, 10) ?? null },
          issues: issues.reported(),
          issueCount: issues.count,
          seconds: (performance.now() - started) / 1000,
        };
      } finally {
        if (!ok) {
          // Let running batches end before the rollback; their errors no longer matter.
          await appointments.finish(false).catch(() => undefined);
          await issueRows.finish(false).catch(() => undefined);
        }
      }
    });
  } finally {
    await stopWatching();
    await endBulkSession();
  }
}

function encodingLabel(head: FileHead): string {
  return head.bom ? 'utf-8-bom' : head.encoding;
}

/** What is stored with the import: the columns used and the settings that shaped the reading. */
function mappingRecord(resolved: ResolvedMapping, mapping: MappingFile): Record<string, unknown> {
  const { columns: _columns, ...settings } = mapping;
  return { columns: resolved.mapping, ...settings };
}

async function datasetIdFor(db: Db, name: string, now: string): Promise<number> {
  const existing = await db.get<{ id: number }>('SELECT id FROM datasets WHERE name = ?', [name]);
  if (existing) return existing.id;
  return (await db.run('INSERT INTO datasets (name, created_at, updated_at) VALUES (?, ?, ?)', [name, now, now])).lastID;
}

