import type { RateRow } from './types.ts';
import type { OutcomeTally } from './group-counts.ts';
import { ATTENDED_CODE, DNA_CODE, UNKNOWN } from './groups.ts';
import { isSuppressed, publishedDnaRate, suppress } from './suppress.ts';

/** How one breakdown is labelled and ordered. */
export interface Breakdown {
  /** Label of each group code. */
  labels: readonly string[];
  /** The first `always` codes are listed even when empty, so e.g. all seven weekdays show. */
  always: number;
  /** 'code': label order as given; 'label': alphabetical; 'volume': most appointments first. */
  order: 'code' | 'label' | 'volume';
}

interface Group {
  key: string;
  appointments: number;
  withOutcome: number;
  dna: number;
}

/** Turn per-group outcome counts into published rate rows; UNKNOWN always comes last. */
export function rateRows(tally: OutcomeTally, breakdown: Breakdown): RateRow[] {
  const groups: Group[] = [];
  breakdown.labels.forEach((key, code) => {
    const counts = tally.get(code);
    if (!counts && code >= breakdown.always) return;
    const dna = counts ? counts[DNA_CODE] : 0;
    const attended = counts ? counts[ATTENDED_CODE] : 0;
    const appointments = counts ? counts.reduce((a, b) => a + b, 0) : 0;
    groups.push({ key, appointments, withOutcome: dna + attended, dna });
  });
  groups.sort(compareGroups(breakdown.order));
  return groups.map(rateRow);
}

function rateRow(g: Group): RateRow {
  return {
    key: g.key,
    appointments: suppress(g.appointments),
    withOutcome: suppress(g.withOutcome),
    dna: suppress(g.dna),
    dnaRate: publishedDnaRate(g.dna, g.withOutcome),
  };
}

function compareGroups(order: Breakdown['order']): (a: Group, b: Group) => number {
  const unknownLast = (a: Group, b: Group) => Number(a.key === UNKNOWN) - Number(b.key === UNKNOWN);
  if (order === 'code') return unknownLast;
  const byLabel = (a: Group, b: Group) => unknownLast(a, b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  if (order === 'label') return byLabel;
  // Suppressed groups sort as equals, by label, so their order does not rank hidden counts.
  const volume = (g: Group) => (isSuppressed(g.appointments) ? 0 : g.appointments);
  return (a, b) => unknownLast(a, b) || volume(b) - volume(a) || byLabel(a, b);
}
