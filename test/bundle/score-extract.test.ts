import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelJson, modelJsonText } from '../../core/bundle/model-json.ts';
import { readScoringBundle, scoreExtract, scoringBundle, type ExtractScores, type ScoringBundle } from '../../core/bundle/score-extract.ts';
import { applyCalibrationToAll } from '../../core/calibrate/index.ts';
import { predictProbability } from '../../core/engine/index.ts';
import { buildMatrixFromTable, loadDatasetTable } from '../../core/features/index.ts';
import { importExtract, type ImportIssue, type MappingFile } from '../../core/import/index.ts';
import { trainedBundle, type TrainedBundle } from './helpers/trained-bundle.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

/** The app's calibrated probability per appointment after importing `file` as `dataset` into the bundle's workspace. */
async function appScoresFor(b: TrainedBundle, file: string, dataset: string, mapping?: MappingFile): Promise<Map<string, number>> {
  await importExtract(b.ws, file, { dataset, mapping });
  const table = await loadDatasetTable(b.ws, dataset, b.pipeline.features.spec);
  const m = buildMatrixFromTable(table, b.pipeline.features, { rows: 'all' });
  const raw = predictProbability(b.ensemble, m.x, m.rows, m.cols);
  const p = b.pipeline.calibration ? applyCalibrationToAll(b.pipeline.calibration, raw) : raw;
  return new Map(m.appointmentIds.map((id, i) => [id, p[i]]));
}

/** Largest |difference| between the scorer and the app, after checking both scored the same appointments. */
function maxDiff(scores: ExtractScores, app: Map<string, number>): number {
  expect(scores.rows.length).toBe(app.size);
  expect(new Set(scores.rows.map((r) => r.appointmentId))).toEqual(new Set(app.keys()));
  let max = 0;
  for (const r of scores.rows) max = Math.max(max, Math.abs(r.probability - (app.get(r.appointmentId) as number)));
  return max;
}

/** The demo CSV's header and its first `n` data lines. */
function demoLines(b: TrainedBundle, n: number): string[] {
  return readFileSync(b.csv, 'utf8').split(/\r?\n/).slice(0, n + 1);
}

