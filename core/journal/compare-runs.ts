import type { Db } from '../workspace/index.ts';
import { getRun, type RunRecord } from './runs.ts';

/** Two or more runs side by side: what differs between them and how each did. */
export interface RunComparison {
  runs: Omit<RunRecord, 'pipeline' | 'featureSpec'>[];
  /** Parameter names whose values differ between the runs. */
  differingParams: string[];
  sameFeatureSpec: boolean;
  sameData: boolean;
}

/** Compare runs by id, in the order given. */
export async function compareRuns(db: Db, ids: readonly string[]): Promise<RunComparison> {
  if (ids.length < 2) throw new Error('compare needs at least two runs');
  const runs = await Promise.all(ids.map((id) => getRun(db, id)));
  const params = runs.map((r) => (r.params ?? {}) as Record<string, unknown>);
  const names = [...new Set(params.flatMap((p) => Object.keys(p)))].sort();
  const differingParams = names.filter((n) => new Set(params.map((p) => JSON.stringify(p[n]))).size > 1);
  return {
    runs: runs.map(({ pipeline: _p, featureSpec: _f, ...rest }) => rest),
    differingParams,
    sameFeatureSpec: new Set(runs.map((r) => r.featureSpecHash)).size === 1,
    sameData: new Set(runs.map((r) => r.datasetFingerprint)).size === 1,
  };
}
