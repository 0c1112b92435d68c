/**
 * The model card's methods sections (TRIPOD+AI): data source and dates,
 * eligibility, outcome, predictors, missing data, sample size, model
 * building and internal validation.
 */
import { toXgboostParams } from '../engine/index.ts';
import { MISSING } from '../features/index.ts';
import { outcomeFromCode } from '../import/outcome.ts';
import type { Outcome } from '../import/types.ts';
import { code, heading, list, paragraph, table, type Block, type Inline, type Text } from './card-blocks.ts';
import { count, fixed, grouped, NOT_AVAILABLE, publishedRate } from './card-format.ts';
import { predictorRows } from './card-predictors.ts';
import type { CardContext } from './model-card-input.ts';

/** ATTENDED OR DID NOT ATTEND codes in the NHS Data Dictionary's words, in the order the card lists them. */
const CODE_WORDS: readonly [string, string][] = [
  ['5', 'attended on time'],
  ['6', 'arrived late but was seen'],
  ['3', 'did not attend, no advance warning'],
  ['7', 'arrived late and could not be seen'],
  ['2', 'cancelled by the patient'],
  ['4', 'cancelled by the hospital'],
  ['0', 'not yet happened (blank is read the same way)'],
  ['9', 'not known'],
];

/** What each outcome means for the model. */
const OUTCOME_ROLE: Readonly<Record<Outcome, string>> = {
  attended: 'attended: a training and test row',
  dna: 'DNA: a training and test row',
  patient_cancelled: 'not a training row; counts in the patient’s history',
  hospital_cancelled: 'not a training row; counts in the patient’s history',
  upcoming: 'not a training row: what the model scores',
  unknown: 'excluded',
};

const DEFAULT_CODES = ['3', '7'];

/** The codes read as this outcome, e.g. "3 or 7" (joined with `and` or `or`). */
function codesOf(ctx: CardContext, outcome: Outcome, joiner: 'and' | 'or'): string {
  const dna = new Set(ctx.dnaCodes);
  const codes = [...new Set([...CODE_WORDS.map(([c]) => c), ...ctx.dnaCodes])].filter((c) => outcomeFromCode(c, dna) === outcome);
  if (codes.length === 0) return 'none';
  return codes.length === 1 ? codes[0] : `${codes.slice(0, -1).join(', ')} ${joiner} ${codes[codes.length - 1]}`;
}

/** ISO day `days` after an ISO day. */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t)) throw new Error(`addDays: "${iso}" is not a date (yyyy-mm-dd)`);
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/** The days each slice of a temporal split covers; training starts at the dataset's first appointment. */
export function slicePeriods(ctx: CardContext): { train: string; validation: string; test: string } | null {
  const s = ctx.facts.split;
  if (s.kind !== 'temporal') return null;
  const from = ctx.input.dataset.from;
  return {
    train: `${from ?? 'the first appointment'} to ${addDays(s.validationFrom, -1)}`,
    validation: `${s.validationFrom} to ${addDays(s.testFrom, -1)}`,
    test: `${s.testFrom} to ${addDays(s.testFrom, s.testDays - 1)}`,
  };
}

function sourceOfData(ctx: CardContext): Block[] {
  const { dataset } = ctx.input;
  const range = dataset.from && dataset.to ? `from ${dataset.from} to ${dataset.to}` : 'with no appointment dates recorded';
  const blocks: Block[] = [
    heading(2, 'Source of data and dates'),
    paragraph(
      `Training dataset “${dataset.name}”: ${grouped(dataset.appointments)} outpatient appointments of every outcome (including cancellations and upcoming ones) ${range}. `,
      'It was imported from an appointment extract into a workspace on the analyst’s own machine; NHS and local patient numbers were replaced at import by a keyed hash and dates of birth by age.',
    ),
  ];
  const periods = slicePeriods(ctx);
  if (periods) {
    blocks.push(
      list([
        `Training period: ${periods.train}.`,
        `Validation period: ${periods.validation}.`,
        `Test period: ${periods.test}.`,
      ]),
    );
  } else if (ctx.facts.split.kind === 'patient-kfold') {
    blocks.push(paragraph(`Every period was used for both training and testing, in patient-grouped folds (see Internal validation).`));
  }
  return blocks;
}

