import type { SqlValue } from '../workspace/index.ts';
import type { BatchMessage } from './import-protocol.ts';
import type { IssueLog } from './issue-log.ts';

/**
 * The main thread's side of a worker batch: logs its issues and the duplicate
 * warnings its ids raise in the order the rows were met (a row's own issues, then
 * the warning its id raises, as when everything ran on one thread), remembers
 * every id, and hands the packed rows on, marked when they repeat an earlier id.
 */
export class BatchIntake {
  /** Rows replaced by a later row of the same file. */
  superseded = 0;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly issues: IssueLog,
    private readonly idColumn: string | null,
    private readonly write: (params: SqlValue[], afterEarlier: boolean) => void,
  ) {}

  /** Take one batch. */
  take(batch: BatchMessage): void {
    const { idRows, issueRows, issueColumns, issueSeverities, issueMessages } = batch;
    const ids = typeof batch.ids !== 'string' ? batch.ids : idRows.length > 0 ? batch.ids.split('\n') : [];
    const issues = this.issues;
    const seen = this.seen;
    let next = 0;
    let afterEarlier = false;
    for (let k = 0; k < ids.length; k++) {
      const row = idRows[k];
      for (; next < issueRows.length && issueRows[next] <= row; next++) {
        issues.add(issueRows[next], issueColumns[next], issueSeverities[next], issueMessages[next]);
      }
      const id = ids[k];
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        this.superseded++;
        afterEarlier = true;
        issues.add(earlier, this.idColumn, 'warning', `duplicate appointment id ${id}, also at row ${row}; the later row wins`);
      }
      seen.set(id, row);
    }
    for (; next < issueRows.length; next++) issues.add(issueRows[next], issueColumns[next], issueSeverities[next], issueMessages[next]);
    if (batch.packed) {
      const { blob, params } = batch.packed;
      this.write([Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength), ...params], afterEarlier);
    }
  }
}
