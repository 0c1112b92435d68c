import { isSuppressed, publishedDnaRate, suppress } from '../profile/suppress.ts';
import type { SuppressedCount } from '../profile/types.ts';
import { delongAuc } from './delong.ts';
import { meanCalibrationDifference } from './recalibration.ts';

/** A grouping variable: codes[i] indexes labels for prediction i; a negative code means missing. */
export interface SubgroupVariable {
  name: string;
  codes: Uint8Array | Int32Array;
  labels: string[];
}

/** Metrics of one subgroup, with small-number suppression applied. */
export interface SubgroupRow {
  variable: string;
  group: string;
  n: SuppressedCount;
  events: SuppressedCount;
  /** null when suppressed or empty. */
  dnaRate: number | null;
  auc: number | null;
  aucCi: [number, number] | null;
  /** Mean observed minus mean predicted; null when suppressed or empty. */
  calibrationInTheLarge: number | null;
}

/**
 * Per-group n, DNAs, DNA rate, AUC with DeLong 95% CI and calibration-in-the-large
 * for each variable. Counts 1..9 are shown as '<10'; a group whose appointments,
 * DNAs or attendances number 1..9 gets null rate, AUC and calibration.
 */
export function subgroupTable(labels: ArrayLike<number>, probabilities: ArrayLike<number>, variables: SubgroupVariable[]): SubgroupRow[] {
  const rows: SubgroupRow[] = [];
  for (const v of variables) {
    if (v.codes.length !== labels.length) throw new Error(`subgroup '${v.name}': ${v.codes.length} codes but ${labels.length} predictions`);
    const members: number[][] = v.labels.map(() => []);
    for (let i = 0; i < v.codes.length; i++) {
      const c = v.codes[i];
      if (c < 0) continue;
      if (c >= v.labels.length) throw new Error(`subgroup '${v.name}': code ${c} at prediction ${i + 1} has no label (${v.labels.length} labels)`);
      members[c].push(i);
    }
    v.labels.forEach((label, c) => {
      const idx = members[c];
      const y = idx.map((i) => labels[i]);
      const p = idx.map((i) => probabilities[i]);
      const events = y.reduce((s, l) => s + l, 0);
      const hidden = isSuppressed(idx.length) || isSuppressed(events) || isSuppressed(idx.length - events);
      const fit = hidden ? null : delongAuc(y, p);
      rows.push({
        variable: v.name,
        group: label,
        n: suppress(idx.length),
        events: suppress(events),
        dnaRate: hidden ? null : publishedDnaRate(events, idx.length),
        auc: fit?.auc ?? null,
        aucCi: fit?.ci ?? null,
        calibrationInTheLarge: hidden || idx.length === 0 ? null : meanCalibrationDifference(y, p),
      });
    });
  }
  return rows;
}
