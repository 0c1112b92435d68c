import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixed, count, grouped, percent, percentagePoints, publishedRate } from '../../core/bundle/card-format.ts';
import { markdownText } from '../../core/bundle/card-markdown.ts';
import { modelCardHtml, modelCardMarkdown, type ModelCardInput } from '../../core/bundle/model-card.ts';
import type { EvaluationReport, SubgroupRow } from '../../core/evaluate/index.ts';
import { featureSpecHash, parsePipeline, pipelineColumns, selectFeatures, type FeaturePipeline } from '../../core/features/index.ts';
import { getRun, type RunRecord } from '../../core/journal/index.ts';
import { listDatasets } from '../../core/profile/index.ts';
import { trainRun } from '../../core/train/index.ts';
import type { HoldoutMetrics } from '../../core/train/holdout-metrics.ts';
import { trainedBundle, type TrainedBundle } from './helpers/trained-bundle.ts';

const SIGNER = `sha256:${'ab'.repeat(32)}`;
const SECTIONS = [
  'Identifiers',
  'Intended use and users',
  'Source of data and dates',
  'Eligibility',
  'Outcome',
  'Predictors',
  'Missing data',
  'Sample size and events',
  'Model building',
  'Internal validation',
  'Discrimination',
  'Calibration',
  'Subgroups',
  'Limitations',
  'How to use',
  'Recalibrating locally',
];

let b: TrainedBundle;
let run: RunRecord;
let kfoldRun: RunRecord;
let input: ModelCardInput;
let md: string;
let html: string;

interface Metrics {
  holdout: HoldoutMetrics;
  uncalibrated: HoldoutMetrics;
  baselines: { priorDnaRate: HoldoutMetrics; logistic: HoldoutMetrics };
  evaluation: EvaluationReport;
}
const metricsOf = (r: RunRecord) => r.metrics as Metrics;

/** The same run with its metrics (or any part) replaced: the card is a pure function of its input. */
function withRun(patch: Partial<RunRecord>): ModelCardInput {
  return { ...input, run: { ...run, ...patch } };
}

function withSubgroups(rows: SubgroupRow[]): ModelCardInput {
  const m = structuredClone(metricsOf(run));
  m.evaluation.subgroups = rows;
  return withRun({ metrics: m });
}

/** The h2 headings of a Markdown document, in order. */
const h2s = (text: string) => [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
/** The table row of a Markdown document whose first cells are these. */
const rowStarting = (text: string, ...cells: string[]) => text.split('\n').find((l) => l.startsWith(`| ${cells.join(' | ')} |`));
const ci = (m: { auc: number | null; aucCi: [number, number] | null }) =>
  `${(m.auc as number).toFixed(3)} [${(m.aucCi as [number, number])[0].toFixed(3)}, ${(m.aucCi as [number, number])[1].toFixed(3)}]`;

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
  md = modelCardMarkdown(input);
  html = modelCardHtml(input);
  const kfold = await trainRun(b.ws, 'demo', { params: { trees: 15, maxDepth: 3 }, split: { kind: 'patient-kfold', folds: 3, seed: 5 } });
  kfoldRun = await getRun(b.ws.db, kfold.runId);
}, 180_000);
afterAll(async () => b?.ws.close());

describe('model card number formats', () => {
  it('writes decimals, intervals, percentages and suppressed counts one way', () => {
    expect(fixed(-0.00004, 3)).toBe('0.000');
    expect(fixed(0.68222, 3)).toBe('0.682');
    expect(fixed(null, 3)).toBe('—');
    expect(percent(0.069444)).toBe('6.9%');
    expect(percentagePoints(0.0393)).toBe('+3.9 pp');
    expect(percentagePoints(-0.00094)).toBe('-0.1 pp');
    expect(percentagePoints(0.0004)).toBe('0.0 pp');
    expect(grouped(1234567)).toBe('1,234,567');
    expect(count(7)).toBe('<10');
    expect(count(0)).toBe('0');
    expect(count(10)).toBe('10');
    expect(count('<10')).toBe('<10');
    expect(publishedRate(4, 150)).toBe('suppressed');
    expect(publishedRate(145, 150)).toBe('suppressed');
    expect(publishedRate(15, 150)).toBe('10.0%');
    expect(publishedRate(0, 0)).toBe('—');
  });
  it('makes text from the data inert in Markdown', () => {
    expect(markdownText('<script>x</script> & <10 a_b _c_ *d* [e](f) |g|\nh')).toBe(
      '&lt;script>x&lt;/script> & <10 a_b \\_c\\_ \\*d\\* [e\\](f) \\|g\\| h',
    );
  });
});

