import type { ImportIssue } from './types.ts';

/** How many issues an import report carries; the workspace keeps all of them. */
export const REPORTED_ISSUES = 100;

/** Where issues are recorded; the import worker collects them without an IssueLog. */
export interface IssueSink {
  add(row: number | null, column: string | null, severity: ImportIssue['severity'], message: string): void;
}

/**
 * Collects an import's issues: all of them go to `sink` (the workspace), the
 * first ones are kept for the report, and the first errors for a refusal message.
 */
export class IssueLog implements IssueSink {
  count = 0;
  readonly first: ImportIssue[] = [];
  readonly firstErrors: ImportIssue[] = [];

  constructor(private readonly sink: (issue: ImportIssue) => void = () => undefined) {}

  /** Record one issue. */
  add(row: number | null, column: string | null, severity: ImportIssue['severity'], message: string): void {
    const issue: ImportIssue = { row, column, severity, message };
    this.count++;
    if (this.first.length < REPORTED_ISSUES) this.first.push(issue);
    if (severity === 'error' && this.firstErrors.length < 3) this.firstErrors.push(issue);
    this.sink(issue);
  }

  /** The reported issues, file-level first, then by row (stable). */
  reported(): ImportIssue[] {
    return [...this.first].sort((a, b) => (a.row ?? -1) - (b.row ?? -1));
  }
}

/** "row 3 column Appointment Date: ..." for messages that quote an issue. */
export function describeIssue(issue: ImportIssue): string {
  const where = issue.row === null ? 'file' : `row ${issue.row}`;
  return `${where}${issue.column ? ` column ${issue.column}` : ''}: ${issue.message}`;
}
