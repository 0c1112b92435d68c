import type { SubgroupVariable } from '../evaluate/index.ts';
import type { FeatureMatrix, Subgroups } from '../features/index.ts';

/** How each subgroup variable is named in tables and model cards. */
export const SUBGROUP_NAMES: Record<keyof Subgroups, string> = {
  ageBand: 'age band',
  sex: 'sex',
  ethnicGroup: 'ethnic group',
  deprivationQuintile: 'deprivation quintile',
  specialty: 'specialty',
  medium: 'medium',
};

/** The fairness-table variables of the matrix rows `index` (age band, sex, ethnic group, deprivation, specialty, medium). */
export function subgroupVariables(matrix: FeatureMatrix, index: Int32Array): SubgroupVariable[] {
  return (Object.keys(SUBGROUP_NAMES) as (keyof Subgroups)[]).map((key) => {
    const all = matrix.subgroups[key];
    const codes = new Int32Array(index.length);
    for (let i = 0; i < index.length; i++) codes[i] = all[index[i]];
    return { name: SUBGROUP_NAMES[key], codes, labels: matrix.subgroupLabels[key] };
  });
}
