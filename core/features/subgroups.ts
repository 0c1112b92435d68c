import { AGE_BANDS, UNKNOWN, ageBandIndex } from '../profile/groups.ts';
import type { AppointmentTable, TextColumn } from './appointment-table.ts';
import {
  DEPRIVATION_QUINTILES,
  ETHNIC_GROUPS,
  ETHNIC_NOT_STATED,
  MEDIUM_GROUPS,
  SEX_GROUPS,
  deprivationQuintileIndex,
  ethnicGroupIndex,
  groupIndex,
} from './nhs-groups.ts';

/** Small group codes per matrix row for fairness tables; each indexes the matching SubgroupLabels list. */
export interface Subgroups {
  ageBand: Uint8Array;
  sex: Uint8Array;
  ethnicGroup: Uint8Array;
  deprivationQuintile: Uint8Array;
  specialty: Uint16Array;
  medium: Uint8Array;
}

/** Labels of the subgroup codes; the last label of each list is the unknown group. */
export type SubgroupLabels = Record<keyof Subgroups, string[]>;

function byLabel(col: TextColumn | undefined, name: string, fn: (label: string) => number, blank: number): (i: number) => number {
  if (!col) throw new Error(`subgroups: column ${name} was not loaded`);
  const lookup = Int32Array.from(col.labels, fn);
  return (i) => (col.codes[i] < 0 ? blank : lookup[col.codes[i]]);
}

/** Subgroup codes for the given table rows, in that order. */
export function subgroupsOf(table: AppointmentTable, rows: Int32Array): { subgroups: Subgroups; labels: SubgroupLabels } {
  const n = rows.length;
  const specialtyCol = table.text.specialty;
  const specialtyLabels = [...(specialtyCol?.labels ?? []), UNKNOWN];
  if (specialtyLabels.length > 65_535) throw new Error(`subgroups: ${specialtyLabels.length - 1} specialties are more than a table can show`);
  const sex = byLabel(table.text.sex, 'sex', (l) => groupIndex(SEX_GROUPS, l), SEX_GROUPS.length - 1);
  const ethnic = byLabel(table.text.ethnic_category, 'ethnic_category', ethnicGroupIndex, ETHNIC_NOT_STATED);
  const medium = byLabel(table.text.medium, 'medium', (l) => groupIndex(MEDIUM_GROUPS, l), MEDIUM_GROUPS.length - 1);
  // Sorted labels: codes are label positions, so the specialty code is the table code.
  const specialty = byLabel(specialtyCol, 'specialty', (l) => specialtyLabels.indexOf(l), specialtyLabels.length - 1);
  const subgroups: Subgroups = {
    ageBand: new Uint8Array(n),
    sex: new Uint8Array(n),
    ethnicGroup: new Uint8Array(n),
    deprivationQuintile: new Uint8Array(n),
    specialty: new Uint16Array(n),
    medium: new Uint8Array(n),
  };
  for (let r = 0; r < n; r++) {
    const i = rows[r];
    subgroups.ageBand[r] = ageBandIndex(table.age[i] < 0 ? null : table.age[i]);
    subgroups.sex[r] = sex(i);
    subgroups.ethnicGroup[r] = ethnic(i);
    subgroups.deprivationQuintile[r] = deprivationQuintileIndex(table.imd[i]);
    subgroups.specialty[r] = specialty(i);
    subgroups.medium[r] = medium(i);
  }
  return {
    subgroups,
    labels: {
      ageBand: [...AGE_BANDS.map((b) => b.label), UNKNOWN],
      sex: [...SEX_GROUPS],
      ethnicGroup: [...ETHNIC_GROUPS],
      deprivationQuintile: [...DEPRIVATION_QUINTILES],
      specialty: specialtyLabels,
      medium: [...MEDIUM_GROUPS],
    },
  };
}
