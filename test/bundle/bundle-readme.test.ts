import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILES } from '../../core/bundle/bundle-files.ts';
import { bundleReadme } from '../../core/bundle/bundle-readme.ts';
import type { ModelCardInput } from '../../core/bundle/model-card.ts';
import { inputColumns } from '../../core/bundle/sql/input-table.ts';
import { parsePipeline } from '../../core/features/index.ts';
import { getRun, type RunRecord } from '../../core/journal/index.ts';
import { listDatasets } from '../../core/profile/index.ts';
import { trainedBundle, type TrainedBundle } from './helpers/trained-bundle.ts';

const SIGNER = `sha256:${'cd'.repeat(32)}`;

let b: TrainedBundle;
let run: RunRecord;
let input: ModelCardInput;
let readme: string;

const h2s = (text: string) => [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
const rowStarting = (text: string, ...cells: string[]) => text.split('\n').find((l) => l.startsWith(`| ${cells.join(' | ')} |`));
/** The lines of the fenced code blocks of a Markdown document. */
const codeLines = (text: string) => [...text.matchAll(/^```\n([\s\S]*?)\n```$/gm)].flatMap((m) => m[1].split('\n'));

beforeAll(async () => {
  b = await trainedBundle();
  run = await getRun(b.ws.db, b.runId);
  const dataset = (await listDatasets(b.ws)).find((d) => d.name === 'demo');
  if (!dataset) throw new Error('fixture dataset missing');
  input = {
    bundle: { name: 'Attend DNA model (demo)', version: '1.2.0', created: '2026-01-05T10:00:00.000Z', appVersion: '0.1.0', engineVersion: run.engineVersion, signerFingerprint: SIGNER },
    run,
    dataset: { name: dataset.name, appointments: dataset.rows, from: dataset.from, to: dataset.to },
  };
  readme = bundleReadme(input);
}, 120_000);
afterAll(async () => b?.ws.close());

describe('bundle README', () => {
  it('has its sections in order', () => {
    expect(readme.startsWith('# Attend DNA model (demo) 1.2.0\n')).toBe(true);
    expect(h2s(readme)).toEqual([
      'Files',
      'Check the bundle before use',
      'Score appointments',
      'Input columns',
      'Output columns',
      'Validate and recalibrate locally',
      'Privacy',
    ]);
    expect(readme).toContain(`Trained on run \`${run.id}\` (dataset demo), created 2026-01-05T10:00:00.000Z.`);
  });

  it('lists exactly the bundle’s files', () => {
    const section = readme.slice(readme.indexOf('## Files'), readme.indexOf('## Check the bundle'));
    const listed = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...BUNDLE_FILES].sort());
  });

  it('explains how to verify hashes and the signature', () => {
    expect(readme).toContain(`fingerprint \`${SIGNER}\`; confirm that fingerprint with the sending trust by a separate channel`);
    const lines = codeLines(readme);
    expect(lines).toContain('attend validate --bundle path/to/bundle --workspace local.sqlite --dataset local');
    expect(lines).toContain(`attend validate --bundle path/to/bundle --workspace local.sqlite --dataset local --trust ${SIGNER}`);
    expect(lines).toContain('sha256sum model.json pipeline.json score.mjs score.py score.sql MODEL_CARD.md model_card.html README.md');
    expect(readme).toContain('checks the size and SHA-256 of every file and the signature');
    const unsigned = bundleReadme({ ...input, bundle: { ...input.bundle, signerFingerprint: null } });
    expect(unsigned).toContain('This bundle is unsigned: ask the sending trust to confirm the hashes in manifest.json by a separate channel.');
    expect(unsigned).not.toContain('--trust');
  });

  it('gives the exact scoring commands for each scorer', () => {
    const lines = codeLines(readme);
    expect(lines).toContain('node score.mjs --data extract.csv --out scores.csv');
    expect(lines).toContain('python3 score.py --data extract.csv --out scores.csv');
    expect(lines).toContain('attend score --bundle path/to/bundle --data extract.csv --out scores.csv');
    expect(readme).toContain('For score.sql, create and fill the table `attend_input` with one row per appointment');
    const names = inputColumns(parsePipeline(run.pipeline).spec).map((c) => `\`${c.name}\``);
    expect(readme).toContain(`It reads these columns: ${names.join(', ')}.`);
    expect(readme).toContain(`(the training data ran from ${input.dataset.from} to ${input.dataset.to})`);
  });

  it('names the input headers the import recognises and what this model uses them for', () => {
    expect(rowStarting(readme, 'attendance outcome')).toMatch(/^\| attendance outcome \| `Attended or Did Not Attend`, `Attended or DNA`, `Outcome`, `Attendance Status` \| required: /);
    expect(rowStarting(readme, 'NHS number')).toMatch(/^\| NHS number \| `NHS Number`, `NHS No`/);
    expect(rowStarting(readme, 'appointment date')).toMatch(/^\| appointment date \| `Appointment Date`, `Appt Date`.* \| required: /);
    expect(rowStarting(readme, 'treatment function code')).toBe(
      '| treatment function code | `Treatment Function Code`, `TFC`, `Treatment Function`, `TFC Code` | not used by this model |',
    );
    expect(rowStarting(readme, 'first attendance')).toMatch(/\| features `follow_up`, `remote` \|$/);
    expect(rowStarting(readme, 'clinic code')).toMatch(/\| feature `clinic` \|$/);
    expect(rowStarting(readme, 'date of birth')).toMatch(/\| feature `age` \|$/);
    expect(rowStarting(readme, 'LSOA')).toMatch(/\| not used by this model \|$/);
  });

  it('says what the output columns mean', () => {
    expect(rowStarting(readme, '`appointment_id`')).toBe('| `appointment_id` | the appointment id from the extract |');
    expect(rowStarting(readme, '`probability`')).toBe('| `probability` | calibrated probability that the appointment is a DNA, between 0 and 1 |');
    expect(rowStarting(readme, '`outcome`')).toContain('one of `attended`, `dna`, `patient_cancelled`, `hospital_cancelled`, `upcoming`, `unknown`');
  });

  it('shows how to validate and recalibrate locally', () => {
    const lines = codeLines(readme);
    expect(lines).toContain('attend import extract.csv --workspace local.sqlite --dataset local');
    expect(lines).toContain('attend validate --bundle path/to/bundle --workspace local.sqlite --dataset local --recalibrate platt');
    expect(lines).toContain('attend validate --bundle path/to/bundle --workspace local.sqlite --dataset local --recalibrate isotonic');
  });

  it('holds no patient-level data and says so', () => {
    expect(readme).toContain('The bundle contains no patient-level data');
    for (const id of [...b.appScores.keys()].filter((_, i) => i % 97 === 0)) expect(readme).not.toContain(id);
    expect(readme).not.toMatch(/APT\d{8}/);
  });

  it('escapes names from the data', () => {
    const text = bundleReadme({ ...input, bundle: { ...input.bundle, name: 'Trust <script>alert(1)</script>' }, dataset: { ...input.dataset, name: '<img src=x>' } });
    expect(text).not.toMatch(/<script|<img/i);
    expect(text.startsWith('# Trust &lt;script>alert(1)&lt;/script> 1.2.0\n')).toBe(true);
  });
});
