import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOSTER_PARAMS, resolveBoosterParams, toXgboostParams } from '../../core/engine/index.ts';

describe('resolveBoosterParams', () => {
  it('fills the documented DNA defaults', () => {
    expect(resolveBoosterParams()).toEqual({
      booster: 'gbtree', trees: 300, maxDepth: 5, eta: 0.05, minChildWeight: 5, gamma: 0, subsample: 0.8, colsampleBytree: 0.8,
      lambda: 1, alpha: 0, scalePosWeight: 1, maxBin: 256, growPolicy: 'depthwise', maxLeaves: 0, monotoneConstraints: [], seed: 42, baseScore: 0.5,
    });
  });

  it('keeps given values and ignores undefined ones', () => {
    const p = resolveBoosterParams({ trees: 10, eta: undefined, growPolicy: 'lossguide', maxLeaves: 31 });
    expect([p.trees, p.eta, p.growPolicy, p.maxLeaves]).toEqual([10, 0.05, 'lossguide', 31]);
  });

  it.each([
    [{ trees: 0 }, 'Parameter trees must be in [1, 10000], got 0'],
    [{ trees: 2.5 }, 'Parameter trees must be a whole number, got 2.5'],
    [{ eta: 0 }, 'Parameter eta must be in (0, 1], got 0'],
    [{ eta: Number.NaN }, 'Parameter eta must be a finite number, got null'],
    [{ subsample: 1.5 }, 'Parameter subsample must be in (0, 1], got 1.5'],
    [{ maxDepth: 0 }, 'Parameter maxDepth must be at least 1 with growPolicy "depthwise"'],
    [{ maxDepth: 0, growPolicy: 'lossguide' }, 'Parameter maxLeaves must be set when maxDepth is 0'],
    [{ growPolicy: 'leafwise' }, 'Parameter growPolicy must be "depthwise" or "lossguide", got "leafwise"'],
    [{ booster: 'dart' }, 'Parameter booster must be "gbtree" or "gblinear", got "dart"'],
    [{ monotoneConstraints: [0, 2] }, 'Parameter monotoneConstraints[1] must be -1, 0 or 1, got 2'],
    [{ monotoneConstraints: [1, 0, -1] }, 'Parameter monotoneConstraints is not supported by this engine build (its hist updater ignores monotone constraints); leave it empty, got [1,0,-1]'],
    [{ scalePosWeight: 0 }, 'Parameter scalePosWeight must be in (0, ∞], got 0'],
    [{ baseScore: 1 }, 'Parameter baseScore must be in (0, 1), got 1'],
    [{ max_depth: 3 }, 'Unknown parameter max_depth'],
  ])('refuses %j', (params, message) => {
    expect(() => resolveBoosterParams(params as never)).toThrow(message);
  });

  it('does not let callers mutate the defaults', () => {
    const p = resolveBoosterParams();
    p.monotoneConstraints.push(0);
    expect(DEFAULT_BOOSTER_PARAMS.monotoneConstraints).toEqual([]);
  });
});

describe('toXgboostParams', () => {
  it('translates trees parameters to XGBoost 0.72 names with hist and binary:logistic', () => {
    const pairs = toXgboostParams(resolveBoosterParams({ monotoneConstraints: [0, 0, 0] }));
    expect(Object.fromEntries(pairs)).toEqual({
      silent: '1', nthread: '1', objective: 'binary:logistic', booster: 'gbtree', seed: '42', base_score: '0.5', eta: '0.05',
      lambda: '1', alpha: '0', scale_pos_weight: '1', tree_method: 'hist', max_depth: '5', min_child_weight: '5', gamma: '0',
      subsample: '0.8', colsample_bytree: '0.8', max_bin: '256', grow_policy: 'depthwise', max_leaves: '0',
    });
  });

  it('sends only linear parameters for gblinear', () => {
    const names = toXgboostParams(resolveBoosterParams({ booster: 'gblinear' })).map(([n]) => n);
    expect(names).toEqual(['silent', 'nthread', 'objective', 'booster', 'seed', 'base_score', 'eta', 'lambda', 'alpha', 'scale_pos_weight']);
  });
});
