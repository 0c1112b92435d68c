/**
 * The model card's results sections: discrimination and calibration beside
 * both baselines, flagging the highest risks, and the subgroup table, with
 * every count under 10 suppressed and the figures derived from it hidden.
 */
import type { SubgroupRow } from '../evaluate/index.ts';
import type { HoldoutMetrics } from '../train/holdout-metrics.ts';
import { heading, paragraph, table, type Block, type Text } from './card-blocks.ts';
import { count, countHidden, fixed, HIDDEN, NOT_AVAILABLE, percent, percentagePoints, publishedRate, withInterval } from './card-format.ts';
import type { CardContext } from './model-card-input.ts';

interface Column {
  name: string;
  metrics: HoldoutMetrics;
  /** The full evaluation exists only for the bundled model's probabilities. */
  full: boolean;
}

function columns(ctx: CardContext): Column[] {
  const { facts } = ctx;
  const cols: Column[] = [{ name: 'This model', metrics: facts.holdout, full: true }];
  if (facts.calibration !== null && facts.uncalibrated !== null) cols.push({ name: 'Before recalibration', metrics: facts.uncalibrated, full: false });
  cols.push({ name: 'Baseline: prior DNA rate', metrics: facts.baselines.priorDnaRate, full: false });
  cols.push({ name: 'Baseline: logistic regression', metrics: facts.baselines.logistic, full: false });
  return cols;
}

function measureTable(cols: Column[], rows: [string, (c: Column) => string][]): Block {
  return table(
    ['Measure', ...cols.map((c) => c.name)],
    rows.map(([label, value]) => [label, ...cols.map(value)]),
    [false, ...cols.map(() => true)],
  );
}

function evaluatedOn(ctx: CardContext): string {
  const e = ctx.facts.evaluation;
  const where = ctx.facts.split.kind === 'temporal' ? 'test slice' : 'out-of-fold predictions';
  return `Evaluated on the ${where}: ${count(e.n)} appointments, ${count(e.events)} DNAs (${publishedRate(e.events, e.n)}).`;
}

function discrimination(ctx: CardContext): Block[] {
  const e = ctx.facts.evaluation;
  const cols = columns(ctx);
  const topShares = e.thresholds.byTopShare.map((r): Text[] => {
    const hidden = countHidden(r.tp) || countHidden(r.flagged) || countHidden(r.flagged - r.tp);
    return [
      `Top ${fixed(r.share * 100, 0)}%`,
      count(r.flagged),
      count(r.tp),
      hidden ? HIDDEN : percent(r.sensitivity),
      hidden ? HIDDEN : percent(r.ppv),
    ];
  });
  return [
    heading(2, 'Discrimination'),
    paragraph(evaluatedOn(ctx)),
    measureTable(cols, [
      ['AUC [95% CI]', (c) => withInterval(c.metrics.auc, c.metrics.aucCi, 3)],
      ['Average precision', (c) => (c.full ? fixed(e.averagePrecision, 3) : NOT_AVAILABLE)],
    ]),
    paragraph(
      `Average precision is to be read against the DNA rate of ${publishedRate(e.events, e.n)}, which is what it would be for a random order. `,
      'An AUC of 0.5 is chance; the baselines show what simpler scores achieve on the same appointments.',
    ),
    heading(3, 'Flagging the highest risks'),
    table(['Appointments flagged', 'Flagged', 'DNAs among them', 'Share of all DNAs', 'DNA rate among flagged'], topShares, [false, true, true, true, true]),
  ];
}

function calibrationSection(ctx: CardContext): Block[] {
  const e = ctx.facts.evaluation;
  const cols = columns(ctx);
  const bins = e.reliability.map((b, i): Text[] => {
    const hidden = countHidden(b.n) || countHidden(b.events) || countHidden(b.n - b.events);
    return [
      String(i + 1),
      `${percent(b.lower)} to ${percent(b.upper)}`,
      count(b.n),
      count(b.events),
      percent(b.predicted),
      hidden ? HIDDEN : `${percent(b.observed)} [${percent(b.observedCi[0])}, ${percent(b.observedCi[1])}]`,
    ];
  });
  const citl = e.calibrationInTheLargeIntercept;
  return [
    heading(2, 'Calibration'),
    paragraph(evaluatedOn(ctx)),
    measureTable(cols, [
      ['Calibration slope [95% CI]', (c) => (c.full ? withInterval(e.calibrationSlope, e.calibrationSlopeCi, 3) : NOT_AVAILABLE)],
      ['Calibration intercept [95% CI]', (c) => (c.full ? withInterval(e.calibrationIntercept, e.calibrationInterceptCi, 3) : NOT_AVAILABLE)],
      ['Calibration-in-the-large (observed − predicted)', (c) => (c.full ? percentagePoints(e.calibrationInTheLarge) : NOT_AVAILABLE)],
      ['Expected calibration error', (c) => (c.full ? fixed(e.ece, 4) : NOT_AVAILABLE)],
      ['Brier score', (c) => fixed(c.metrics.brier, 4)],
      ['Log loss', (c) => fixed(c.metrics.logloss, 4)],
    ]),
    paragraph(
      'A slope of 1 and an intercept of 0 mean predicted risks neither too extreme nor too timid; a slope below 1 means too extreme. ',
      citl
        ? `Calibration-in-the-large as a logistic intercept with the slope fixed at 1: ${withInterval(citl.value, citl.ci, 3)}. `
        : '',
      'The baselines’ calibration was not measured (—).',
    ),
    heading(3, 'Reliability'),
    table(['Bin', 'Predicted range', 'Appointments', 'DNAs', 'Mean predicted', 'Observed DNA rate [95% CI]'], bins, [false, false, true, true, true, true]),
  ];
}

function subgroupCells(r: SubgroupRow): Text[] {
  const nonEvents = typeof r.n === 'number' && typeof r.events === 'number' ? r.n - r.events : 0;
  const hidden = countHidden(r.n) || countHidden(r.events) || countHidden(nonEvents);
  return [
    r.variable,
    r.group,
    count(r.n),
    count(r.events),
    hidden ? HIDDEN : r.dnaRate === null ? NOT_AVAILABLE : percent(r.dnaRate),
    hidden ? HIDDEN : withInterval(r.auc, r.aucCi, 3),
    hidden ? HIDDEN : percentagePoints(r.calibrationInTheLarge),
  ];
}

function subgroups(ctx: CardContext): Block[] {
  const shown = ctx.facts.evaluation.subgroups.filter((r) => r.n !== 0);
  return [
    heading(2, 'Subgroups'),
    paragraph(
      `${evaluatedOn(ctx)} Groups by age band, sex, ethnic group, deprivation quintile (1 most deprived), specialty and consultation medium; groups with no appointments are left out. `,
      `Counts under 10 are shown as <10 and the DNA rate, AUC and calibration of such a group are ${HIDDEN}; an AUC needs DNAs and attendances in the group (— otherwise). `,
      'Calibration-in-the-large is the observed minus the mean predicted DNA rate, in percentage points.',
    ),
    table(
      ['Variable', 'Group', 'Appointments', 'DNAs', 'DNA rate', 'AUC [95% CI]', 'Calibration-in-the-large'],
      shown.map(subgroupCells),
      [false, false, true, true, true, true, true],
    ),
  ];
}

/** The results sections: discrimination, calibration and subgroups. */
export function resultsSections(ctx: CardContext): Block[] {
  return [...discrimination(ctx), ...calibrationSection(ctx), ...subgroups(ctx)];
}