describe('scoreExtract with the Platt-calibrated demo bundle', () => {
  let b: TrainedBundle;
  let bundle: ScoringBundle;
  let scores: ExtractScores;
  let dir: string;

  beforeAll(async () => {
    b = await trainedBundle();
    bundle = await readScoringBundle(b.bundleDir);
    scores = await scoreExtract(b.csv, bundle);
    dir = join(b.dir, 'extracts');
    mkdirSync(dir);
  }, 120_000);
  afterAll(async () => b?.ws.close());

  it('gives every appointment the app scores the app probability, exactly', () => {
    expect(maxDiff(scores, b.appScores)).toBe(0);
    expect(scores.rows.map((r) => r.appointmentId)).toEqual(b.matrix.appointmentIds);
  });

  it('reads the file as the import did: counts, outcomes, duplicates and issues', async () => {
    const imp = (await b.ws.db.get<{ id: number; rows_read: number; rows_rejected: number; rows_imported: number; issue_count: number }>(
      "SELECT imports.id, rows_read, rows_rejected, rows_imported, issue_count FROM imports JOIN datasets ON datasets.id = dataset_id WHERE name = 'demo'",
    )) as { id: number; rows_read: number; rows_rejected: number; rows_imported: number; issue_count: number };
    expect([scores.rowsRead, scores.rowsRejected, scores.rowsScored, scores.issueCount]).toEqual([
      imp.rows_read, imp.rows_rejected, imp.rows_imported, imp.issue_count,
    ]);
    expect(scores.rowsRead).toBe(10_000);
    expect(scores.rowsSuperseded).toBeGreaterThan(0);
    expect(scores.rowsRead - scores.rowsRejected - scores.rowsSuperseded).toBe(scores.rowsScored);
    expect([scores.encoding, scores.delimiter, scores.mapping.appointmentId]).toEqual(['utf-8', ',', 'Appointment ID']);

    const stored = await b.ws.db.all<ImportIssue>(
      'SELECT row, column, severity, message FROM import_issues WHERE import_id = ? ORDER BY rowid LIMIT 100',
      [imp.id],
    );
    const reported = [...stored].sort((x, y) => (x.row ?? -1) - (y.row ?? -1));
    expect(scores.issues).toEqual(reported);
    expect(scores.issues.some((i) => i.message.startsWith('duplicate appointment id'))).toBe(true);

    const outcomes = new Map(
      (await b.ws.db.all<{ id: string; outcome: string }>("SELECT appointment_id AS id, outcome FROM appointments JOIN datasets ON datasets.id = dataset_id WHERE name = 'demo'")).map(
        (r) => [r.id, r.outcome],
      ),
    );
    for (const r of scores.rows) expect(r.outcome).toBe(outcomes.get(r.appointmentId));
  });

  it('gives the same result whatever the read size', async () => {
    expect(await scoreExtract(b.csv, bundle, { chunkBytes: 4096 })).toEqual(scores);
  });

  it('reports rejected rows with their row numbers and scores the rest, however many are rejected', async () => {
    const lines = demoLines(b, 300);
    const cells = (i: number) => lines[i].split(',');
    const set = (i: number, col: number, value: string) => {
      const c = cells(i);
      c[col] = value;
      lines[i] = c.join(',');
    };
    set(3, 11, '31/02/2024');
    set(7, 17, 'Q');
    lines[10] = cells(10).slice(0, 17).join(',');
    // Rows 100..299 lose their appointment date: two thirds of the file is rejected.
    for (let i = 100; i <= 299; i++) set(i, 11, '');
    const file = join(dir, 'rejects.csv');
    writeFileSync(file, lines.join('\r\n') + '\r\n');
    await expect(importExtract(b.ws, file, { dataset: 'rejects' })).rejects.toThrow(/203 of 300 rows \(68%\) rejected, more than the 20% allowed/);

    const s = await scoreExtract(file, bundle);
    expect([s.rowsRead, s.rowsRejected, s.rowsScored]).toEqual([300, 203, 97]);
    const errors = s.issues.filter((i) => i.severity === 'error');
    expect(errors.slice(0, 3)).toEqual([
      { row: 3, column: 'Appointment Date', severity: 'error', message: "appointment date '31/02/2024' is not a real calendar date" },
      { row: 7, column: 'Attended or Did Not Attend', severity: 'error', message: "unknown attendance code 'Q'" },
      { row: 10, column: null, severity: 'error', message: 'expected 18 columns, found 17' },
    ]);
    expect(errors[3]).toEqual({ row: 100, column: 'Appointment Date', severity: 'error', message: 'appointment date is blank' });
    expect(s.issues.length).toBe(100);
    expect(s.issueCount).toBe(203);
    const scored = new Set(s.rows.map((r) => r.appointmentId));
    for (const row of [3, 7, 10, 100]) expect(scored.has(cells(row)[0])).toBe(false);
    expect(scored.has(cells(1)[0])).toBe(true);
  });

  it('scores Windows-1252, BOM and tab-delimited files as the app scores them after import', async () => {
    for (const [name, encoding, delimiter] of [
      ['windows-1252.csv', 'windows-1252', ','],
      ['utf8-bom.csv', 'utf-8-bom', ','],
      ['tab-delimited.tsv', 'utf-8', '\t'],
    ] as const) {
      const file = join(FIXTURES, name);
      const s = await scoreExtract(file, bundle);
      expect([s.encoding, s.delimiter], name).toEqual([encoding, delimiter]);
      expect(s.rowsScored, name).toBeGreaterThan(1);
      expect(maxDiff(s, await appScoresFor(b, file, name)), name).toBe(0);
    }
  });

  it('falls back to Windows-1252 when a byte late in the file is not UTF-8, as the import does', async () => {
    const lines = demoLines(b, 3000);
    const c = lines[2500].split(',');
    c[10] = 'CLINIQUE-\u00e9';
    lines[2500] = c.join(',');
    const file = join(dir, 'late-1252.csv');
    writeFileSync(file, Buffer.from(lines.join('\n') + '\n', 'latin1'));
    const s = await scoreExtract(file, bundle);
    expect(s.encoding).toBe('windows-1252');
    expect(s.issues[0]).toMatchObject({ row: null, severity: 'warning', message: expect.stringMatching(/^not valid UTF-8 \(from the block at byte \d+\); read as Windows-1252$/) });
    expect(maxDiff(s, await appScoresFor(b, file, 'late-1252'))).toBe(0);
  });

  it('reads renamed columns through a mapping file, and keeps the model\'s DNA codes', async () => {
    const lines = demoLines(b, 500);
    const plain = join(dir, 'plain.csv');
    writeFileSync(plain, lines.join('\n'));
    lines[0] = lines[0].replace('Appointment ID', 'Ref').replace('Attended or Did Not Attend', 'Result');
    const renamed = join(dir, 'renamed.csv');
    writeFileSync(renamed, lines.join('\n'));
    const mapping: MappingFile = { columns: { appointmentId: 'Ref', attendanceStatus: 'Result' }, dnaCodes: ['3'] };
    const s = await scoreExtract(renamed, bundle, { mapping });
    const expected = await scoreExtract(plain, bundle);
    expect(s.rows).toEqual(expected.rows);
    expect(s.mapping.appointmentId).toBe('Ref');
    expect(s.issues[0]).toEqual({
      row: null, column: null, severity: 'warning',
      message: 'mapping file dnaCodes ["3"] ignored: the model counts codes ["3","7"] as DNA',
    });
    await expect(scoreExtract(renamed, bundle)).rejects.toThrow(/^no attendance outcome column found \(looked for: Attended or Did Not Attend, /);
    await expect(scoreExtract(renamed, bundle, { mapping: { columns: { appointmentId: 'Reference' } } })).rejects.toThrow(
      "mapping file: column 'Reference' (for appointmentId) is not in the file",
    );
  });

  it('refuses files that cannot be scored, saying why', async () => {
    const fixture = (name: string) => join(FIXTURES, name);
    await expect(scoreExtract(fixture('empty.csv'), bundle)).rejects.toThrow(`${fixture('empty.csv')} is empty`);
    await expect(scoreExtract(fixture('header-only.csv'), bundle)).rejects.toThrow(`${fixture('header-only.csv')} has a header line but no data rows`);
    await expect(scoreExtract(fixture('binary-garbage.csv'), bundle)).rejects.toThrow('is not a CSV text file (it holds binary data)');
    await expect(scoreExtract(fixture('no-id.csv'), bundle)).rejects.toThrow(
      /no-id\.csv: no appointment id column found \(looked for: Appointment ID, .*\); scores are written per appointment id, so map appointmentId in a mapping file$/,
    );
    await expect(scoreExtract(join(dir, 'missing.csv'), bundle)).rejects.toThrow(`${join(dir, 'missing.csv')}: no such file`);
    const noDate = join(dir, 'no-date.csv');
    writeFileSync(noDate, 'Appointment ID,NHS Number,Outcome\nA1,9434765919,5\n');
    await expect(scoreExtract(noDate, bundle)).rejects.toThrow(/^no appointment date column found \(looked for: Appointment Date, /);
    const allBad = join(dir, 'all-bad.csv');
    writeFileSync(allBad, 'Appointment ID,NHS Number,Appointment Date,Outcome\nA1,9434765919,31/02/2024,5\nA2,9434765919,01/02/2024,Q\n');
    await expect(scoreExtract(allBad, bundle)).rejects.toThrow(
      `${allBad}: none of its 2 rows could be read, so nothing was scored; first problems: row 1 column Appointment Date: appointment date '31/02/2024' is not a real calendar date; row 2 column Outcome: unknown attendance code 'Q'`,
    );
    const controller = new AbortController();
    controller.abort();
    await expect(scoreExtract(b.csv, bundle, { signal: controller.signal })).rejects.toThrow('scoring cancelled');
  });

  it('refuses a model.json and pipeline.json that are broken or do not belong together', async () => {
    const pipelineJson = JSON.parse(readFileSync(join(b.bundleDir, 'pipeline.json'), 'utf8'));
    const columns = b.pipeline.features.columns;
    const wider = JSON.parse(modelJsonText(modelJson({ ...b.ensemble, numFeature: columns.length + 1 })));
    expect(() => scoringBundle(wider, pipelineJson)).toThrow(
      `model.json has ${columns.length + 1} features but pipeline.json lists ${columns.length} feature columns: they are not from the same model`,
    );
    const swapped = [columns[1], columns[0], ...columns.slice(2)];
    expect(() => scoringBundle(JSON.parse(modelJsonText(modelJson(b.ensemble, { featureNames: swapped }))), pipelineJson)).toThrow(
      `model.json feature 0 is "${columns[1]}" but pipeline.json column 0 is "${columns[0]}": they are not from the same model`,
    );
    expect(() => scoringBundle({ version: [1, 7, 4] }, pipelineJson)).toThrow('model.json: learner must be a JSON object');
    expect(() => scoringBundle(wider, { ...pipelineJson, version: 2 })).toThrow('pipeline.json: version must be 1, got 2');

    const broken = join(dir, 'broken-bundle');
    mkdirSync(broken);
    await expect(readScoringBundle(broken)).rejects.toThrow(`${join(broken, 'model.json')}: no such file`);
    writeFileSync(join(broken, 'model.json'), '{"learner": ');
    writeFileSync(join(broken, 'pipeline.json'), JSON.stringify(pipelineJson));
    await expect(readScoringBundle(broken)).rejects.toThrow(`${join(broken, 'model.json')} is not valid JSON: `);
  });
});

describe.each(['isotonic', 'none'] as const)('scoreExtract with calibration %s', (calibration) => {
  let b: TrainedBundle;
  beforeAll(async () => {
    b = await trainedBundle({ calibration });
  }, 120_000);
  afterAll(async () => b?.ws.close());

  it('gives every appointment the app scores the app probability, exactly', async () => {
    const bundle = await readScoringBundle(b.bundleDir);
    expect(bundle.pipeline.calibration?.method ?? 'none').toBe(calibration);
    expect(maxDiff(await scoreExtract(b.csv, bundle), b.appScores)).toBe(0);
  });
});
