import type { SqlValue } from '../workspace/index.ts';
import type { BatchMessage, ProducerInput, ProducerMessage } from './import-protocol.ts';
import type { IssueSink } from './issue-log.ts';
import { packRows } from './packed-rows.ts';
import { Pseudonymiser } from './pseudonym.ts';
import { streamRecords } from './record-stream.ts';
import { APPOINTMENT_COLUMNS, makeRowConverter } from './row-converter.ts';

/** Posts a message, moving the listed buffers instead of copying them. */
export type Post = (message: ProducerMessage, transfer: ArrayBuffer[]) => void;

/** Atomics.waitAsync (Node 16+), missing from the ES2023 typings this project compiles against. */
const waitAsync = (Atomics as unknown as {
  waitAsync(array: Int32Array, index: number, value: number): { async: boolean; value: Promise<string> | string };
}).waitAsync;

/** Issues pending beyond this many are posted at the end of a chunk even without a full batch. */
const ISSUES_PER_MESSAGE = 1024;
/** A chunk that ends this long after the last message posts one anyway, so progress keeps flowing. */
const QUIET_MS = 250;

/**
 * Read, decode, parse, convert and pack a file, posting batches of accepted rows
 * with the issues found so far, in file order; waits while the consumer is
 * `maxAhead` messages behind. Runs in the import worker.
 */
export async function produceBatches(input: ProducerInput, post: Post): Promise<void> {
  const width = APPOINTMENT_COLUMNS.length;
  const acks = new Int32Array(input.acks);
  let posted = 0;
  let lastPost = performance.now();

  let issueRows: number[] = [];
  let issueColumns: (string | null)[] = [];
  let issueSeverities: BatchMessage['issueSeverities'] = [];
  let issueMessages: string[] = [];
  const sink: IssueSink = {
    add(row, column, severity, message) {
      issueRows.push(row as number);
      issueColumns.push(column);
      issueSeverities.push(severity);
      issueMessages.push(message);
    },
  };
  const convert = makeRowConverter(input.headers, input.resolved, input.mapping, new Pseudonymiser(Buffer.from(input.key)), sink);

  let values: SqlValue[] = [];
  let ids: string[] = [];
  let idRows = new Int32Array(input.batchRows);
  let rowsRead = 0;
  let rowsRejected = 0;
  let bytesRead = 0;

  const flush = () => {
    const rows = ids.length;
    const transfer: ArrayBuffer[] = [];
    let packed: BatchMessage['packed'] = null;
    if (rows > 0) {
      const params = packRows(values, width);
      const buffer = params[0] as Buffer;
      // A small Buffer may sit in Node's shared pool, which cannot be moved: copy it out.
      const whole = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
      const blob = whole ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer);
      transfer.push(blob.buffer as ArrayBuffer);
      packed = { blob, params: params.slice(1) as number[] };
    }
    const plain = !ids.some((id) => id.includes('\n'));
    const rowNumbers = rows === idRows.length ? idRows : idRows.slice(0, rows);
    transfer.push(rowNumbers.buffer as ArrayBuffer);
    post(
      {
        kind: 'batch',
        packed,
        ids: plain ? ids.join('\n') : ids,
        idRows: rowNumbers,
        issueRows,
        issueColumns,
        issueSeverities,
        issueMessages,
        bytesRead,
        rowsRead,
      },
      transfer,
    );
    posted++;
    lastPost = performance.now();
    values = [];
    ids = [];
    idRows = new Int32Array(input.batchRows);
    issueRows = [];
    issueColumns = [];
    issueSeverities = [];
    issueMessages = [];
  };

  const caughtUp = async (): Promise<void> => {
    for (;;) {
      const acked = Atomics.load(acks, 0);
      if (posted - acked < input.maxAhead) return;
      await waitAsync(acks, 0, acked).value;
    }
  };

  const streamed = await streamRecords(input.file, {
    encoding: input.encoding,
    strictUtf8: input.strictUtf8,
    delimiter: input.delimiter,
    chunkBytes: input.chunkBytes,
    onChunk: ({ records, firstIndex, problems, bytesRead: read }) => {
      bytesRead = read;
      // As before the worker: a row with several quote problems reports the last.
      const broken = problems.length === 0 ? null : new Map(problems.map((q) => [q.index, q.message]));
      for (let k = 0; k < records.length; k++) {
        const row = firstIndex + k;
        if (row === 0) continue; // the header, already read from the head
        rowsRead++;
        const quoteProblem = broken?.get(row);
        if (quoteProblem !== undefined) {
          sink.add(row, null, 'error', `malformed quotes: ${quoteProblem}`);
          rowsRejected++;
          continue;
        }
        const at = values.length;
        if (!convert(records[k], row, values)) {
          rowsRejected++;
          continue;
        }
        idRows[ids.length] = row;
        ids.push(values[at] as string);
        if (ids.length === input.batchRows) flush();
      }
      if (issueRows.length >= ISSUES_PER_MESSAGE || performance.now() - lastPost >= QUIET_MS) flush();
      return posted - Atomics.load(acks, 0) >= input.maxAhead ? caughtUp() : undefined;
    },
  });
  flush();
  post({ kind: 'done', bytes: streamed.bytes, sha256: streamed.sha256, rowsRead, rowsRejected }, []);
}
