import type { SqlValue } from '../workspace/index.ts';
import type { BatchMessage, PackedMessage, ProducerInput, ProducerMessage } from './import-protocol.ts';
import type { IssueSink } from './issue-log.ts';
import { packBatch } from './packed-rows.ts';
import { Pseudonymiser } from './pseudonym.ts';
import { streamRecords, takeDataRecords, type RecordCounts } from './record-stream.ts';
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
  const counts: RecordCounts = { read: 0, rejected: 0 };
  let bytesRead = 0;

  const flush = () => {
    const rows = ids.length;
    const transfer: ArrayBuffer[] = [];
    const packed = rows > 0 ? packForMessage(values, width, transfer) : null;
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
        rowsRead: counts.read,
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
    // A pending waitAsync does not keep the thread's event loop alive (nodejs/node#44729):
    // with the stream paused and nothing else pending the worker would exit (code 13)
    // while the main thread is still busy. A timer holds the loop open meanwhile.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    try {
      for (;;) {
        const acked = Atomics.load(acks, 0);
        if (posted - acked < input.maxAhead) return;
        await waitAsync(acks, 0, acked).value;
      }
    } finally {
      clearInterval(keepAlive);
    }
  };

  const streamed = await streamRecords(input.file, {
    encoding: input.encoding,
    strictUtf8: input.strictUtf8,
    delimiter: input.delimiter,
    chunkBytes: input.chunkBytes,
    onChunk: (chunk) => {
      bytesRead = chunk.bytesRead;
      takeDataRecords(chunk, counts, sink, (fields, row) => {
        const at = values.length;
        if (!convert(fields, row, values)) return false;
        idRows[ids.length] = row;
        ids.push(values[at] as string);
        if (ids.length === input.batchRows) flush();
        return true;
      });
      if (issueRows.length >= ISSUES_PER_MESSAGE || performance.now() - lastPost >= QUIET_MS) flush();
      return posted - Atomics.load(acks, 0) >= input.maxAhead ? caughtUp() : undefined;
    },
  });
  flush();
  post({ kind: 'done', bytes: streamed.bytes, sha256: streamed.sha256, rowsRead: counts.read, rowsRejected: counts.rejected }, []);
}

/** Pack rows for a message, adding the BLOB's memory to `transfer` so it moves instead of being copied. */
function packForMessage(values: readonly SqlValue[], width: number, transfer: ArrayBuffer[]): PackedMessage {
  const { params, fits } = packBatch(values, width);
  const buffer = params[0] as Buffer;
  // A Buffer that shares its memory (Node's pool) cannot be moved: copy it out.
  const whole = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
  const blob = whole ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer);
  transfer.push(blob.buffer as ArrayBuffer);
  return { blob, params: params.slice(1) as number[], fits };
}
