export { newRunId, insertRun, getRun, getRunModel, listRuns } from './runs.ts';
export { getRunEnsemble } from './run-ensemble.ts';
export type { RunRecord } from './runs.ts';
export { setRunNote, setRunArchived } from './run-edits.ts';
export { compareRuns } from './compare-runs.ts';
export type { RunComparison } from './compare-runs.ts';
