import type { EvaluationReport } from '../../api/types.ts';

/** A run and the evaluation of its test slice, as the evaluation cards draw it. */
export interface EvaluatedRun {
  runId: string;
  /** Short name for legends. */
  name: string;
  evaluation: EvaluationReport;
}
