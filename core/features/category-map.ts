import type { TextColumn } from './appointment-table.ts';
import type { CategoryColumn, CategoryFeature } from './spec.ts';

/**
 * Levels of a category feature learned from the fitting rows, most frequent first
 * (ties by value): level i is code i, and code levels.length is "other" for values
 * that were rare at fit time or never seen. Blank values are missing (-1).
 */
export interface CategoryMap {
  column: CategoryColumn;
  levels: string[];
  /** Share of the fitting rows with a value that were pooled as other (rare values); compared with new data to spot shift. */
  otherShare?: number;
}

/** Learn a feature's levels from the rows where `use` is 1. */
export function learnCategoryMap(feature: CategoryFeature, column: TextColumn, use: Uint8Array): CategoryMap {
  const counts = new Float64Array(column.labels.length);
  const { codes } = column;
  for (let i = 0; i < codes.length; i++) if (use[i] === 1 && codes[i] >= 0) counts[codes[i]]++;
  const kept = column.labels
    .map((label, code) => ({ label, count: counts[code] }))
    .filter((l) => l.count > 0 && l.count >= feature.minCount)
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .slice(0, feature.maxLevels);
  let valued = 0;
  for (let c = 0; c < counts.length; c++) valued += counts[c];
  const keptCount = kept.reduce((s, l) => s + l.count, 0);
  return { column: feature.column, levels: kept.map((l) => l.label), otherShare: valued === 0 ? 0 : (valued - keptCount) / valued };
}

/** For each label code of a loaded column, its feature code under the map (unknown labels -> other). */
export function categoryLookup(map: CategoryMap, column: TextColumn): Int32Array {
  const index = new Map(map.levels.map((l, i) => [l, i]));
  return Int32Array.from(column.labels, (label) => index.get(label) ?? map.levels.length);
}
