/**
 * README.md of a bundle, for the trust that receives it: what the bundle is,
 * how to check it, how to score appointments with each scorer, which
 * extract columns the scorers read, what they write, and how to validate and
 * recalibrate the model locally.
 */
import type { FeatureSpec } from '../features/index.ts';
import { FIELD_LABELS, FIELD_SYNONYMS } from '../import/synonyms.ts';
import { EXTRACT_FIELDS, type ExtractField } from '../import/types.ts';
import { OUTCOMES } from '../profile/groups.ts';
import { code, codeBlock, heading, list, paragraph, table, type Block, type Inline, type Text } from './card-blocks.ts';
import {
  ATTEND_IMPORT_COMMAND,
  ATTEND_SCORE_COMMAND,
  ATTEND_VALIDATE_COMMAND,
  SCORE_MJS_COMMAND,
  SCORE_PY_COMMAND,
  SQL_INPUT_TABLE,
  attendRecalibrateCommand,
  attendTrustCommand,
} from './card-commands.ts';
import { blocksMarkdown } from './card-markdown.ts';
import { cardContext, type ModelCardInput } from './model-card-input.ts';
import { inputColumns } from './sql/input-table.ts';

/** Every file of a bundle with what it holds, in the order the README lists them. */
export const BUNDLE_FILE_DESCRIPTIONS: readonly [string, string][] = [
  ['README.md', 'this guide'],
  ['MODEL_CARD.md', 'the model card: intended use, data, predictors, performance with 95% intervals, calibration, subgroups, limitations'],
  ['model_card.html', 'the same model card as one self-contained web page (no scripts, loads nothing)'],
  ['manifest.json', 'name, version, creation time, engine and app versions, run id, feature spec hash, training-data fingerprint, SHA-256 and size of every other file, and the Ed25519 signature when signed'],
  ['model.json', 'the trees in XGBoost’s own JSON model format (loads in Python XGBoost 1.7 or later)'],
  ['pipeline.json', 'the feature spec, the category levels learned in training, the recalibration and the DNA codes'],
  ['score.mjs', 'scorer for Node.js, no packages needed'],
  ['score.py', 'scorer for Python 3, standard library only'],
  ['score.sql', `scorer as plain SQL for SQLite, PostgreSQL and SQL Server, reading the table ${SQL_INPUT_TABLE}`],
];

/** Which features read each extract field; required fields are read whatever the spec. */
function fieldUse(field: ExtractField, spec: FeatureSpec): Text {
  const names = (pick: (f: FeatureSpec['features'][number]) => boolean): string[] => spec.features.filter(pick).map((f) => f.name);
  const byColumn = (column: string) => names((f) => f.kind === 'category' && f.column === column);
  let users: string[];
  switch (field) {
    case 'appointmentId':
      return 'required: identifies each row of the output';
    case 'nhsNumber':
    case 'localPatientId':
      return 'required (one of the two): links a patient’s appointments for the history features; hashed in memory, never written out';
    case 'appointmentDate':
      return 'required: date (and time, when the column holds one) of the appointment';
    case 'attendanceStatus':
      return 'required: ATTENDED OR DID NOT ATTEND code or text; earlier outcomes feed the history features, blank means upcoming';
    case 'appointmentTime':
      users = names((f) => f.kind === 'calendar' && f.part === 'hour');
      break;
    case 'bookedDate':
      users = names((f) => f.kind === 'leadTime');
      break;
    case 'birthDate':
      users = names((f) => f.kind === 'ageBand' || (f.kind === 'number' && f.column === 'age_years'));
      break;
    case 'imdDecile':
      users = names((f) => f.kind === 'number' && f.column === 'imd_decile');
      break;
    case 'ethnicCategory':
      users = names((f) => f.kind === 'ethnicGroup' || (f.kind === 'category' && f.column === 'ethnic_category'));
      break;
    case 'firstAttendance':
      users = [...names((f) => f.kind === 'attendanceType'), ...byColumn('first_attendance')];
      break;
    case 'sex':
      users = byColumn('sex');
      break;
    case 'lsoa':
      users = byColumn('lsoa');
      break;
    case 'treatmentFunctionCode':
      users = byColumn('treatment_function_code');
      break;
    case 'specialty':
      users = byColumn('specialty');
      break;
    case 'clinicCode':
      users = byColumn('clinic_code');
      break;
    case 'medium':
      users = byColumn('medium');
      break;
    case 'priority':
      users = byColumn('priority');
      break;
  }
  if (users.length === 0) return 'not used by this model';
  const pieces: Inline[] = [users.length === 1 ? 'feature ' : 'features '];
  users.forEach((u, i) => pieces.push(...(i > 0 ? [', '] : []), code(u)));
  return pieces;
}

