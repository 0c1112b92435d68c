import { OUTCOMES } from '../profile/groups.ts';
import type { AppointmentTable } from './appointment-table.ts';
import { learnCategoryMap, type CategoryMap } from './category-map.ts';
import { featureSpecHash } from './spec-hash.ts';
import type { CategoryColumn, FeatureSpec } from './spec.ts';
import { parseIsoMinute } from './time-codes.ts';
import { validateFeatureSpec } from './validate-spec.ts';

export const PIPELINE_FORMAT = 'attend-feature-pipeline';
export const PIPELINE_VERSION = 1;

/**
 * Everything needed to turn appointments into the same matrix at training and at
 * scoring: the spec plus what was learned from the training rows. Plain JSON.
 */
export interface FeaturePipeline {
  format: typeof PIPELINE_FORMAT;
  version: number;
  spec: FeatureSpec;
  specHash: string;
  /** Learned levels per category feature name. */
  categories: Record<string, CategoryMap>;
  /** Matrix column names, in order. */
  columns: string[];
  /** Where the category levels were learned. */
  fittedOn: { dataset: string; before: string | null; rows: number };
}

/** Columns the subgroup tables always need, whatever the spec. */
export const SUBGROUP_TEXT_COLUMNS: readonly CategoryColumn[] = ['sex', 'ethnic_category', 'specialty', 'medium'];

/** The text columns a spec reads (plus those the subgroup columns need). */
export function textColumnsFor(spec: FeatureSpec): CategoryColumn[] {
  const cols = new Set<CategoryColumn>(SUBGROUP_TEXT_COLUMNS);
  for (const f of spec.features) {
    if (f.kind === 'category') cols.add(f.column);
    if (f.kind === 'attendanceType') cols.add('first_attendance');
    if (f.kind === 'ethnicGroup') cols.add('ethnic_category');
  }
  return [...cols];
}

/** Matrix column names: one per feature, or one per level and "(other)" for one-hot features. */
export function pipelineColumns(spec: FeatureSpec, categories: Record<string, CategoryMap>): string[] {
  return spec.features.flatMap((f) =>
    f.kind === 'category' && f.encoding === 'onehot'
      ? [...categories[f.name].levels.map((l) => `${f.name}=${l}`), `${f.name}=(other)`]
      : [f.name],
  );
}

/** Rows a pipeline may learn from: attended or DNA, before the cut (minutes) when given. */
export function fittingRows(table: AppointmentTable, beforeMinute: number | null): Uint8Array {
  const attended = OUTCOMES.indexOf('attended');
  const dna = OUTCOMES.indexOf('dna');
  const use = new Uint8Array(table.length);
  for (let i = 0; i < table.length; i++) {
    const o = table.outcome[i];
    if ((o === attended || o === dna) && (beforeMinute === null || table.minute[i] < beforeMinute)) use[i] = 1;
  }
  return use;
}

/** Learn a pipeline's category maps from a loaded table's training rows before `before`. */
export function fitPipelineOnTable(
  table: AppointmentTable,
  specValue: FeatureSpec,
  opts: { dataset: string; before?: string },
): FeaturePipeline {
  const spec = validateFeatureSpec(structuredClone(specValue));
  const beforeMinute = opts.before === undefined ? null : parseIsoMinute(opts.before, 'before');
  const use = fittingRows(table, beforeMinute);
  let rows = 0;
  for (let i = 0; i < use.length; i++) rows += use[i];
  if (rows === 0) {
    throw new Error(
      `dataset "${opts.dataset}" has no attended or DNA appointments${opts.before ? ` before ${opts.before}` : ''} to learn the features from`,
    );
  }
  const categories: Record<string, CategoryMap> = {};
  for (const f of spec.features) {
    if (f.kind !== 'category') continue;
    const column = table.text[f.column];
    if (!column) throw new Error(`feature "${f.name}": column ${f.column} was not loaded`);
    categories[f.name] = learnCategoryMap(f, column, use);
  }
  return {
    format: PIPELINE_FORMAT,
    version: PIPELINE_VERSION,
    spec,
    specHash: featureSpecHash(spec),
    categories,
    columns: pipelineColumns(spec, categories),
    fittedOn: { dataset: opts.dataset, before: opts.before ?? null, rows },
  };
}

/** Check a pipeline read from JSON (e.g. a bundle's pipeline.json) and return it typed. */
export function parsePipeline(value: unknown): FeaturePipeline {
  const p = value as Partial<FeaturePipeline> | null;
  if (p === null || typeof p !== 'object') throw new Error('feature pipeline: must be an object');
  if (p.format !== PIPELINE_FORMAT) throw new Error(`feature pipeline: format must be "${PIPELINE_FORMAT}", got ${JSON.stringify(p.format)}`);
  if (p.version !== PIPELINE_VERSION) throw new Error(`feature pipeline: version must be ${PIPELINE_VERSION}, got ${JSON.stringify(p.version)}`);
  const spec = validateFeatureSpec(p.spec);
  const hash = featureSpecHash(spec);
  if (p.specHash !== hash) throw new Error(`feature pipeline: specHash ${JSON.stringify(p.specHash)} does not match the spec (${hash})`);
  const categories = p.categories;
  if (categories === null || typeof categories !== 'object') throw new Error('feature pipeline: categories must be an object');
  for (const f of spec.features) {
    if (f.kind !== 'category') continue;
    const map = categories[f.name];
    if (!map || map.column !== f.column || !Array.isArray(map.levels) || !map.levels.every((l) => typeof l === 'string' && l !== '')) {
      throw new Error(`feature pipeline: categories["${f.name}"] must be { column: "${f.column}", levels: [non-empty strings] }`);
    }
    if (new Set(map.levels).size !== map.levels.length) throw new Error(`feature pipeline: categories["${f.name}"] lists a level twice`);
    if (map.otherShare !== undefined && !(typeof map.otherShare === 'number' && map.otherShare >= 0 && map.otherShare <= 1)) {
      throw new Error(`feature pipeline: categories["${f.name}"].otherShare must be a number from 0 to 1`);
    }
  }
  const columns = pipelineColumns(spec, categories);
  if (JSON.stringify(p.columns) !== JSON.stringify(columns)) {
    throw new Error(`feature pipeline: columns do not match the spec and categories (expected ${columns.join(', ')})`);
  }
  if (!p.fittedOn || typeof p.fittedOn.dataset !== 'string') throw new Error('feature pipeline: fittedOn.dataset must be a string');
  return p as FeaturePipeline;
}
