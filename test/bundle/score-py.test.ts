import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scorePyRules, scorePySource } from '../../core/bundle/score-py.ts';
import {
  FIELD_SYNONYMS,
  importExtract,
  makeOutcomeReader,
  parseDateTime,
  parseTime,
  readEthnicCategory,
  readFirstAttendance,
  readImdDecile,
  readMedium,
  readPriority,
  readSex,
  type ImportIssue,
  type ImportReport,
  type MappingFile,
} from '../../core/import/index.ts';
import { nhsNumberProblem } from '../../core/nhs/nhs-number.ts';
import { openWorkspace, type Workspace } from '../../core/workspace/index.ts';
import { trainedBundle, type TrainedBundle } from './helpers/trained-bundle.ts';

const PYTHON = '/usr/bin/python3';
const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
/** The modules score.py may import: Python's standard library only. */
const STANDARD_MODULES = new Set(['argparse', 'array', 'codecs', 'csv', 'hashlib', 'json', 'math', 'operator', 'os', 're', 'struct', 'sys']);

interface ScoreRun {
  status: number | null;
  stderr: string;
  /** appointment_id -> [outcome, probability text] in file order. */
  scores: Map<string, [string, string]>;
  /** Issues from --issues, as the import reports them. */
  issues: ImportIssue[];
  summary: { read: number; rejected: number; superseded: number; scored: number } | null;
}

