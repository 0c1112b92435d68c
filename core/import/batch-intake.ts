import type { SqlValue } from '../workspace/index.ts';
import { IdRegistry } from './id-registry.ts';
import type { BatchMessage } from './import-protocol.ts';
import type { IssueLog } from './issue-log.ts';
import { PatientKeys, type PackedKeys } from './patient-keys.ts';
import { RowTally } from './row-tally.ts';

/** Where a batch's packed rows go: parameters, whether they must land after earlier batches, and the column fits. */
export type PackedSink = (params: SqlValue[], afterEarlier: boolean, fits: string) => void;

/** Where the packed rows hold the cells the intake reads (column positions among the packed columns). */
export interface PackedColumns {
  patientKey: number;
  outcome: number;
  appointmentAt: number;
}

/**
 * The main thread's side of a worker batch: logs its issues and the duplicate
 * warnings its ids raise in the order the rows were met (a row's own issues, then
 * the warning its id raises, as when everything ran on one thread), remembers
 * every id, and hands the packed rows on, marked when they repeat an earlier id.
 * Given where the packed rows hold them, it also notes their patient keys
 * (`patientKeys`) and tallies their outcomes and times (`tally`).
 */
export class BatchIntake {
  /** Rows replaced by a later row of the same file. */
  superseded = 0;
  private readonly seen: IdRegistry;
  private readonly patients: PatientKeys;
  /** Outcomes and times of the rows taken, less those a later row replaced. */
  readonly tally = new RowTally();

  constructor(
    private readonly issues: IssueLog,
    private readonly idColumn: string | null,
    private readonly write: PackedSink,
    private readonly columns?: PackedColumns,
    /** About how many rows the file holds, to size the tables of ids and patients. */
    expectedRows = 0,
  ) {
    this.seen = new IdRegistry(expectedRows);
    // Extracts hold a few appointments per patient.
    this.patients = new PatientKeys(expectedRows / 4);
  }

  /** The patient keys of every batch taken, each once, sorted, packed for the patient list. */
  patientKeys(): PackedKeys[] {
    return this.patients.sorted();
  }

  /** Take one batch. */
  take(batch: BatchMessage): void {
    const { idRows, issueRows, issueColumns, issueSeverities, issueMessages } = batch;
    const issues = this.issues;
    const payloads = this.payloads(batch);
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
      const payload = payloads === null ? -1 : payloads[k];
      let earlier: number;
      let one: string | null = null;
      const start = from;
      let to = 0;
      if (joined !== null) {
        to = joined.indexOf('\n', from);
        if (to < 0) to = joined.length;
        earlier = this.seen.note(handle, from, to, row, payload);
        from = to + 1;
      } else {
        // Some id holds a newline: the batch carries them as a list.
        one = (batch.ids as string[])[k];
        earlier = this.seen.note(this.seen.addText(one), 0, one.length, row, payload);
      }
      if (earlier >= 0) {
        const id = one ?? (joined as string).slice(start, to);
        this.superseded++;
        afterEarlier = true;
        this.tally.remove(this.seen.earlierPayload);
        issues.add(earlier, this.idColumn, 'warning', `duplicate appointment id ${id}, also at row ${row}; the later row wins`);
      }
      this.tally.add(payload);
    }
    for (; next < issueRows.length; next++) issues.add(issueRows[next], issueColumns[next], issueSeverities[next], issueMessages[next]);
    if (!batch.packed) return;
    const { blob, params, fits } = batch.packed;
    const c = this.columns;
    if (c !== undefined) {
      const [stride, last] = params;
      this.patients.note(blob, stride, params[2 + 2 * c.patientKey], params[3 + 2 * c.patientKey], (last - 1) / stride + 1);
    }
    this.write([Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength), ...params], afterEarlier, fits);
  }

  /** The tally payload of each packed row, or null without the columns or rows to read. */
  private payloads(batch: BatchMessage): Float64Array | null {
    const c = this.columns;
    if (c === undefined || !batch.packed) return null;
    const { blob, params } = batch.packed;
    const [stride, last] = params;
    const column = (i: number): [number, number] => [params[2 + 2 * i], params[3 + 2 * i]];
    return this.tally.payloads(blob, stride, (last - 1) / stride + 1, column(c.outcome), column(c.appointmentAt));
  }
}