function eligibility(ctx: CardContext): Block[] {
  return [
    heading(2, 'Eligibility'),
    list([
      `Training and testing use the appointments that were attended (codes ${codesOf(ctx, 'attended', 'and')}) or missed (DNA, codes ${codesOf(ctx, 'dna', 'and')}).`,
      'Cancellations (2 by the patient, 4 by the hospital) are not training rows, but they count in the patient’s history (the prior cancellation features).',
      'Upcoming appointments (code 0 or blank) are not training rows: they are what the model scores.',
      `Appointments with an outcome of ${codesOf(ctx, 'unknown', 'or')} (not known) or one the import could not read are excluded.`,
      'Every appointment sees only the same patient’s appointments strictly before it, so no feature looks at the outcome it predicts or at later ones.',
    ]),
  ];
}

function outcome(ctx: CardContext): Block[] {
  const dna = new Set(ctx.dnaCodes);
  const isDefault = ctx.dnaCodes.length === DEFAULT_CODES.length && DEFAULT_CODES.every((c) => dna.has(c));
  const extra = ctx.dnaCodes.filter((c) => !CODE_WORDS.some(([known]) => known === c));
  const rows: Text[][] = [...CODE_WORDS, ...extra.map((c): [string, string] => [c, 'local code'])].map(([c, words]) => {
    const o = outcomeFromCode(c, dna);
    return [c, words, o === null ? 'excluded' : OUTCOME_ROLE[o]];
  });
  return [
    heading(2, 'Outcome'),
    paragraph(
      `A DNA (did not attend): an appointment whose ATTENDED OR DID NOT ATTEND code is ${codesOf(ctx, 'dna', 'or')}`,
      isDefault ? ', as HES counts DNAs. ' : ', as configured for this model (HES counts 3 and 7). ',
      'Text outcomes in extracts (such as “DNA”, “Was not brought”, “Attended”) are read as the code they stand for. ',
      'The model gives the probability that a booked appointment will be a DNA, after recalibration when one was fitted.',
    ),
    table(['Code', 'Meaning', 'In this model'], rows),
  ];
}

function predictors(ctx: CardContext): Block[] {
  const { pipeline } = ctx.facts;
  const rows = predictorRows(pipeline);
  return [
    heading(2, 'Predictors'),
    paragraph(
      `${grouped(rows.length)} features, written as ${grouped(pipeline.columns.length)} matrix columns. `,
      'Category levels were learned from the training rows only',
      pipeline.fittedOn.before ? ` (appointments before ${pipeline.fittedOn.before}, ${grouped(pipeline.fittedOn.rows)} rows)` : ` (${grouped(pipeline.fittedOn.rows)} rows)`,
      '; values not among them count as other.',
    ),
    table(
      ['Feature', 'Kind', 'Meaning', 'Learned levels'],
      rows.map((r) => [code(r.name), r.kind, r.meaning, r.levels ?? NOT_AVAILABLE]),
    ),
  ];
}

function missingData(ctx: CardContext): Block[] {
  const rows = predictorRows(ctx.facts.pipeline);
  const canBeMissing = rows.filter((r) => r.missingWhen !== null);
  const never = rows.filter((r) => r.missingWhen === null);
  const blocks: Block[] = [
    heading(2, 'Missing data'),
    paragraph(
      `No values are imputed. A missing value is written as ${MISSING} in the model’s matrix (NULL in score.sql), which XGBoost treats as missing: `,
      'at each split it follows the default direction learned in training. Unseen or rare category values are not missing; they count as other.',
    ),
  ];
  if (canBeMissing.length > 0) {
    blocks.push(table(['Feature', 'Missing when'], canBeMissing.map((r) => [code(r.name), r.missingWhen as string])));
  }
  if (never.length > 0) {
    const names: Inline[] = [];
    never.forEach((r, i) => names.push(...(i > 0 ? [', '] : []), code(r.name)));
    blocks.push(paragraph('Never missing: ', ...names, '.'));
  }
  return blocks;
}

function sampleSize(ctx: CardContext): Block[] {
  const { split, holdout, pipeline } = ctx.facts;
  const blocks: Block[] = [heading(2, 'Sample size and events')];
  if (split.kind === 'temporal') {
    const periods = slicePeriods(ctx) as { train: string; validation: string; test: string };
    const events = split.events ?? { train: null, validation: null, test: holdout.events };
    const row = (slice: string, dates: string, n: number, dnas: number | null): Text[] => [
      slice,
      dates,
      count(n),
      dnas === null ? 'not recorded' : count(dnas),
      dnas === null ? NOT_AVAILABLE : publishedRate(dnas, n),
    ];
    blocks.push(
      table(
        ['Slice', 'Dates', 'Appointments', 'DNAs', 'DNA rate'],
        [
          row('Training', periods.train, split.rows.train, events.train),
          row('Validation', periods.validation, split.rows.validation, events.validation),
          row('Test', periods.test, split.rows.test, events.test),
        ],
        [false, false, true, true, true],
      ),
    );
    if (split.events) {
      const perColumn = split.events.train / pipeline.columns.length;
      blocks.push(paragraph(`${count(split.events.train)} training DNAs for ${grouped(pipeline.columns.length)} matrix columns: ${fixed(perColumn, 1)} events per column.`));
    } else {
      blocks.push(paragraph('The journal recorded DNAs for the test slice only.'));
    }
  } else {
    blocks.push(
      table(
        ['Slice', 'Appointments', 'DNAs', 'DNA rate'],
        [[`All ${split.folds} folds`, count(split.rows), count(holdout.events), publishedRate(holdout.events, split.rows)]],
        [false, true, true, true],
      ),
    );
  }
  return blocks;
}

