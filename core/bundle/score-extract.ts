/**
 * Scores an extract (CSV) with a bundle's model and pipeline, in memory: the
 * file is read by the import's own code (encoding, delimiter, header synonyms,
 * mapping file, NHS checks, dates, outcome codes, de-duplication by appointment
 * id), so a bundle scores an extract exactly as the app would after importing
 * it. Nothing is written anywhere. This file is also the heart of score.mjs, so
 * it imports single files, never index files that would drag in SQLite, worker
 * threads or the WebAssembly engine.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyCalibrationToAll } from '../calibrate/calibration.ts';
import type { TreeEnsemble } from '../engine/ensemble.ts';
import { predictProbability } from '../engine/predict.ts';
import { AppointmentRows } from '../features/appointment-rows.ts';
import { buildMatrixFromTable } from '../features/build-matrix.ts';
import { textColumnsFor } from '../features/pipeline.ts';
import { headerOf, headRecords } from '../import/header.ts';
import { describeIssue, IssueLog } from '../import/issue-log.ts';
import { assertRequiredMapped, detectMapping } from '../import/mapping.ts';
import { Pseudonymiser } from '../import/pseudonym.ts';
import { NotUtf8Error, streamRecords, takeDataRecords, type RecordCounts } from '../import/record-stream.ts';
import { makeRowConverter } from '../import/row-converter.ts';
import { readHead, type FileHead } from '../import/sniff.ts';
import { FIELD_SYNONYMS } from '../import/synonyms.ts';
import type { ExtractField, ImportIssue, ImportProgress, MappingFile, Outcome } from '../import/types.ts';
import { OUTCOMES } from '../profile/groups.ts';
import type { SqlValue } from '../workspace/db.ts';
import { parseBundlePipeline, type BundlePipeline } from './bundle-pipeline.ts';
import { readModelJson } from './model-json-reader.ts';

/** What scoring needs from a bundle. */
export interface ScoringBundle {
  pipeline: BundlePipeline;
  ensemble: TreeEnsemble;
}

/** Options of one scoring. */
export interface ScoreExtractOptions {
  /** Column names and reading settings, as for an import (its dnaCodes and maxRejectedShare do not apply). */
  mapping?: MappingFile;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Bytes per read (tests use small values to cross chunk borders). */
  chunkBytes?: number;
}

/** One scored appointment. */
export interface ScoredAppointment {
  appointmentId: string;
  outcome: Outcome;
  /** Probability of DNA, calibrated when the bundle carries a calibration. */
  probability: number;
}

/** The scores of an extract and what reading it found. */
export interface ExtractScores {
  /** In the feature matrix's order: appointment time, then appointment id. */
  rows: ScoredAppointment[];
  /** Data rows in the file (the header not counted). */
  rowsRead: number;
  rowsScored: number;
  rowsRejected: number;
  /** Rows replaced by a later row with the same appointment id. */
  rowsSuperseded: number;
  /** The first 100 issues, file-level first, then by row. */
  issues: ImportIssue[];
  issueCount: number;
  encoding: string;
  delimiter: string;
  /** Field -> the file's header used for it. */
  mapping: Partial<Record<ExtractField, string>>;
}

/** Message of the Error a cancelled scoring rejects with. */
export const SCORING_CANCELLED = 'scoring cancelled';
const PROGRESS_MS = 500;