const work = mkdtempSync(join(tmpdir(), 'attend-score-py-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let runs = 0;

/** Run score.py (from `script`) on `data`; extra arguments follow. */
function score(script: string, data: string, extra: string[] = []): ScoreRun {
  const n = runs++;
  const out = join(work, `out-${n}.csv`);
  const issuesFile = join(work, `issues-${n}.csv`);
  const r = spawnSync(PYTHON, [script, '--data', data, '--out', out, '--issues', issuesFile, ...extra], { encoding: 'utf8' });
  const scores = new Map<string, [string, string]>();
  let issues: ImportIssue[] = [];
  if (r.status === 0) {
    const rows = Papa.parse<string[]>(readFileSync(out, 'utf8'), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['appointment_id', 'outcome', 'probability']);
    for (const [id, outcome, p] of rows.slice(1)) scores.set(id, [outcome, p]);
    issues = Papa.parse<string[]>(readFileSync(issuesFile, 'utf8'), { skipEmptyLines: true })
      .data.slice(1)
      .map(([row, column, severity, message]) => ({
        row: row === '' ? null : Number(row),
        column: column === '' ? null : column,
        severity: severity as ImportIssue['severity'],
        message,
      }));
  }
  const m = /(\d+) rows read, (\d+) rejected, (\d+) replaced by a later row with the same appointment id; (\d+) appointments scored/.exec(r.stderr);
  const summary = m ? { read: Number(m[1]), rejected: Number(m[2]), superseded: Number(m[3]), scored: Number(m[4]) } : null;
  return { status: r.status, stderr: r.stderr, scores, issues, summary };
}

/** A bundle folder holding score.py next to model.json and pipeline.json (copied when `edit` changes one). */
function bundleWith(from: string, edit?: { pipeline?: (p: Record<string, unknown>) => unknown; model?: (m: Record<string, unknown>) => unknown }): string {
  const dir = mkdtempSync(join(work, 'bundle-'));
  for (const name of ['model.json', 'pipeline.json']) copyFileSync(join(from, name), join(dir, name));
  if (edit?.pipeline) writeFileSync(join(dir, 'pipeline.json'), JSON.stringify(edit.pipeline(JSON.parse(readFileSync(join(dir, 'pipeline.json'), 'utf8')))));
  if (edit?.model) writeFileSync(join(dir, 'model.json'), JSON.stringify(edit.model(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')))));
  writeFileSync(join(dir, 'score.py'), scorePySource());
  return dir;
}

/** The largest |app - score.py| over appointments, and how many agree to the last bit. */
function compare(app: Map<string, number>, run: ScoreRun): { maxDiff: number; exact: number } {
  expect(run.status).toBe(0);
  expect([...run.scores.keys()].sort()).toEqual([...app.keys()].sort());
  let maxDiff = 0;
  let exact = 0;
  for (const [id, p] of app) {
    const mine = Number(run.scores.get(id)?.[1]);
    maxDiff = Math.max(maxDiff, Math.abs(mine - p));
    if (mine === p) exact++;
  }
  return { maxDiff, exact };
}

const byRow = (issues: readonly ImportIssue[]) => issues.map((i) => [i.row ?? -1, i.column, i.severity, i.message]).sort((a, b) => (a < b ? -1 : 1));

describe('score.py source', () => {
  const source = scorePySource();

  it('inlines the import rules generated from the TypeScript tables as one JSON literal', () => {
    const lines = source.split('\n').filter((l) => l.startsWith('IMPORT_RULES_JSON = '));
    expect(lines).toHaveLength(1);
    // The literal is a JSON string too: read it back as score.py's json.loads does.
    const rules = JSON.parse(JSON.parse(lines[0].slice('IMPORT_RULES_JSON = '.length)));
    expect(rules).toEqual(JSON.parse(JSON.stringify(scorePyRules())));
    expect(rules.synonyms.appointmentId).toEqual(FIELD_SYNONYMS.appointmentId);
    expect(rules.outcome.labelCodes.wasnotbrought).toBe('3');
    expect(rules.codes.sex['0']).toBeNull();
    expect(rules.rows).toEqual({ firstYear: 1900, lastYear: 2100, maxAge: 120 });
    expect(source).not.toContain('@import-rules');
    expect(/^[\x00-\x7f]*$/.test(source)).toBe(true);
  });

  it('imports only standard-library modules and compiles as Python 3.8', () => {
    const file = join(work, 'score-check.py');
    writeFileSync(file, source);
    // `import a, b` and `from a.b import c` statements, wherever they are indented.
    const imported = source
      .split('\n')
      .flatMap((l) => {
        const m = /^\s*(?:import\s+([\w.]+(?:\s*,\s*[\w.]+)*)\s*$|from\s+([\w.]+)\s+import\s)/.exec(l);
        return m ? (m[1] ?? m[2]).split(',').map((name) => name.trim().split('.')[0]) : [];
      });
    // Python's own parser must find the same modules (no import hidden from the line check).
    const listing = `import ast, sys
names = set()
for node in ast.walk(ast.parse(open(sys.argv[1]).read())):
    if isinstance(node, ast.Import): names.update(a.name.split('.')[0] for a in node.names)
    if isinstance(node, ast.ImportFrom): names.add(node.module.split('.')[0])
print(' '.join(sorted(names)))`;
    const parsed = spawnSync(PYTHON, ['-c', listing, file], { encoding: 'utf8' }).stdout.trim().split(' ');
    expect([...new Set(imported)].sort()).toEqual(parsed);
    expect(source).not.toMatch(/__import__|importlib/);
    expect(imported.length).toBeGreaterThan(5);
    expect(imported.filter((m) => !STANDARD_MODULES.has(m))).toEqual([]);
    const compiled = spawnSync(PYTHON, ['-m', 'py_compile', file], { encoding: 'utf8' });
    expect(compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    const grammar = `import ast, sys; ast.parse(open(sys.argv[1]).read(), feature_version=(3, 8)); print('ok')`;
    expect(spawnSync(PYTHON, ['-c', grammar, file], { encoding: 'utf8' }).stdout.trim()).toBe('ok');
  });
});

/** A small seeded generator, so the generated cells are the same on every run. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

// Loads score.py as a module and runs its ported readers over the cells.
const PORTED_READERS = `import importlib.util, json, sys
spec = importlib.util.spec_from_file_location('score', sys.argv[1])
sp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sp)
data = json.load(open(sys.argv[2], encoding='utf-8'))
def date(v):
    if isinstance(v, sp.Problem): return {'problem': v.problem}
    if isinstance(v, tuple): return {'y': v[0], 'm': v[1], 'd': v[2], 'date': v[3], 'time': v[4]}
    return v
def code(v): return '?' if v is sp.UNRECOGNISED else v
outcome = sp.make_outcome_reader(['3', '7'], {}, None)
flag = sp.make_outcome_reader(['03'], {'Seen': 'attended'}, 'DNA Flag')
print(json.dumps({
  'dates': [[date(sp.parse_date_time(c, 'dmy')), date(sp.parse_date_time(c, 'mdy')), date(sp.parse_time(c))] for c in data['dates']],
  'codes': [[code(f(c)) for f in (sp.read_sex, sp.read_ethnic_category, sp.read_imd_decile, sp.read_first_attendance, sp.read_medium, sp.read_priority)]
            + [outcome(c), flag(c), sp.nhs_number_problem(c)] for c in data['codes']],
  'csv': [[[r, p] for r, p in sp.iter_records(t, d, sp.guess_line_endings(t))] for t, d in data['csv']],
}))
`;

describe('score.py’s ported import rules agree with the TypeScript', () => {
  it('on generated dates, times, codes, outcomes, NHS numbers and CSV text', () => {
    const r = lcg(17);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
    const dates: string[] = ['05/03/2024', '5-Mar-2024 2:30 pm', '2024-02-29T23:59:59.5+01:00', '29/02/2023', '0930', '12.30', ' 1/1/1000 '];
    for (let i = 0; i < 3000; i++) {
      const sep = pick(['/', '-', '.', ' ']);
      const day = String(Math.floor(r() * 33));
      const month = pick([String(1 + Math.floor(r() * 13)), '0' + Math.floor(r() * 10), 'Jan', 'sept', 'February', 'Fe', 'mar']);
      const year = pick(['2024', '2023', '1900', '0999', '20245', '24']);
      const time = pick(['', ' 9:05', ' 09:05:59', 'T10:30', 'T10:30:00.123Z', ' 10:30+01:00', ' 1:05 pm', ' 12:00am', ' 13:00 pm', ' 24:00', ' 10.30', ' x']);
      dates.push(r() < 0.3 ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}${time}` : `${day}${sep}${month}${sep}${year}${time}`);
      dates.push(Array.from({ length: 1 + Math.floor(r() * 6) }, () => pick(['1', '12', '2024', '/', '-', ':', ' ', 'T', 'Z', 'am', 'Mar', '.', '60'])).join(''));
    }
    const codes = [
      '1', '01', '2', 'M', 'f', 'Female', ' male ', '9', '0', 'u', 'x', 'A', 'a1', 'Z', '99', 'White - British', 'Asian or Asian British - Indian',
      'Mixed: Other', 'Other ethnic group - Chinese', '3.0', '10', '10.0', '11', '001', 'First', 'follow up', 'F2F', 'Tel', 'video call', '98',
      '04', '5', '2WW', 'Two week wait', 'urgent', 'DNA', 'Did not attend', 'Yes', 'no', 'TRUE', 'seen', 'attended late, not seen', '07', '',
      ' ', 'WNB', '9434765919', '943 476 5919', '943-476-5919', '1111111111', '9434765918', '\u00a09434765919\u00a0', '000000000O',
    ];
    const csv: [string, string][] = [];
    for (let i = 0; i < 1500; i++) {
      const parts = ['a', 'b', ',', ',', '"', '"', '\n', '\r\n', ' ', '\r', '""', ';'];
      csv.push([Array.from({ length: 1 + Math.floor(r() * 30) }, () => pick(parts)).join(''), r() < 0.8 ? ',' : ';']);
    }
    const file = join(work, 'cells.json');
    writeFileSync(file, JSON.stringify({ dates, codes, csv }));
    const script = join(work, 'score-module.py');
    writeFileSync(script, scorePySource());
    const py = spawnSync(PYTHON, ['-c', PORTED_READERS, script, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(py.stderr).toBe('');
    const got = JSON.parse(py.stdout) as { dates: unknown[]; codes: unknown[]; csv: unknown[] };

    const seen = (v: unknown) => (v === undefined ? '?' : v);
    const outcome = makeOutcomeReader();
    const flag = makeOutcomeReader({ dnaCodes: ['03'], outcomeValues: { Seen: 'attended' }, header: 'DNA Flag' });
    expect(got.dates).toEqual(dates.map((c) => [parseDateTime(c, 'dmy'), parseDateTime(c, 'mdy'), parseTime(c)]));
    expect(got.dates.filter((d) => 'date' in (d as { date?: string }[])[0]).length).toBeGreaterThan(500);
    expect(got.codes).toEqual(
      codes.map((c) => [
        ...[readSex, readEthnicCategory, readImdDecile, readFirstAttendance, readMedium, readPriority].map((read) => seen(read(c))),
        outcome(c),
        flag(c),
        nhsNumberProblem(c),
      ]),
    );
    // papaparse on the whole text, its empty lines dropped and its quote errors moved to the records kept.
    expect(got.csv).toEqual(
      csv.map(([text, delimiter]) => {
        const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
        const problems = new Map(parsed.errors.filter((e) => e.type === 'Quotes').map((e) => [e.row, e.message]));
        return parsed.data.flatMap((row, i) => (row.length === 1 && row[0] === '' ? [] : [[row, problems.get(i) ?? null]]));
      }),
    );
  });
});

describe('score.py on the trained bundle (Platt calibration)', () => {
  let b: TrainedBundle;
  let script: string;
  let run: ScoreRun;
  beforeAll(async () => {
    b = await trainedBundle();
    script = join(b.bundleDir, 'score.py');
    writeFileSync(script, scorePySource());
    run = score(script, b.csv);
  }, 120_000);
  afterAll(async () => b?.ws.close());

  it('gives every imported appointment the app’s calibrated probability', async () => {
    const { maxDiff, exact } = compare(b.appScores, run);
    expect(maxDiff).toBeLessThanOrEqual(1e-6);
    // The raw float32 probabilities agree exactly; Platt's exp and log may differ in the last bit between libraries.
    expect(maxDiff).toBeLessThanOrEqual(1e-15);
    expect(exact).toBeGreaterThan(0.8 * b.appScores.size);
    const outcomes = await b.ws.db.all<{ appointment_id: string; outcome: string }>('SELECT appointment_id, outcome FROM appointments');
    expect(outcomes.every((o) => run.scores.get(o.appointment_id)?.[0] === o.outcome)).toBe(true);
    // Output rows follow the matrix: appointment time, then id.
    expect([...run.scores.keys()]).toEqual(b.matrix.appointmentIds);
  });

  it('reads, rejects and de-duplicates rows as the import did, with the same issues', async () => {
    const rec = await b.ws.db.get<{ id: number; rows_read: number; rows_rejected: number; rows_imported: number }>(
      'SELECT id, rows_read, rows_rejected, rows_imported FROM imports',
    );
    if (!rec) throw new Error('the trained bundle has no import record');
    expect(run.summary).toEqual({
      read: rec.rows_read,
      rejected: rec.rows_rejected,
      superseded: rec.rows_read - rec.rows_rejected - rec.rows_imported,
      scored: rec.rows_imported,
    });
    expect(run.summary?.rejected).toBeGreaterThan(0);
    expect(run.summary?.superseded).toBeGreaterThan(0);
    const all = await b.ws.db.all<ImportIssue>('SELECT row, column, severity, message FROM import_issues WHERE import_id = ?', [rec.id]);
    expect(all.length).toBeGreaterThan(20);
    expect(byRow(run.issues)).toEqual(byRow(all));
    expect(run.stderr).toContain(`error row ${all.find((i) => i.severity === 'error')?.row} column`);
  });

  it('reads the bundle from --bundle DIR when the script lives elsewhere', () => {
    const elsewhere = join(work, 'elsewhere.py');
    writeFileSync(elsewhere, scorePySource());
    const other = score(elsewhere, b.csv, ['--bundle', b.bundleDir]);
    expect(other.status).toBe(0);
    expect(other.scores).toEqual(run.scores);
    const missing = score(elsewhere, b.csv);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('pipeline.json: not found');
  });

  it('refuses a wrong pipeline.json or model.json with an error naming the field', () => {
    const cases: [Parameters<typeof bundleWith>[1], string][] = [
      [{ pipeline: (p) => ({ ...p, version: 2 }) }, 'pipeline.json: version must be 1, got 2'],
      [{ pipeline: (p) => ({ ...p, outcome: { dnaCodes: [] } }) }, 'pipeline.json: outcome.dnaCodes must be a non-empty list of short codes'],
      [{ pipeline: (p) => ({ ...p, calibration: { method: 'platt', a: 'x', b: 1 } }) }, 'pipeline.json: calibration.a must be a finite number, got "x"'],
      [{ pipeline: (p) => ({ ...p, calibration: { method: 'isotonic', x: [0.2, 0.1], y: [0, 1] } }) }, 'pipeline.json: calibration.x must increase strictly, but x[1] = 0.1 follows 0.2'],
      [
        { pipeline: (p) => ({ ...p, features: { ...(p.features as object), specHash: 'x' } }) },
        'pipeline.json: features: feature pipeline: specHash "x" does not match the spec',
      ],
      [
        {
          pipeline: (p) => {
            const f = structuredClone(p.features) as { spec: { features: Record<string, unknown>[] } };
            f.spec.features[0].windowDays = 3;
            return { ...p, features: f };
          },
        },
        'pipeline.json: features: feature spec: features[0] "prior_appointments": windowDays does not apply to stat priorAppointments',
      ],
      [{ model: (m) => ({ ...m, learner: { ...(m.learner as object), objective: { name: 'reg:squarederror' } } }) }, 'model.json: objective is "reg:squarederror"'],
      [
        {
          model: (m) => {
            const c = structuredClone(m) as { learner: { learner_model_param: { num_feature: string } } };
            c.learner.learner_model_param.num_feature = '3';
            return c;
          },
        },
        'model.json: the model has 3 features but pipeline.json lists 24 columns',
      ],
      [
        {
          model: (m) => {
            const c = structuredClone(m) as { learner: { gradient_booster: { model: { trees: { left_children: number[] }[] } } } };
            c.learner.gradient_booster.model.trees[2].left_children[0] = 999;
            return c;
          },
        },
        'model.json: tree 2 node 0 has children 999,',
      ],
    ];
    for (const [edit, message] of cases) {
      const dir = bundleWith(b.bundleDir, edit);
      const r = score(join(dir, 'score.py'), b.csv);
      expect(r.stderr).toContain(message);
      expect(r.status).toBe(2);
    }
    expect(b.pipeline.features.columns).toHaveLength(24);
  });

  it('exits 2 with the usage on bad arguments', () => {
    const r = spawnSync(PYTHON, [script, '--out', join(work, 'x.csv')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the following arguments are required: --data');
    expect(r.stderr).toContain('usage: score.py');
  });

  describe('reads extracts exactly as the import does', () => {
    let ws: Workspace;
    beforeAll(async () => {
      ws = await openWorkspace(':memory:');
    });
    afterAll(async () => ws?.close());
    let n = 0;

    async function bothRead(file: string, mapping?: MappingFile): Promise<{ report: ImportReport | Error; run: ScoreRun }> {
      let report: ImportReport | Error;
      try {
        report = await importExtract(ws, file, { dataset: `d${n++}`, mapping });
      } catch (e) {
        report = e as Error;
      }
      let extra: string[] = [];
      if (mapping) {
        const m = join(work, `mapping-${n}.json`);
        writeFileSync(m, JSON.stringify(mapping));
        extra = ['--mapping', m];
      }
      return { report, run: score(script, file, extra) };
    }

    /** Same counts, issues and appointment ids as the import, or the same refusal. */
    async function expectSame(file: string, mapping?: MappingFile, opts: { derivedIds?: boolean } = {}): Promise<ScoreRun> {
      const { report, run } = await bothRead(file, mapping);
      if (report instanceof Error) {
        expect(run.stderr).toContain(`score.py: ${report.message}`);
        expect(run.status).toBe(2);
        return run;
      }
      expect(run.stderr.split('\n').filter((l) => l.startsWith('Traceback'))).toEqual([]);
      expect(run.summary).toEqual({
        read: report.rowsRead,
        rejected: report.rowsRejected,
        superseded: report.rowsRead - report.rowsRejected - report.rowsImported,
        scored: report.rowsImported,
      });
      const stored = await ws.db.all<{ appointment_id: string; outcome: string }>(
        'SELECT appointment_id, outcome FROM appointments WHERE dataset_id = (SELECT id FROM datasets WHERE name = ?) ORDER BY appointment_id',
        [report.dataset],
      );
      if (opts.derivedIds) {
        expect(run.scores.size).toBe(stored.length);
        expect(byRow(run.issues.filter((i) => i.row !== null))).toEqual(byRow(report.issues.filter((i) => i.row !== null)));
      } else {
        expect([...run.scores].map(([id, [outcome]]) => ({ appointment_id: id, outcome })).sort((a, b) => (a.appointment_id < b.appointment_id ? -1 : 1))).toEqual(stored);
        expect(report.issueCount).toBeLessThan(100);
        expect(byRow(run.issues)).toEqual(byRow(report.issues));
      }
      for (const [, [, p]] of run.scores) expect(Number(p) > 0 && Number(p) < 1).toBe(true);
      return run;
    }

    it.each([
      'utf8-bom.csv',
      'windows-1252.csv',
      'tab-delimited.tsv',
      'pipe-delimited.txt',
      'quoted-newlines.csv',
      'dates.csv',
      'invalid-dates.csv',
      'invalid-nhs.csv',
      'outcome-codes.csv',
      'duplicate-ids.csv',
      'wrong-columns.csv',
      'refresh-week1.csv',
      'mostly-bad.csv',
      'header-only.csv',
      'empty.csv',
      'binary-garbage.csv',
    ])('%s', async (name) => {
      await expectSame(join(FIXTURES, name));
    });

    it('no-id.csv: appointments told apart by patient, time and clinic; rows named by number', async () => {
      const run = await expectSame(join(FIXTURES, 'no-id.csv'), undefined, { derivedIds: true });
      expect([...run.scores.keys()]).toEqual(['row-1', 'row-2']);
      expect(run.issues.filter((i) => i.row === null).map((i) => i.message)[0]).toContain('no appointment id column found');
    });

    it('yes-no.csv with its mapping file (columns, outcome values, month-first dates)', async () => {
      const mapping = JSON.parse(readFileSync(join(FIXTURES, 'yes-no.mapping.json'), 'utf8')) as MappingFile;
      const run = await expectSame(join(FIXTURES, 'yes-no.csv'), mapping);
      expect([...run.scores.values()].map(([o]) => o)).toEqual(['attended', 'dna', 'attended', 'upcoming']);
    });

    it('quotes papaparse would read differently from Python’s csv module, and blank lines', async () => {
      const head = 'Appointment ID;Local Patient Number;Appointment Date;Attended or Did Not Attend;Specialty\r\n';
      const good = Array.from({ length: 20 }, (_, i) => `Q${i};L${i % 7};0${1 + (i % 9)}/03/2024 10:${10 + i};5;"Ear; ""Nose""  "  \r\n`);
      const text = head + good.slice(0, 10).join('') + '\r\n\r\n' + good.slice(10).join('') + 'Q90;L1;01/04/2024;3;"ab"c;d\r\nQ91;L2;02/04/2024;5;x\r\n';
      const file = join(work, 'quotes.csv');
      writeFileSync(file, text);
      const run = await expectSame(file);
      expect(run.summary?.rejected).toBe(1);
      expect(run.issues.some((i) => i.message.startsWith('malformed quotes:'))).toBe(true);
    });

    it('Windows-1252 found only after the head is read again as such, with the import’s note', async () => {
      const head = 'Appointment ID,Local Patient Number,Appointment Date,Attended or Did Not Attend,Clinic Code\n';
      const rows = Array.from({ length: 8000 }, (_, i) => `A${i},L${i % 500},${1 + (i % 28)}/0${1 + (i % 9)}/2024 09:${10 + (i % 50)},${i % 11 === 0 ? 3 : 5},CLINIC-${i % 40}\n`);
      const body = Buffer.from(head + rows.join(''), 'latin1');
      const file = join(work, 'late-1252.csv');
      writeFileSync(file, Buffer.concat([body, Buffer.from('Z1,L1,01/05/2024,5,CL\xc9 \xa35\n', 'latin1')]));
      expect(body.length).toBeGreaterThan(256 * 1024);
      const run = await expectSame(file);
      expect(run.issues[0].message).toMatch(/^not valid UTF-8 \(from the block at byte \d+\); read as Windows-1252$/);
    });

    it('a mapping file that forces encoding and delimiter and counts only code 3 as DNA', async () => {
      await expectSame(join(FIXTURES, 'windows-1252.csv'), { encoding: 'utf-8', delimiter: ',', dnaCodes: ['3'] });
    });

    it('a mapping file that sets a recognised column to null: the demo extract read without its Clinic Code', async () => {
      const { report, run } = await bothRead(b.csv, { columns: { clinicCode: null } });
      if (report instanceof Error) throw report;
      expect(report.mapping.clinicCode).toBeUndefined();
      expect(run.status).toBe(0);
      expect(run.summary).toEqual({
        read: report.rowsRead,
        rejected: report.rowsRejected,
        superseded: report.rowsRead - report.rowsRejected - report.rowsImported,
        scored: report.rowsImported,
      });
      expect(run.summary?.scored).toBe(b.appScores.size);
      const stored = await ws.db.all<{ appointment_id: string; outcome: string; clinic_code: string | null }>(
        'SELECT appointment_id, outcome, clinic_code FROM appointments WHERE dataset_id = (SELECT id FROM datasets WHERE name = ?) ORDER BY appointment_id',
        [report.dataset],
      );
      expect(stored.filter((a) => a.clinic_code !== null)).toEqual([]);
      const scored = [...run.scores].map(([id, [outcome]]) => ({ appointment_id: id, outcome })).sort((x, y) => (x.appointment_id < y.appointment_id ? -1 : 1));
      expect(scored).toEqual(stored.map(({ appointment_id, outcome }) => ({ appointment_id, outcome })));
      const all = await ws.db.all<ImportIssue>(
        'SELECT row, column, severity, message FROM import_issues WHERE import_id = (SELECT MAX(id) FROM imports)',
      );
      expect(all.length).toBe(report.issueCount);
      expect(all.some((i) => i.column === 'Clinic Code')).toBe(false);
      expect(byRow(run.issues)).toEqual(byRow(all));
      // Read with its clinic codes, score.py gives other risks: the null did switch the column off.
      const withClinic = score(script, b.csv);
      expect([...run.scores.keys()].sort()).toEqual([...withClinic.scores.keys()].sort());
      expect([...run.scores].filter(([id, [, p]]) => withClinic.scores.get(id)?.[1] !== p).length).toBeGreaterThan(0);
    });
  });
});

describe.each(['isotonic', 'none'] as const)('score.py with calibration %s', (calibration) => {
  let b: TrainedBundle;
  beforeAll(async () => {
    b = await trainedBundle({ calibration });
  }, 120_000);
  afterAll(async () => b?.ws.close());

  it('matches the app’s probability of every appointment to the last bit', () => {
    const script = join(b.bundleDir, 'score.py');
    writeFileSync(script, scorePySource());
    const { maxDiff, exact } = compare(b.appScores, score(script, b.csv));
    expect(maxDiff).toBe(0);
    expect(exact).toBe(b.appScores.size);
    expect(b.pipeline.calibration?.method ?? 'none').toBe(calibration);
  });
});
