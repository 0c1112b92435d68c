/**
 * Training parameters of the gradient-boosting engine, their defaults for DNA
 * data (roughly 7-10% positives) and their translation to XGBoost 0.72 names.
 */

/** How trees grow: level by level, or best-loss leaf first (needs maxLeaves or maxDepth). */
export type GrowPolicy = 'depthwise' | 'lossguide';

/** gbtree: boosted trees (the model); gblinear: the logistic-regression baseline. */
export type BoosterKind = 'gbtree' | 'gblinear';

/** Every training parameter; each field names the XGBoost parameter it sets. */
export interface BoosterParams {
  /** gbtree or gblinear (`booster`). Default gbtree. */
  booster: BoosterKind;
  /** Boosting rounds, one tree each for gbtree. Default 300. */
  trees: number;
  /** `max_depth`; 0 means unlimited and is only allowed with lossguide. Default 5. */
  maxDepth: number;
  /** Learning rate (`eta`). Default 0.05. */
  eta: number;
  /** `min_child_weight`: minimum hessian sum in a leaf. Default 5. */
  minChildWeight: number;
  /** `gamma`: minimum loss reduction to split. Default 0. */
  gamma: number;
  /** `subsample`: share of rows per tree. Default 0.8. */
  subsample: number;
  /** `colsample_bytree`: share of features per tree. Default 0.8. */
  colsampleBytree: number;
  /** L2 regularisation (`lambda`). Default 1. */
  lambda: number;
  /** L1 regularisation (`alpha`). Default 0. */
  alpha: number;
  /** `scale_pos_weight`; 1 keeps probabilities calibrated. Default 1. */
  scalePosWeight: number;
  /** Histogram bins per feature (`max_bin`). Default 256. */
  maxBin: number;
  /** `grow_policy`. Default depthwise. */
  growPolicy: GrowPolicy;
  /** `max_leaves`; 0 means no limit. Default 0. */
  maxLeaves: number;
  /**
   * Per feature -1 (decreasing), 0 (free) or 1 (increasing) (`monotone_constraints`); empty means none.
   * This engine build's hist updater ignores them (measured), so non-zero entries are refused.
   */
  monotoneConstraints: number[];
  /** Random seed (`seed`). Default 42. */
  seed: number;
  /** Initial prediction on the probability scale (`base_score`). Default 0.5, XGBoost's own. */
  baseScore: number;
}

/** Defaults chosen for DNA data: shallow, slow-learning trees with row and column sampling. */
export const DEFAULT_BOOSTER_PARAMS: Readonly<BoosterParams> = Object.freeze({
  booster: 'gbtree',
  trees: 300,
  maxDepth: 5,
  eta: 0.05,
  minChildWeight: 5,
  gamma: 0,
  subsample: 0.8,
  colsampleBytree: 0.8,
  lambda: 1,
  alpha: 0,
  scalePosWeight: 1,
  maxBin: 256,
  growPolicy: 'depthwise',
  maxLeaves: 0,
  monotoneConstraints: [],
  seed: 42,
  baseScore: 0.5,
});

const MAX_TREES = 10_000;
const MAX_DEPTH = 16;

function fail(name: keyof BoosterParams | string, rule: string, value: unknown): never {
  throw new Error(`Parameter ${name} ${rule}, got ${JSON.stringify(value)}`);
}

function checkNumber(name: keyof BoosterParams, value: unknown, min: number, max: number, opts: { integer?: boolean; openMin?: boolean; openMax?: boolean } = {}): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(name, 'must be a finite number', value);
  if (opts.integer && !Number.isInteger(value)) fail(name, 'must be a whole number', value);
  const low = opts.openMin ? value <= min : value < min;
  const high = opts.openMax ? value >= max : value > max;
  if (low || high) {
    const range = `${opts.openMin ? '(' : '['}${min}, ${max === Infinity ? '∞' : max}${opts.openMax ? ')' : ']'}`;
    fail(name, `must be in ${range}`, value);
  }
}