/** Check a parsed model.json and pipeline.json and that they belong together; errors name the file and field. */
export function scoringBundle(modelJson: unknown, pipelineJson: unknown): ScoringBundle {
  const pipeline = parseBundlePipeline(pipelineJson);
  const { ensemble, featureNames } = readModelJson(modelJson);
  const columns = pipeline.features.columns;
  if (ensemble.numFeature !== columns.length) {
    throw new Error(`model.json has ${ensemble.numFeature} features but pipeline.json lists ${columns.length} feature columns: they are not from the same model`);
  }
  const differs = featureNames.findIndex((name, i) => name !== columns[i]);
  if (differs >= 0) {
    throw new Error(
      `model.json feature ${differs} is "${featureNames[differs]}" but pipeline.json column ${differs} is "${columns[differs]}": they are not from the same model`,
    );
  }
  return { pipeline, ensemble };
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new Error(e.code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${e.message})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Read and check model.json and pipeline.json of a bundle folder. */
export async function readScoringBundle(dir: string): Promise<ScoringBundle> {
  const [model, pipeline] = await Promise.all([readJson(join(dir, 'model.json')), readJson(join(dir, 'pipeline.json'))]);
  return scoringBundle(model, pipeline);
}

/**
 * Score every appointment of an extract with a bundle. Refuses a file that
 * cannot be scored (not CSV text, empty, no header or no data rows, no
 * appointment id, date, outcome or patient column, or no row that could be
 * read); rejected rows are reported, never a reason to refuse the file.
 */
export async function scoreExtract(file: string, bundle: ScoringBundle, opts: ScoreExtractOptions = {}): Promise<ExtractScores> {
  const { pipeline, ensemble } = bundle;
  if (ensemble.numFeature !== pipeline.features.columns.length) {
    throw new Error(`the model has ${ensemble.numFeature} features but the pipeline lists ${pipeline.features.columns.length} feature columns`);
  }
  // Outcomes must be read as the model's training read them: history features count DNAs.
  const mapping: MappingFile = { ...opts.mapping, dnaCodes: [...pipeline.outcome.dnaCodes] };
  const notes: string[] = [];
  const asked = opts.mapping?.dnaCodes;
  if (asked !== undefined && [...asked].map((c) => c.trim()).sort().join(',') !== [...pipeline.outcome.dnaCodes].sort().join(',')) {
    notes.push(`mapping file dnaCodes ${JSON.stringify(asked)} ignored: the model counts codes ${JSON.stringify(pipeline.outcome.dnaCodes)} as DNA`);
  }
  if (opts.signal?.aborted) throw new Error(SCORING_CANCELLED);
  const head = await readHead(file, mapping);
  try {
    return await scoreOnce(file, head, bundle, mapping, opts, notes);
  } catch (err) {
    // As the import does: valid UTF-8 at the head but not later means Windows-1252.
    if (!(err instanceof NotUtf8Error)) throw err;
    const retryHead = await readHead(file, { ...mapping, encoding: 'windows-1252' });
    const note = `not valid UTF-8 (from the block at byte ${err.byteOffset}); read as Windows-1252`;
    return scoreOnce(file, retryHead, bundle, mapping, opts, [note, ...notes]);
  }
}

async function scoreOnce(
  file: string,
  head: FileHead,
  bundle: ScoringBundle,
  mapping: MappingFile,
  opts: ScoreExtractOptions,
  notes: string[],
): Promise<ExtractScores> {
  const { pipeline, ensemble } = bundle;
  const headers = headerOf(file, head);
  const resolved = detectMapping(headers, mapping);
  assertRequiredMapped(resolved);
  if (resolved.index.appointmentId === undefined) {
    // The import would make ids up from hashed identifiers; scores under such ids could not be matched to the extract's rows.
    throw new Error(
      `${file}: no appointment id column found (looked for: ${FIELD_SYNONYMS.appointmentId.join(', ')}); ` +
        'scores are written per appointment id, so map appointmentId in a mapping file',
    );
  }
  if (head.complete && headRecords(head, 2).length < 2) throw new Error(`${file} has a header line but no data rows`);

  const issues = new IssueLog();
  for (const note of notes) issues.add(null, null, 'warning', note);
  // A fresh random key: identities only group one patient's rows and leave no trace.
  const convert = makeRowConverter(headers, resolved, mapping, new Pseudonymiser(randomBytes(32)), issues);
  const appointments = new AppointmentRows(textColumnsFor(pipeline.features.spec));
  const slotRows: number[] = [];
  const idColumn = resolved.mapping.appointmentId ?? null;
  const counts: RecordCounts = { read: 0, rejected: 0 };
  let superseded = 0;
  const values: SqlValue[] = [];
  const signal = opts.signal;
  let lastProgress = performance.now();

  const streamed = await streamRecords(file, {
    encoding: head.encoding,
    strictUtf8: head.encoding === 'utf-8' && !head.bom && mapping.encoding === undefined,
    delimiter: head.delimiter,
    chunkBytes: opts.chunkBytes,
    onChunk: (chunk) => {
      if (signal?.aborted) throw new Error(SCORING_CANCELLED);
      takeDataRecords(chunk, counts, issues, (fields, row) => {
        values.length = 0;
        if (!convert(fields, row, values)) return false;
        const before = appointments.length;
        const slot = appointments.add(values);
        if (slot < before) {
          // The import's rule: the later row wins, and the earlier row carries the warning.
          superseded++;
          issues.add(slotRows[slot], idColumn, 'warning', `duplicate appointment id ${values[0] as string}, also at row ${row}; the later row wins`);
        }
        slotRows[slot] = row;
        return true;
      });
      const now = performance.now();
      if (opts.onProgress && now - lastProgress >= PROGRESS_MS) {
        lastProgress = now;
        opts.onProgress({ bytesRead: chunk.bytesRead, totalBytes: head.totalBytes, rowsRead: counts.read });
      }
    },
  });
  if (signal?.aborted) throw new Error(SCORING_CANCELLED);
  if (counts.read === 0) throw new Error(`${file} has a header line but no data rows`);
  if (appointments.length === 0) {
    const first = issues.firstErrors.map(describeIssue).join('; ');
    throw new Error(`${file}: none of its ${counts.read} rows could be read, so nothing was scored; first problems: ${first}`);
  }
  opts.onProgress?.({ bytesRead: streamed.bytes, totalBytes: head.totalBytes, rowsRead: counts.read });

  const table = appointments.table();
  const matrix = buildMatrixFromTable(table, pipeline.features, { rows: 'all' });
  const raw = predictProbability(ensemble, matrix.x, matrix.rows, matrix.cols);
  const probabilities = pipeline.calibration ? applyCalibrationToAll(pipeline.calibration, raw) : raw;
  const tableIndex = new Map(table.ids.map((id, i) => [id, i]));
  const rows = matrix.appointmentIds.map((appointmentId, r) => ({
    appointmentId,
    outcome: OUTCOMES[table.outcome[tableIndex.get(appointmentId) as number]],
    probability: probabilities[r],
  }));
  return {
    rows,
    rowsRead: counts.read,
    rowsScored: rows.length,
    rowsRejected: counts.rejected,
    rowsSuperseded: superseded,
    issues: issues.reported(),
    issueCount: issues.count,
    encoding: head.bom ? 'utf-8-bom' : head.encoding,
    delimiter: head.delimiter,
    mapping: resolved.mapping,
  };
}
