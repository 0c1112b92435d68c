/**
 * The margin summed the way the app sums it: in float32, tree by tree
 * (core/engine/predict.ts keeps margins in a Float32Array). score.sql needs
 * this where calibration is steep enough to magnify the last float32 bit
 * (isotonic steps), so it rounds in SQL with Veltkamp's splitting:
 * c = x * (2^29 + 1), c - (c - x) is x rounded to 24 significant bits, to
 * nearest with ties to even, using only double arithmetic (for |x| in the
 * float32 normal range; margins and probabilities are).
 */
import type { TreeEnsemble } from '../../engine/index.ts';
import { sqlFloat, treeSql } from '../sql-trees.ts';
import { GROUPED_STAGE_NOTE, sqlFloatValue } from './literals.ts';

const SPLITTER = sqlFloatValue(2 ** 29 + 1);

/** SQL rounding a double expression to float32 (x appears three times, so pass a column or a small expression). */
export function float32RoundSql(x: string): string {
  return `((${x}) * ${SPLITTER} - ((${x}) * ${SPLITTER} - (${x})))`;
}

// Trees rounded per stage: the innermost sum is written 3^TREES_PER_STAGE times.
const TREES_PER_STAGE = 3;

function featuresOfTree(e: TreeEnsemble, t: number): number[] {
  const used = new Set<number>();
  for (let n = e.treeOffsets[t]; n < e.treeOffsets[t + 1]; n++) if (e.splitFeature[n] >= 0) used.add(e.splitFeature[n]);
  return [...used];
}

/**
 * CTEs from attend_features (appointment_id, f0, f1, ...) to attend_margin
 * (appointment_id, margin) with the app's float32 sums. Each stage rounds the
 * sums of a few trees whose leaves the stage before computed, and computes the
 * next few trees' leaves from the features it carries along.
 */
export function float32MarginCtes(ensemble: TreeEnsemble, names: readonly string[]): string[] {
  const blocks: number[][] = [];
  for (let t = 0; t < ensemble.numTrees; t += TREES_PER_STAGE) {
    blocks.push(Array.from({ length: Math.min(TREES_PER_STAGE, ensemble.numTrees - t) }, (_, k) => t + k));
  }
  // Features still needed from block b on.
  const needed = blocks.map(() => new Set<number>());
  for (let b = blocks.length - 1; b >= 0; b--) {
    if (b + 1 < blocks.length) for (const f of needed[b + 1]) needed[b].add(f);
    for (const t of blocks[b]) for (const f of featuresOfTree(ensemble, t)) needed[b].add(f);
  }
  const ctes: string[] = [];
  for (let b = 0; b <= blocks.length; b++) {
    const name = b === blocks.length ? 'attend_margin' : `attend_f32_${b}`;
    const from = b === 0 ? 'attend_features' : `attend_f32_${b - 1}`;
    let sum: string;
    if (b === 0) sum = `CAST(${sqlFloat(ensemble.baseMargin)} AS FLOAT)`;
    else {
      sum = `s${b - 1}`;
      for (const t of blocks[b - 1]) sum = float32RoundSql(`${sum} + t${t}`);
    }
    const cols = [`    MAX(${sum}) AS ${b === blocks.length ? 'margin' : `s${b}`}`];
    if (b < blocks.length) {
      for (const t of blocks[b]) cols.push(`    -- tree ${t}\n    MAX(${treeSql(ensemble, t, names, '      ')}) AS t${t}`);
      if (b + 1 < blocks.length) for (const f of [...needed[b + 1]].sort((p, q) => p - q)) cols.push(`    MAX(${names[f]}) AS ${names[f]}`);
    }
    const trees = b < blocks.length ? `leaves of trees ${blocks[b][0]}..${blocks[b][blocks[b].length - 1]}` : 'the final margin';
    ctes.push(
      [
        `${name} AS (`,
        `  ${GROUPED_STAGE_NOTE}`,
        `  -- float32 margin ${b === 0 ? 'starts at the base margin' : `after trees ..${blocks[b - 1][blocks[b - 1].length - 1]}`}; ${trees}`,
        '  SELECT appointment_id,',
        cols.join(',\n'),
        `  FROM ${from}`,
        '  GROUP BY appointment_id',
        ')',
      ].join('\n'),
    );
  }
  return ctes;
}
