import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ImportProgress, MappingFile } from '../import/types.ts';
import { openBundle } from './read-bundle.ts';
import { scoreExtract, type ExtractScores } from './score-extract.ts';
import { scoresCsv } from './scores-csv.ts';

/** What scoring an extract with a bundle did (the rows went to the file). */
export type BundleScoring = Omit<ExtractScores, 'rows'> & {
  file: string;
  bundle: { name: string; version: string; signed: boolean; keyFingerprint: string | null };
  /** Mean calibrated probability: the expected DNA rate of the scored appointments. */
  meanProbability: number | null;
};

/**
 * Score an extract with a bundle, no workspace needed: the bundle is checked
 * like any import (hashes, signature, trusted keys), then the app's own scorer
 * runs with its model and pipeline; nothing in the bundle is executed. The CSV
 * appears whole or not at all.
 */
export async function scoreWithBundle(
  bundlePath: string,
  data: string,
  out: string,
  opts: { mapping?: MappingFile; trustedKeys?: string[]; signal?: AbortSignal; onProgress?: (p: ImportProgress) => void } = {},
): Promise<BundleScoring> {
  // Checked first, so a long scoring is not thrown away for want of a folder.
  if (!existsSync(dirname(out))) throw new Error(`cannot write ${out}: folder ${dirname(out)} does not exist`);
  const bundle = openBundle(bundlePath, { trustedKeys: opts.trustedKeys });
  const scores = await scoreExtract(data, { pipeline: bundle.pipeline, ensemble: bundle.ensemble }, opts);
  const temp = `${out}.partial-${process.pid}`;
  try {
    writeFileSync(temp, scoresCsv(scores));
    renameSync(temp, out);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new Error(`cannot write ${out}: ${(e as Error).message}`);
  }
  const { rows, ...summary } = scores;
  let sum = 0;
  for (const r of rows) sum += r.probability;
  return {
    ...summary,
    file: out,
    bundle: {
      name: bundle.manifest.name,
      version: bundle.manifest.version,
      signed: bundle.signature.signed,
      keyFingerprint: bundle.signature.signed ? bundle.signature.keyFingerprint : null,
    },
    meanProbability: rows.length ? sum / rows.length : null,
  };
}
