export { newRunId, insertRun, getRun, getRunModel, listRuns } from './runs.ts';
export type { RunRecord } from './runs.ts';
