import type { EvaluationReport, HoldoutMetrics, RunSummary } from './types.ts';

/** What the journal stores as a run's metrics (runs.get / runs.list give it untyped). */
export interface StoredMetrics {
  holdout: HoldoutMetrics;
  baselines: { priorDnaRate: HoldoutMetrics; logistic: HoldoutMetrics } | null;
  /** Full holdout evaluation; older runs may not have it (runs.evaluate rebuilds it). */
  evaluation: EvaluationReport | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isHoldout = (v: unknown): v is HoldoutMetrics => isObject(v) && (typeof v.auc === 'number' || v.auc === null) && typeof v.n === 'number';

/** A run's stored metrics, checked field by field; null when the journal entry has none we can read. */
export function storedMetrics(run: Pick<RunSummary, 'metrics'>): StoredMetrics | null {
  const m = run.metrics;
  if (!isObject(m) || !isHoldout(m.holdout)) return null;
  const b = m.baselines;
  const baselines = isObject(b) && isHoldout(b.priorDnaRate) && isHoldout(b.logistic) ? { priorDnaRate: b.priorDnaRate, logistic: b.logistic } : null;
  const e = m.evaluation;
  const evaluation = isObject(e) && typeof e.n === 'number' && Array.isArray(e.reliability) ? (e as unknown as EvaluationReport) : null;
  return { holdout: m.holdout, baselines, evaluation };
}

/** Booster parameters of a run as the UI shows them. */
export interface RunParams {
  trees: number | null;
  maxDepth: number | null;
  eta: number | null;
}

/** The headline parameters of a run (configured trees, depth, learning rate). */
export function runParams(run: Pick<RunSummary, 'params'>): RunParams {
  const p = isObject(run.params) ? run.params : {};
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return { trees: num(p.trees), maxDepth: num(p.maxDepth), eta: num(p.eta) };
}

/** Calibration method of a run: platt, isotonic or none. */
export function runCalibration(run: Pick<RunSummary, 'calibration'>): string {
  const c = run.calibration;
  if (isObject(c) && typeof c.method === 'string') return c.method;
  return c === null ? 'none' : 'fitted';
}

/** Length of a temporal run's test slice in weeks, or null for k-fold runs. */
export function testWeeks(run: Pick<RunSummary, 'split'>): number | null {
  const s = run.split;
  if (isObject(s) && s.kind === 'temporal' && typeof s.testDays === 'number' && s.testDays > 0) return s.testDays / 7;
  return null;
}

/** First day of a temporal run's test slice, or null. */
export function testFrom(run: Pick<RunSummary, 'split'>): string | null {
  const s = run.split;
  return isObject(s) && typeof s.testFrom === 'string' ? s.testFrom : null;
}

/** Features a run was trained on, from its stored spec. */
export function runFeatures(run: Pick<RunSummary, 'featureSpec'>): string[] {
  const spec = run.featureSpec;
  if (!isObject(spec) || !Array.isArray(spec.features)) return [];
  return spec.features.flatMap((f) => (isObject(f) && typeof f.name === 'string' ? [f.name] : []));
}

/** A short name for a run: its note, else its parameters. */
export function runLabel(run: Pick<RunSummary, 'id' | 'note' | 'params'>): string {
  const note = run.note.trim();
  if (note) return note.length > 60 ? `${note.slice(0, 57)}…` : note;
  const p = runParams(run);
  return `depth ${p.maxDepth ?? '?'}, eta ${p.eta ?? '?'}, ${p.trees ?? '?'} trees`;
}