/** Fills defaults, then checks every parameter; throws an Error naming the first bad one. */
export function resolveBoosterParams(partial: Partial<BoosterParams> = {}): BoosterParams {
  const known = new Set(Object.keys(DEFAULT_BOOSTER_PARAMS));
  for (const key of Object.keys(partial)) {
    if (!known.has(key)) throw new Error(`Unknown parameter ${key} (known: ${[...known].join(', ')})`);
  }
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  const p: BoosterParams = { ...DEFAULT_BOOSTER_PARAMS, monotoneConstraints: [], ...defined };

  if (p.booster !== 'gbtree' && p.booster !== 'gblinear') fail('booster', 'must be "gbtree" or "gblinear"', p.booster);
  checkNumber('trees', p.trees, 1, MAX_TREES, { integer: true });
  checkNumber('maxDepth', p.maxDepth, 0, MAX_DEPTH, { integer: true });
  checkNumber('eta', p.eta, 0, 1, { openMin: true });
  checkNumber('minChildWeight', p.minChildWeight, 0, Infinity);
  checkNumber('gamma', p.gamma, 0, Infinity);
  checkNumber('subsample', p.subsample, 0, 1, { openMin: true });
  checkNumber('colsampleBytree', p.colsampleBytree, 0, 1, { openMin: true });
  checkNumber('lambda', p.lambda, 0, Infinity);
  checkNumber('alpha', p.alpha, 0, Infinity);
  checkNumber('scalePosWeight', p.scalePosWeight, 0, Infinity, { openMin: true });
  checkNumber('maxBin', p.maxBin, 2, 65_535, { integer: true });
  if (p.growPolicy !== 'depthwise' && p.growPolicy !== 'lossguide') fail('growPolicy', 'must be "depthwise" or "lossguide"', p.growPolicy);
  checkNumber('maxLeaves', p.maxLeaves, 0, 1 << 20, { integer: true });
  checkNumber('seed', p.seed, 0, 2 ** 31 - 1, { integer: true });
  checkNumber('baseScore', p.baseScore, 0, 1, { openMin: true, openMax: true });
  if (!Array.isArray(p.monotoneConstraints)) fail('monotoneConstraints', 'must be an array of -1, 0 or 1', p.monotoneConstraints);
  p.monotoneConstraints.forEach((c, i) => {
    if (c !== -1 && c !== 0 && c !== 1) fail(`monotoneConstraints[${i}]`, 'must be -1, 0 or 1', c);
  });
  if (p.monotoneConstraints.some((c) => c !== 0)) {
    fail('monotoneConstraints', 'is not supported by this engine build (its hist updater ignores monotone constraints); leave it empty', p.monotoneConstraints);
  }
  if (p.booster === 'gbtree') {
    if (p.maxDepth === 0 && p.growPolicy === 'depthwise') fail('maxDepth', 'must be at least 1 with growPolicy "depthwise" (0 means unlimited, lossguide only)', p.maxDepth);
    if (p.maxDepth === 0 && p.maxLeaves === 0) fail('maxLeaves', 'must be set when maxDepth is 0, or trees grow without bound', p.maxLeaves);
  }
  return p;
}

/** The XGBoost 0.72 name=value pairs for resolved parameters, in a fixed order. */
export function toXgboostParams(p: BoosterParams): [string, string][] {
  const common: [string, string][] = [
    ['silent', '1'],
    ['nthread', '1'],
    ['objective', 'binary:logistic'],
    ['booster', p.booster],
    ['seed', String(p.seed)],
    ['base_score', String(p.baseScore)],
    ['eta', String(p.eta)],
    ['lambda', String(p.lambda)],
    ['alpha', String(p.alpha)],
    ['scale_pos_weight', String(p.scalePosWeight)],
  ];
  if (p.booster === 'gblinear') return common;
  const tree: [string, string][] = [
    ['tree_method', 'hist'],
    ['max_depth', String(p.maxDepth)],
    ['min_child_weight', String(p.minChildWeight)],
    ['gamma', String(p.gamma)],
    ['subsample', String(p.subsample)],
    ['colsample_bytree', String(p.colsampleBytree)],
    ['max_bin', String(p.maxBin)],
    ['grow_policy', p.growPolicy],
    ['max_leaves', String(p.maxLeaves)],
  ];
  if (p.monotoneConstraints.some((c) => c !== 0)) tree.push(['monotone_constraints', `(${p.monotoneConstraints.join(',')})`]);
  return [...common, ...tree];
}