function modelBuilding(ctx: CardContext): Block[] {
  const { facts, input } = ctx;
  const { params, split, calibration } = facts;
  const shown = toXgboostParams(params).filter(([name]) => name !== 'silent' && name !== 'nthread');
  const stopping =
    split.kind === 'temporal'
      ? `${grouped(facts.trees)} of ${grouped(params.trees)} trees kept: the number with the lowest log loss on the validation slice (early stopping).`
      : `${grouped(facts.trees)} trees: k-fold runs train the configured number without early stopping.`;
  let calibrationText: Inline[];
  if (calibration?.method === 'platt') {
    calibrationText = [
      'Platt scaling fitted on the validation slice: ',
      code(`p' = 1 / (1 + exp(-(a + b × logit(p))))`),
      ` with a = ${fixed(calibration.a, 4)} and b = ${fixed(calibration.b, 4)}.`,
    ];
  } else if (calibration?.method === 'isotonic') {
    calibrationText = [`Isotonic regression fitted on the validation slice (${grouped(calibration.x.length)} points, linear between them).`];
  } else {
    calibrationText = [
      split.kind === 'temporal' ? 'None: the bundle hands out the model’s own probabilities.' : 'None: k-fold runs spend every prediction on evaluation.',
    ];
  }
  return [
    heading(2, 'Model building'),
    list([
      ['Engine: ', code(input.run.engineVersion), ' (XGBoost compiled to WebAssembly); model.json is written in XGBoost 1.7’s JSON format.'],
      [`Objective: binary logistic (`, code('binary:logistic'), `), ${params.booster === 'gbtree' ? 'gradient-boosted trees' : 'linear booster'}.`],
      stopping,
      ['Recalibration: ', ...calibrationText],
      'Baselines, evaluated on the same appointments: the patient’s smoothed prior DNA rate used directly as the score, and an L2-regularised logistic regression on the same matrix.',
    ]),
    table(
      ['XGBoost parameter', 'Value'],
      shown.map(([name, value]) => [code(name), value]),
    ),
  ];
}

function internalValidation(ctx: CardContext): Block[] {
  const { split, trees } = ctx.facts;
  const blocks: Block[] = [heading(2, 'Internal validation')];
  if (split.kind === 'temporal') {
    const periods = slicePeriods(ctx) as { train: string; validation: string; test: string };
    blocks.push(
      paragraph(
        `Temporal hold-out. The test slice is the latest ${grouped(split.testDays)} days of appointments with an outcome (${periods.test}); `,
        `the validation slice is the ${grouped(split.validationDays)} days before it (${periods.validation}), used for early stopping and recalibration; `,
        'the model learned from everything earlier. The test slice shaped neither the trees, the category levels nor the recalibration. ',
        'A patient can appear in more than one slice; history features only ever look back.',
      ),
    );
  } else {
    blocks.push(
      paragraph(
        `Patient-grouped ${split.folds}-fold cross-validation (seed ${split.seed}): all of a patient’s appointments fall in one fold, `,
        'and each appointment is predicted by a model that never saw its patient. The figures below are for these out-of-fold predictions. ',
        `The bundled model was then trained on all rows with ${grouped(trees)} trees.`,
      ),
    );
  }
  blocks.push(
    paragraph(
      'Intervals are 95%: DeLong for the AUC, Wald from the logistic recalibration model for the calibration slope and intercept, Wilson for observed DNA rates.',
    ),
  );
  return blocks;
}

/** The methods sections, in TRIPOD+AI order. */
export function methodsSections(ctx: CardContext): Block[] {
  return [
    ...sourceOfData(ctx),
    ...eligibility(ctx),
    ...outcome(ctx),
    ...predictors(ctx),
    ...missingData(ctx),
    ...sampleSize(ctx),
    ...modelBuilding(ctx),
    ...internalValidation(ctx),
  ];
}