describe('model card of a real run', () => {
  it('has the TRIPOD+AI sections in order, in Markdown and in HTML', () => {
    expect(md.startsWith('# Model card: Attend DNA model (demo) 1.2.0\n')).toBe(true);
    expect(h2s(md)).toEqual(SECTIONS);
    expect([...html.matchAll(/<h2>(.+?)<\/h2>/g)].map((m) => m[1])).toEqual(SECTIONS);
  });

  it('gives the identifiers of the bundle, run and training data', () => {
    expect(rowStarting(md, 'Run')).toBe(`| Run | \`${run.id}\` |`);
    expect(rowStarting(md, 'Feature spec hash (SHA-256)')).toBe(`| Feature spec hash (SHA-256) | \`${run.featureSpecHash}\` |`);
    expect(rowStarting(md, 'Training-data fingerprint')).toBe(`| Training-data fingerprint | \`${run.datasetFingerprint}\` |`);
    expect(rowStarting(md, 'Signer key fingerprint')).toBe(`| Signer key fingerprint | \`${SIGNER}\` |`);
    expect(rowStarting(md, 'Created')).toBe('| Created | 2026-01-05T10:00:00.000Z |');
    const unsigned = modelCardMarkdown({ ...input, bundle: { ...input.bundle, signerFingerprint: null } });
    expect(rowStarting(unsigned, 'Signer key fingerprint')).toBe('| Signer key fingerprint | unsigned |');
  });

  it('reports discrimination beside both baselines with DeLong intervals', () => {
    const m = metricsOf(run);
    expect(m.holdout.auc).not.toBeNull();
    expect(rowStarting(md, 'AUC [95% CI]')).toBe(
      `| AUC [95% CI] | ${ci(m.holdout)} | ${ci(m.uncalibrated)} | ${ci(m.baselines.priorDnaRate)} | ${ci(m.baselines.logistic)} |`,
    );
    expect(rowStarting(md, 'Average precision')).toBe(`| Average precision | ${(m.evaluation.averagePrecision as number).toFixed(3)} | — | — | — |`);
    const e = m.evaluation;
    expect(md).toContain(`Evaluated on the test slice: ${e.n.toLocaleString('en-GB')} appointments, ${e.events} DNAs (${((100 * e.events) / e.n).toFixed(1)}%).`);
  });

  it('reports calibration with intervals, in-the-large, ECE and Brier', () => {
    const m = metricsOf(run);
    const e = m.evaluation;
    const [lo, hi] = e.calibrationSlopeCi as [number, number];
    expect(rowStarting(md, 'Calibration slope [95% CI]')).toBe(
      `| Calibration slope [95% CI] | ${(e.calibrationSlope as number).toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}] | — | — | — |`,
    );
    expect(rowStarting(md, 'Expected calibration error')).toBe(`| Expected calibration error | ${e.ece.toFixed(4)} | — | — | — |`);
    expect(rowStarting(md, 'Brier score')).toBe(
      `| Brier score | ${m.holdout.brier.toFixed(4)} | ${m.uncalibrated.brier.toFixed(4)} | ${m.baselines.priorDnaRate.brier.toFixed(4)} | ${m.baselines.logistic.brier.toFixed(4)} |`,
    );
    const citl = (100 * e.calibrationInTheLarge).toFixed(1);
    expect(rowStarting(md, 'Calibration-in-the-large (observed − predicted)')).toBe(
      `| Calibration-in-the-large (observed − predicted) | ${citl.startsWith('-') ? citl : `+${citl}`} pp | — | — | — |`,
    );
  });

  it('gives the slices with their dates and counts', () => {
    const split = run.split as {
      rows: { train: number; validation: number; test: number };
      events: { train: number; validation: number; test: number };
      validationFrom: string;
      testFrom: string;
    };
    const m = metricsOf(run);
    expect(split.validationFrom).toBe('2025-05-03');
    expect(split.testFrom).toBe('2025-08-02');
    expect(md).toContain(`- Training period: ${input.dataset.from} to 2025-05-02.\n- Validation period: 2025-05-03 to 2025-08-01.\n- Test period: 2025-08-02 to 2025-10-31.`);
    // The journal records DNAs per slice; the test slice's equal the holdout metrics' own count.
    expect(split.events.test).toBe(m.holdout.events);
    expect(rowStarting(md, 'Training')).toBe(
      `| Training | ${input.dataset.from} to 2025-05-02 | ${split.rows.train.toLocaleString('en-GB')} | ${split.events.train} | ${((100 * split.events.train) / split.rows.train).toFixed(1)}% |`,
    );
    expect(rowStarting(md, 'Test')).toBe(
      `| Test | 2025-08-02 to 2025-10-31 | ${split.rows.test.toLocaleString('en-GB')} | ${m.holdout.events} | ${((100 * m.holdout.events) / m.holdout.n).toFixed(1)}% |`,
    );
    expect(md).toContain(`Training dataset “demo”: ${input.dataset.appointments.toLocaleString('en-GB')} outpatient appointments`);
  });

  it('describes every predictor, with level counts but no identifier levels', () => {
    const pipeline = parsePipeline(run.pipeline);
    for (const f of pipeline.spec.features) expect(md).toContain(`| \`${f.name}\` |`);
    const clinic = pipeline.categories.clinic.levels;
    expect(clinic.length).toBeGreaterThan(0);
    expect(rowStarting(md, '`clinic`')).toMatch(new RegExp(`\\| ${clinic.length} levels \\+ other \\(local codes, not listed\\) \\|$`));
    for (const level of clinic) expect(md).not.toContain(level);
    expect(rowStarting(md, '`medium`')).toMatch(/\| 3 levels \+ other: face_to_face, telephone, video \|$/);
    expect(md).toContain(`| \`days_since_last_dna\` | the patient has no earlier DNA |`);
    expect(md).toContain('Never missing: `prior_appointments`, `prior_dnas`, `prior_dna_rate`,');
  });

  it('states the model building: engine, trees kept by early stopping, Platt on validation', () => {
    const params = run.params as { trees: number };
    const cal = run.calibration as { a: number; b: number };
    expect(md).toContain(`- ${run.trees} of ${params.trees} trees kept: the number with the lowest log loss on the validation slice (early stopping).`);
    expect(md).toContain(`with a = ${cal.a.toFixed(4)} and b = ${cal.b.toFixed(4)}.`);
    expect(md).toContain('| `max_depth` | 4 |');
    expect(md).toContain('| `eta` | 0.15 |');
    expect(md).toContain(`- Engine: \`${run.engineVersion}\``);
  });

  it('gives the outcome codes: 3 and 7 by default, or the bundle’s own', () => {
    expect(md).toContain('code is 3 or 7, as HES counts DNAs.');
    expect(md).toContain('attended (codes 5 and 6) or missed (DNA, codes 3 and 7).');
    expect(rowStarting(md, '7')).toBe('| 7 | arrived late and could not be seen | DNA: a training and test row |');
    const own = modelCardMarkdown({ ...input, bundle: { ...input.bundle, dnaCodes: ['3'] } });
    expect(own).toContain('code is 3, as configured for this model (HES counts 3 and 7).');
    expect(own).toContain('Appointments with an outcome of 7 or 9 (not known)');
    expect(rowStarting(own, '7')).toBe('| 7 | arrived late and could not be seen | excluded |');
  });

  it('shows the subgroup table from the run as stored', () => {
    const row = metricsOf(run).evaluation.subgroups.find((r) => r.variable === 'sex' && r.group === 'female') as SubgroupRow;
    expect(typeof row.n === 'number' && row.n >= 10 && typeof row.events === 'number' && row.events >= 10).toBe(true);
    const citl = (100 * (row.calibrationInTheLarge as number)).toFixed(1);
    expect(rowStarting(md, 'sex', 'female')).toBe(
      `| sex | female | ${row.n} | ${row.events} | ${(100 * (row.dnaRate as number)).toFixed(1)}% | ${ci(row)} | ${citl.startsWith('-') ? citl : `+${citl}`} pp |`,
    );
    // Stored rows already suppressed stay so; empty groups are left out.
    const hidden = metricsOf(run).evaluation.subgroups.find((r) => r.events === '<10' && r.n !== '<10') as SubgroupRow;
    expect(rowStarting(md, hidden.variable, hidden.group)).toBe(`| ${hidden.variable} | ${hidden.group} | ${hidden.n} | <10 | suppressed | suppressed | suppressed |`);
    expect(metricsOf(run).evaluation.subgroups.some((r) => r.variable === 'sex' && r.group === 'indeterminate' && r.n === 0)).toBe(true);
    expect(rowStarting(md, 'sex', 'indeterminate')).toBeUndefined();
  });

  it('suppresses counts under 10 and hides the rates derived from them', () => {
    const base: SubgroupRow = { variable: 'sex', group: 'female', n: 7, events: 2, dnaRate: 2 / 7, auc: 0.7, aucCi: [0.5, 0.9], calibrationInTheLarge: 0.05 };
    const card = modelCardMarkdown(
      withSubgroups([
        base,
        { ...base, group: 'male', n: 150, events: 4, dnaRate: 4 / 150, calibrationInTheLarge: 0.01 },
        { ...base, group: 'unknown', n: 15, events: 9, dnaRate: 0.6, calibrationInTheLarge: 0.2 },
        { ...base, group: 'indeterminate', n: 0, events: 0, dnaRate: null, auc: null, aucCi: null, calibrationInTheLarge: null },
      ]),
    );
    expect(rowStarting(card, 'sex', 'female')).toBe('| sex | female | <10 | <10 | suppressed | suppressed | suppressed |');
    expect(rowStarting(card, 'sex', 'male')).toBe('| sex | male | 150 | <10 | suppressed | suppressed | suppressed |');
    expect(rowStarting(card, 'sex', 'unknown')).toBe('| sex | unknown | 15 | <10 | suppressed | suppressed | suppressed |');
    expect(rowStarting(card, 'sex', 'indeterminate')).toBeUndefined();
    for (const leaked of ['28.6%', '2.7%', '60.0%', '0.700 [0.500, 0.900]', '+5.0 pp']) expect(card).not.toContain(leaked);
    // Six non-DNAs among 16 would give the DNA count away just as well.
    const nonEvents = modelCardMarkdown(withSubgroups([{ ...base, n: 16, events: 10, dnaRate: 10 / 16 }]));
    expect(rowStarting(nonEvents, 'sex', 'female')).toBe('| sex | female | 16 | 10 | suppressed | suppressed | suppressed |');
  });

  it('suppresses small reliability bins and top-risk counts', () => {
    const m = structuredClone(metricsOf(run));
    m.evaluation.reliability = [{ lower: 0.01, upper: 0.05, n: 120, events: 3, observed: 0.025, observedCi: [0.008, 0.07], predicted: 0.03 }];
    m.evaluation.thresholds.byTopShare = [{ ...m.evaluation.thresholds.byTopShare[0], share: 0.05, flagged: 51, tp: 8, fp: 43, sensitivity: 0.114, ppv: 0.157 }];
    const card = modelCardMarkdown(withRun({ metrics: m }));
    expect(rowStarting(card, '1')).toBe('| 1 | 1.0% to 5.0% | 120 | <10 | 3.0% | suppressed |');
    expect(rowStarting(card, 'Top 5%')).toBe('| Top 5% | 51 | <10 | suppressed | suppressed |');
    expect(card).not.toContain('2.5%');
    expect(card).not.toContain('15.7%');
  });

  it('names sex and ethnicity as predictors only when the spec has them', () => {
    expect(md).toContain('This model uses sex (`sex`) and ethnicity (`ethnic_group`) as predictors because its feature spec includes them.');
    const p = parsePipeline(run.pipeline);
    const spec = selectFeatures(p.spec, p.spec.features.map((f) => f.name).filter((n) => n !== 'sex' && n !== 'ethnic_group'));
    const categories = Object.fromEntries(Object.entries(p.categories).filter(([name]) => name !== 'sex'));
    const pipeline: FeaturePipeline = { ...p, spec, specHash: featureSpecHash(spec), categories, columns: pipelineColumns(spec, categories) };
    const card = modelCardMarkdown(withRun({ pipeline }));
    expect(card).toContain('This model does not use sex or ethnicity as predictors');
    expect(card).not.toContain('| `sex` |');
  });

  it('gives the scoring and recalibration commands', () => {
    expect(md).toContain('```\nnode score.mjs --data extract.csv --out scores.csv\npython3 score.py --data extract.csv --out scores.csv\n');
    expect(md).toContain('create and fill the table `attend_input`');
    expect(md).toContain('attend validate --bundle path/to/bundle --workspace local.sqlite --dataset local --recalibrate platt\n');
    expect(md).toContain('attend validate --bundle path/to/bundle --workspace local.sqlite --dataset local --recalibrate isotonic\n');
  });

  it('describes a patient-grouped k-fold run', () => {
    const card = modelCardMarkdown({ ...input, run: kfoldRun });
    const m = metricsOf(kfoldRun);
    expect(h2s(card)).toEqual(SECTIONS);
    expect(card).toContain('Patient-grouped 3-fold cross-validation (seed 5)');
    expect(card).toContain('Recalibration: None: k-fold runs spend every prediction on evaluation.');
    expect(card).toContain('- 15 trees: k-fold runs train the configured number without early stopping.');
    expect(rowStarting(card, 'All 3 folds')).toBe(
      `| All 3 folds | ${m.holdout.n.toLocaleString('en-GB')} | ${m.holdout.events} | ${((100 * m.holdout.events) / m.holdout.n).toFixed(1)}% |`,
    );
    expect(card).toContain('Evaluated on the out-of-fold predictions:');
    expect(card).not.toContain('Before recalibration');
  });

  it('holds no patient-level data', () => {
    const ids = [...b.appScores.keys()];
    expect(ids.length).toBeGreaterThan(1000);
    for (const id of ids.filter((_, i) => i % 97 === 0)) {
      expect(md).not.toContain(id);
      expect(html).not.toContain(id);
    }
    expect(md).not.toMatch(/APT\d{8}/);
    expect(html).not.toMatch(/APT\d{8}/);
  });

  it('refuses a run without the stored evaluation, naming the run and field', () => {
    const m = structuredClone(metricsOf(run)) as Partial<Metrics>;
    delete m.evaluation;
    expect(() => modelCardMarkdown(withRun({ metrics: m }))).toThrow(`run '${run.id}': metrics.evaluation is missing`);
    expect(() => modelCardMarkdown(withRun({ split: { ...(run.split as object), testFrom: '02/08/2025' } }))).toThrow(
      `run '${run.id}': split.testFrom must be a date (yyyy-mm-dd), got "02/08/2025"`,
    );
  });
});

describe('model card HTML', () => {
  it('is one self-contained page: CSP, inline CSS, no scripts, nothing loaded', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\b(src|href|srcset|action)=/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|form|base)\b/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).toContain('<td class="num">&lt;10</td>');
  });

  it('escapes every value from the data', () => {
    const hostile = withRun({ note: 'check <script>alert("x")</script> & more' });
    hostile.dataset = { ...hostile.dataset, name: '<img src=x onerror=alert(1)>' };
    hostile.bundle = { ...hostile.bundle, name: 'Model "A" <b>' };
    const page = modelCardHtml(hostile);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).not.toContain('<b>');
    expect(page).toContain('<td>check &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</td>');
    expect(page).toContain('<title>Model card: Model &quot;A&quot; &lt;b&gt; 1.2.0</title>');
    expect(page).toContain('Training dataset “&lt;img src=x onerror=alert(1)&gt;”: ');
    const card = modelCardMarkdown(hostile);
    expect(card).not.toMatch(/<script|<img|<b>/i);
    expect(card).toContain('| Analyst’s note | check &lt;script>alert("x")&lt;/script> & more |');
  });
});
