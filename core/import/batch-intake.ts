import type { SqlValue } from '../workspace/index.ts';
import { IdRegistry } from './id-registry.ts';
import type { BatchMessage } from './import-protocol.ts';
import type { IssueLog } from './issue-log.ts';
import { PatientKeys, type PackedKeys } from './patient-keys.ts';

/** Where a batch's packed rows go: parameters, whether they must land after earlier batches, and the column fits. */
export type PackedSink = (params: SqlValue[], afterEarlier: boolean, fits: string) => void;

/**
 * The main thread's side of a worker batch: logs its issues and the duplicate
 * warnings its ids raise in the order the rows were met (a row's own issues, then
 * the warning its id raises, as when everything ran on one thread), remembers
 * every id, and hands the packed rows on, marked when they repeat an earlier id.
 * Given the packed column of patient keys, it also notes those (`patientKeys`).
 */
export class BatchIntake {
  /** Rows replaced by a later row of the same file. */
  superseded = 0;
  private readonly seen = new IdRegistry();
  private readonly patients = new PatientKeys();

  constructor(
    private readonly issues: IssueLog,
    private readonly idColumn: string | null,
    private readonly write: PackedSink,
    private readonly patientColumn?: number,
  ) {}

  /** The patient keys of every batch taken, each once, sorted, packed for the patient list. */
  patientKeys(): PackedKeys[] {
    return this.patients.sorted();
  }

  /** Take one batch. */
  take(batch: BatchMessage): void {
    const { idRows, issueRows, issueColumns, issueSeverities, issueMessages } = batch;
    const issues = this.issues;
    let next = 0;
    let afterEarlier = false;
    const joined = typeof batch.ids === 'string' ? batch.ids : null;
    const handle = joined !== null && idRows.length > 0 ? this.seen.addText(joined) : -1;
    let from = 0;
    for (let k = 0; k < idRows.length; k++) {
      const row = idRows[k];
      for (; next < issueRows.length && issueRows[next] <= row; next++) {
        issues.add(issueRows[next], issueColumns[next], issueSeverities[next], issueMessages[next]);
      }
      let earlier: number;
      let one: string | null = null;
      const start = from;
      let to = 0;
      if (joined !== null) {
        to = joined.indexOf('\n', from);
        if (to < 0) to = joined.length;
        earlier = this.seen.note(handle, from, to, row);
        from = to + 1;
      } else {
        // Some id holds a newline: the batch carries them as a list.
        one = (batch.ids as string[])[k];
        earlier = this.seen.note(this.seen.addText(one), 0, one.length, row);
      }
      if (earlier >= 0) {
        const id = one ?? (joined as string).slice(start, to);
        this.superseded++;
        afterEarlier = true;
        issues.add(earlier, this.idColumn, 'warning', `duplicate appointment id ${id}, also at row ${row}; the later row wins`);
      }
    }
    for (; next < issueRows.length; next++) issues.add(issueRows[next], issueColumns[next], issueSeverities[next], issueMessages[next]);
    if (!batch.packed) return;
    const { blob, params, fits } = batch.packed;
    const c = this.patientColumn;
    if (c !== undefined) {
      const [stride, last] = params;
      this.patients.note(blob, stride, params[2 + 2 * c], params[3 + 2 * c], (last - 1) / stride + 1);
    }
    this.write([Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength), ...params], afterEarlier, fits);
  }
}
