import {
  CATEGORY_COLUMNS,
  FEATURE_SPEC_VERSION,
  HISTORY_STATS,
  NUMBER_COLUMNS,
  type FeatureDef,
  type FeatureSpec,
} from './spec.ts';

type Fields = Record<string, unknown>;

// Which keys each kind accepts: an unknown key is most often a typo that would
// otherwise be silently ignored and change the model without anyone noticing.
export const KEYS: Record<FeatureDef['kind'], readonly string[]> = {
  history: ['stat', 'prior', 'strength', 'windowDays'],
  leadTime: [],
  calendar: ['part'],
  attendanceType: ['part'],
  category: ['column', 'minCount', 'maxLevels', 'encoding'],
  number: ['column', 'min', 'max'],
  ageBand: [],
  ethnicGroup: [],
};

export const NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

function show(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}

/** Checks one feature, throwing with `where` (e.g. features[3] "clinic") in the message. */
function checkFeature(f: Fields, where: string): void {
  const fail = (msg: string): never => {
    throw new Error(`feature spec: ${where}: ${msg}`);
  };
  const oneOf = (key: string, allowed: readonly string[], optional = false): void => {
    const v = f[key];
    if (optional && v === undefined) return;
    if (typeof v !== 'string' || !allowed.includes(v)) fail(`${key} must be one of ${allowed.join(', ')}, got ${show(v)}`);
  };
  const num = (key: string, test: (n: number) => boolean, what: string, optional = false): void => {
    const v = f[key];
    if (optional && v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || !test(v)) fail(`${key} must be ${what}, got ${show(v)}`);
  };

  const kind = f.kind as FeatureDef['kind'];
  if (typeof f.kind !== 'string' || !(f.kind in KEYS)) fail(`kind must be one of ${Object.keys(KEYS).join(', ')}, got ${show(f.kind)}`);
  for (const key of Object.keys(f)) {
    if (key !== 'name' && key !== 'kind' && !KEYS[kind].includes(key)) {
      fail(`unknown option "${key}" for kind ${kind}; allowed: ${KEYS[kind].join(', ') || 'none'}`);
    }
  }
  switch (kind) {
    case 'history': {
      oneOf('stat', HISTORY_STATS);
      const stat = f.stat;
      const needs: Record<string, readonly string[]> = { smoothedDnaRate: ['prior', 'strength'], recentAppointments: ['windowDays'] };
      for (const key of ['prior', 'strength', 'windowDays']) {
        if (f[key] !== undefined && !(needs[stat as string] ?? []).includes(key)) fail(`${key} does not apply to stat ${stat}`);
      }
      if (stat === 'smoothedDnaRate') {
        num('prior', (n) => n >= 0 && n <= 1, 'a number from 0 to 1');
        num('strength', (n) => n > 0, 'a number above 0');
      }
      if (stat === 'recentAppointments') num('windowDays', (n) => Number.isInteger(n) && n >= 1 && n <= 36500, 'a whole number of days from 1 to 36500');
      break;
    }
    case 'calendar':
      oneOf('part', ['weekday', 'hour', 'month']);
      break;
    case 'attendanceType':
      oneOf('part', ['followUp', 'remote']);
      break;
    case 'category':
      oneOf('column', CATEGORY_COLUMNS);
      num('minCount', (n) => Number.isInteger(n) && n >= 0, 'a whole number >= 0');
      num('maxLevels', (n) => Number.isInteger(n) && n >= 1 && n <= 1000, 'a whole number from 1 to 1000');
      oneOf('encoding', ['ordinal', 'onehot'], true);
      break;
    case 'number':
      oneOf('column', NUMBER_COLUMNS);
      // Values below 0 could collide with the missing marker -1.
      num('min', (n) => n >= 0, 'a number >= 0');
      num('max', (n) => n >= (f.min as number), `a number >= min (${show(f.min)})`);
      break;
    case 'leadTime':
    case 'ageBand':
    case 'ethnicGroup':
      break;
  }
}

/** Checks that `value` is a well-formed feature spec and returns it typed; errors name the feature. */
export function validateFeatureSpec(value: unknown): FeatureSpec {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('feature spec: must be an object { version, features }');
  }
  const spec = value as Fields;
  if (spec.version !== FEATURE_SPEC_VERSION) {
    throw new Error(`feature spec: version must be ${FEATURE_SPEC_VERSION}, got ${show(spec.version)}`);
  }
  for (const key of Object.keys(spec)) {
    if (key !== 'version' && key !== 'features') throw new Error(`feature spec: unknown key "${key}"; allowed: version, features`);
  }
  if (!Array.isArray(spec.features) || spec.features.length === 0) {
    throw new Error('feature spec: features must be a non-empty list');
  }
  const seen = new Set<string>();
  spec.features.forEach((f: unknown, i: number) => {
    if (f === null || typeof f !== 'object' || Array.isArray(f)) throw new Error(`feature spec: features[${i}] must be an object`);
    const name = (f as Fields).name;
    if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
      throw new Error(
        `feature spec: features[${i}]: name must be lower case letters, digits and _ starting with a letter (at most 64), got ${show(name)}`,
      );
    }
    if (seen.has(name)) throw new Error(`feature spec: features[${i}] "${name}": name is used twice`);
    seen.add(name);
    checkFeature(f as Fields, `features[${i}] "${name}"`);
  });
  return value as FeatureSpec;
}