function headersOf(field: ExtractField): Text {
  const pieces: Inline[] = [];
  FIELD_SYNONYMS[field].slice(0, 4).forEach((h, i) => pieces.push(...(i > 0 ? [', '] : []), code(h)));
  return pieces;
}

/** How much earlier history the extract should carry, from the training data's span. */
function historyDepth(input: ModelCardInput): string {
  const { from, to } = input.dataset;
  const span = from && to ? ` (the training data ran from ${from} to ${to})` : '';
  return `Give the scorers as much history as the model was trained with${span}: with less, patients look newer to the model than they are.`;
}

/** Every block of the README, in order. */
export function bundleReadmeBlocks(input: ModelCardInput): Block[] {
  const ctx = cardContext(input);
  const { bundle, run } = input;
  const spec = ctx.facts.pipeline.spec;
  const sqlColumns = inputColumns(spec);
  const verify: Block[] = [
    heading(2, 'Check the bundle before use'),
    paragraph(
      'manifest.json holds the SHA-256 of every other file. ',
      bundle.signerFingerprint === null
        ? 'This bundle is unsigned: ask the sending trust to confirm the hashes in manifest.json by a separate channel.'
        : 'It is signed with the sending trust’s Ed25519 key, fingerprint ',
      ...(bundle.signerFingerprint === null ? [] : [code(bundle.signerFingerprint), '; confirm that fingerprint with the sending trust by a separate channel (not the one that brought the bundle).']),
    ),
    paragraph(
      'The Attend app checks the size and SHA-256 of every file and the signature before it uses anything, and executes nothing from the bundle. It reads the folder or the zip as received:',
    ),
    codeBlock([ATTEND_VALIDATE_COMMAND, ...(bundle.signerFingerprint === null ? [] : [attendTrustCommand(bundle.signerFingerprint)])].join('\n')),
    paragraph(
      code('attend'),
      ' is the Attend command line (from a copy of its source: ',
      code('npm run -s attend -- validate …'),
      ')',
      ...(bundle.signerFingerprint === null ? ['.'] : ['; ', code('--trust'), ' refuses a bundle that is not signed by that key.']),
    ),
    paragraph(
      'To check the hashes by hand, compare the output of ',
      code('sha256sum'),
      ' (Windows PowerShell: ',
      code('Get-FileHash -Algorithm SHA256'),
      ') with the ',
      code('sha256'),
      ' values under ',
      code('files'),
      ' in manifest.json, or let Python compare them all, in the bundle’s folder:',
    ),
    codeBlock(
      [
        'sha256sum model.json pipeline.json score.mjs score.py score.sql MODEL_CARD.md model_card.html README.md',
        `python3 -c "import hashlib, json; m = json.load(open('manifest.json')); [print(n, 'ok' if hashlib.sha256(open(n, 'rb').read()).hexdigest() == f['sha256'] else 'CHANGED') for n, f in m['files'].items()]"`,
      ].join('\n'),
    ),
  ];
  return [
    heading(1, `${bundle.name} ${bundle.version}`),
    paragraph(
      'A model bundle exported by Attend: a gradient-boosted tree model (XGBoost) that gives the probability that a booked outpatient appointment will be a DNA (did not attend), ',
      'with everything needed to score appointments without the Attend app. Trained on run ',
      code(run.id),
      ` (dataset ${input.dataset.name}), created ${bundle.created}. Read MODEL_CARD.md (or model_card.html) before use: it says what the model is for, how well it did, and where it may fail.`,
    ),
    heading(2, 'Files'),
    table(
      ['File', 'What it holds'],
      BUNDLE_FILE_DESCRIPTIONS.map(([file, what]) => [code(file), what]),
    ),
    ...verify,
    heading(2, 'Score appointments'),
    paragraph(
      'Put all appointments of the patients concerned in one CSV extract: the upcoming ones to score and their earlier ones with outcomes, because the history features count each patient’s earlier appointments in the same file. ',
      historyDepth(input),
      ' Then, in the bundle’s folder:',
    ),
    codeBlock([SCORE_MJS_COMMAND, SCORE_PY_COMMAND].join('\n')),
    paragraph(
      'Both read CSV as exported from Windows or Linux systems (UTF-8 with or without BOM, or Windows-1252; comma, tab, pipe or semicolon delimited) with UK or ISO dates. Both also take ',
      code('--mapping mapping.json'),
      ' (the same mapping file as Attend’s import, naming the column of each field) for headers they do not recognise. With the Attend app installed, the same scoring is:',
    ),
    codeBlock(ATTEND_SCORE_COMMAND),
    paragraph(
      'For score.sql, create and fill the table ',
      code(SQL_INPUT_TABLE),
      ' with one row per appointment (the comment at the top of score.sql gives the CREATE TABLE statement, every column and how to derive the day numbers in each dialect), then run score.sql; it returns the same three columns. It reads these columns: ',
      ...sqlColumns.flatMap((c, i): Inline[] => (i > 0 ? [', ', code(c.name)] : [code(c.name)])),
      '.',
    ),
    heading(2, 'Input columns'),
    paragraph(
      'The scorers find columns by header the way Attend’s import does: case, spaces and punctuation are ignored, and each field has several accepted names (the main NHS ones below). Dates may be dd/mm/yyyy, dd/mm/yyyy hh:mm or ISO 8601. Coded columns take NHS Data Dictionary codes or their usual text.',
    ),
    table(
      ['Field', 'Headers recognised (examples)', 'Used for'],
      EXTRACT_FIELDS.map((field) => [FIELD_LABELS[field], headersOf(field), fieldUse(field, spec)]),
    ),
    heading(2, 'Output columns'),
    table(
      ['Column', 'Meaning'],
      [
        [code('appointment_id'), 'the appointment id from the extract'],
        [code('outcome'), ['the appointment’s outcome as read from the extract: one of ', ...OUTCOMES.flatMap((o, i): Inline[] => (i > 0 ? [', ', code(o)] : [code(o)])), ' (compare it with the probability to validate)']],
        [code('probability'), 'calibrated probability that the appointment is a DNA, between 0 and 1'],
      ],
    ),
    paragraph('Every appointment the scorer could read gets a probability; for validation and calibration use only rows whose outcome is attended or dna.'),
    heading(2, 'Validate and recalibrate locally'),
    paragraph(
      'A model trained elsewhere should be checked on your own patients before use: discrimination usually holds better than calibration. Import a local extract with outcomes into an Attend workspace, validate the bundle on it (AUC with 95% CI, calibration and subgroups, and a comparison with your own models), and recalibrate on your outcomes with Platt scaling or isotonic regression:',
    ),
    codeBlock([ATTEND_IMPORT_COMMAND, ATTEND_VALIDATE_COMMAND, attendRecalibrateCommand('platt'), attendRecalibrateCommand('isotonic')].join('\n')),
    paragraph('Without the app, MODEL_CARD.md (section Recalibrating locally) describes refitting Platt scaling on scored local outcomes.'),
    heading(2, 'Privacy'),
    list([
      'The bundle contains no patient-level data: no rows, no identifiers, no dates of birth. It holds the model, the category levels learned from training (such as specialty names), the recalibration and aggregate metrics with counts under 10 suppressed.',
      'The scorers run on your machine or in your warehouse and send nothing anywhere. Patient numbers in your extract are used only to link appointments and are never written to the output.',
    ]),
  ];
}

/** README.md of a bundle. */
export function bundleReadme(input: ModelCardInput): string {
  return blocksMarkdown(bundleReadmeBlocks(input));
}
