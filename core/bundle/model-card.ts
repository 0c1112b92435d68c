/**
 * The bundle's model card (MODEL_CARD.md), shaped by TRIPOD+AI: identifiers,
 * intended use, the methods and results of the run, limitations, and how to
 * use and recalibrate the model. Only summaries: no patient-level data.
 */
import { code, codeBlock, heading, list, paragraph, strong, table, type Block, type Inline, type Text } from './card-blocks.ts';
import {
  ATTEND_IMPORT_COMMAND,
  ATTEND_SCORE_COMMAND,
  SCORE_MJS_COMMAND,
  SCORE_PY_COMMAND,
  SQL_INPUT_TABLE,
  attendRecalibrateCommand,
} from './card-commands.ts';
import { blocksMarkdown } from './card-markdown.ts';
import { htmlPage } from './model-card-html.ts';
import { sensitivePredictors } from './card-predictors.ts';
import { cardContext, type CardContext, type ModelCardInput } from './model-card-input.ts';
import { methodsSections } from './model-card-methods.ts';
import { resultsSections } from './model-card-results.ts';

export type { ModelCardInput } from './model-card-input.ts';

function identifiers(ctx: CardContext): Block[] {
  const { bundle, run, dataset } = ctx.input;
  const rows: Text[][] = [
    ['Bundle', bundle.name],
    ['Version', bundle.version],
    ['Created', bundle.created],
    ['Run', code(run.id)],
    ['Run trained', run.createdAt],
    ['Training dataset', dataset.name],
    ['Feature spec hash (SHA-256)', code(run.featureSpecHash)],
    ['Training-data fingerprint', code(run.datasetFingerprint)],
    ['Engine', bundle.engineVersion],
    ['Attend version', bundle.appVersion.replace(/^attend /, '')],
    ['Signer key fingerprint', bundle.signerFingerprint === null ? 'unsigned' : code(bundle.signerFingerprint)],
  ];
  if (run.note.trim() !== '') rows.push(['Analyst’s note', run.note]);
  return [heading(2, 'Identifiers'), table(['Field', 'Value'], rows)];
}

function intendedUse(): Block[] {
  return [
    heading(2, 'Intended use and users'),
    list([
      [strong('Users:'), ' clinic managers and booking teams, with the analysts who check the model on local data.'],
      [strong('Use:'), ' rank booked outpatient appointments by the risk of a DNA, to decide who gets a reminder call or an offer of help to attend or rebook, and to plan clinic sessions from expected DNAs.'],
      [strong('Not for:'), ' denying, delaying or downgrading anyone’s care; any decision about an individual patient’s clinical care; judging or penalising patients.'],
      'A high risk is a reason to offer more support, never less. Staff should be able to see why an appointment was flagged and act on their own knowledge of the patient.',
    ]),
  ];
}

function limitations(ctx: CardContext): Block[] {
  const { sex, ethnicity } = sensitivePredictors(ctx.facts.pipeline);
  const names = (features: string[]): Inline[] => features.flatMap((f, i): Inline[] => (i > 0 ? [', ', code(f)] : [code(f)]));
  const sensitive: Text[] = [];
  if (sex.length > 0 || ethnicity.length > 0) {
    const used: Inline[] = [];
    if (sex.length > 0) used.push('sex (', ...names(sex), ')');
    if (sex.length > 0 && ethnicity.length > 0) used.push(' and ');
    if (ethnicity.length > 0) used.push('ethnicity (', ...names(ethnicity), ')');
    sensitive.push([
      'This model uses ',
      ...used,
      ' as predictors because its feature spec includes them. They are never given as reasons on call lists; check the subgroup table before use and consider a model without them.',
    ]);
  } else {
    sensitive.push('This model does not use sex or ethnicity as predictors (its feature spec has neither); they are never given as reasons on call lists.');
  }
  return [
    heading(2, 'Limitations'),
    list([
      `The model learned from one dataset (“${ctx.input.dataset.name}”). If that is the app’s synthetic demo extract, its figures say nothing about real patients; if it is a trust’s own extract, they describe that trust’s patients, clinics and booking practice only.`,
      'Dataset shift: DNA rates change with reminder services, booking rules, the mix of telephone and video clinics, seasons and local events. Validate on recent local data before use and recalibrate when calibration drifts.',
      'Fairness: DNA risk follows deprivation, age and ethnicity. Ranking by risk can move reminder effort towards or away from groups; look at the subgroup table, and use the ranking to offer more help, never less care. Small groups could not be assessed.',
      ...sensitive,
      'History features count only the appointments in the extract that is scored: a patient with little history in it looks like a new patient.',
      'The intervals describe sampling uncertainty on one hold-out; they do not cover a change of population or practice.',
    ]),
  ];
}

function howToUse(): Block[] {
  return [
    heading(2, 'How to use'),
    paragraph(
      'Each scorer reads an appointment extract with the headers described in README.md and writes appointment_id, outcome and probability (the calibrated DNA probability). Run from the bundle’s folder:',
    ),
    codeBlock([SCORE_MJS_COMMAND, SCORE_PY_COMMAND, ATTEND_SCORE_COMMAND].join('\n')),
    paragraph(
      'score.mjs needs only Node.js and score.py only Python 3’s standard library. ',
      'For score.sql, create and fill the table ',
      code(SQL_INPUT_TABLE),
      ' as the comment at the top of score.sql describes, then run score.sql in SQLite (3.35 or later), PostgreSQL or SQL Server.',
    ),
  ];
}

function recalibration(): Block[] {
  return [
    heading(2, 'Recalibrating locally'),
    paragraph(
      'Check and adjust the model on your own appointments before relying on its probabilities. Import a recent local extract with outcomes, then validate, and recalibrate with Platt scaling or isotonic regression fitted on your outcomes:',
    ),
    codeBlock([ATTEND_IMPORT_COMMAND, attendRecalibrateCommand('platt'), attendRecalibrateCommand('isotonic')].join('\n')),
    paragraph(
      'Without the app, refit Platt scaling yourself: score recent local appointments with a known outcome (1 = DNA, 0 = attended), fit a logistic regression of the outcome on ',
      code('logit(probability)'),
      ', and use ',
      code('1 / (1 + exp(-(a + b × logit(probability))))'),
      ' with its intercept a and slope b. Use at least 100 local DNAs, preferably 200 or more; a slope near 1 and an intercept near 0 mean the model already fits.',
    ),
  ];
}

/** Every block of the card, in order. */
export function modelCardBlocks(input: ModelCardInput): Block[] {
  const ctx = cardContext(input);
  return [
    heading(1, `Model card: ${input.bundle.name} ${input.bundle.version}`),
    paragraph(
      'A gradient-boosted tree model (XGBoost) that predicts the probability that a booked outpatient appointment will be a DNA (did not attend). ',
      'The sections follow the TRIPOD+AI reporting items. Counts under 10 are shown as <10 and figures that would reveal them are suppressed; the card holds no patient-level data.',
    ),
    ...identifiers(ctx),
    ...intendedUse(),
    ...methodsSections(ctx),
    ...resultsSections(ctx),
    ...limitations(ctx),
    ...howToUse(),
    ...recalibration(),
  ];
}

/** MODEL_CARD.md of a bundle. */
export function modelCardMarkdown(input: ModelCardInput): string {
  return blocksMarkdown(modelCardBlocks(input));
}

/** model_card.html of a bundle: one self-contained page, no scripts, nothing loaded from elsewhere. */
export function modelCardHtml(input: ModelCardInput): string {
  return htmlPage(`Model card: ${input.bundle.name} ${input.bundle.version}`, modelCardBlocks(input));
}
