import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, pipeline } from 'node:stream';
import Papa from 'papaparse';
import type { IssueSink } from './issue-log.ts';
import type { Delimiter, Encoding } from './sniff.ts';

/** A problem the CSV parser found in one record (unbalanced quotes). */
export interface RecordProblem {
  /** Record index as in `firstIndex` (the header is 0). */
  index: number;
  message: string;
}

/** One parsed chunk of records, handed over as the file streams by. */
export interface RecordChunk {
  records: string[][];
  /** Index of records[0] in the file; the header is record 0, so this is also its data row number. */
  firstIndex: number;
  problems: RecordProblem[];
  bytesRead: number;
}

/** How to stream one file. */
export interface StreamOptions {
  encoding: Encoding;
  /** Fail with NotUtf8Error at the first invalid UTF-8 byte instead of substituting U+FFFD. */
  strictUtf8: boolean;
  delimiter: Delimiter;
  /** Bytes per read; small values exercise chunk borders in tests. */
  chunkBytes?: number;
  /** Receives every chunk in file order; a returned promise pauses parsing until it settles. */
  onChunk(chunk: RecordChunk): void | Promise<void>;
}

/** What streaming saw of the file as a whole. */
export interface StreamResult {
  bytes: number;
  sha256: string;
  records: number;
}

/** A file read as strict UTF-8 turned out not to be UTF-8 after the head. */
export class NotUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`invalid UTF-8 in the chunk starting at byte ${byteOffset}`);
  }
}

/**
 * Stream a delimited file through papaparse: bytes are hashed and decoded with a
 * streaming TextDecoder (so characters split across reads survive), records are
 * handed over in file order, and parsing pauses while the consumer catches up.
 */
export function streamRecords(file: string, options: StreamOptions): Promise<StreamResult> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const decoder = new TextDecoder(options.encoding, { fatal: options.strictUtf8 });
    let bytes = 0;
    let next = 0;
    let failed = false;
    const input = createReadStream(file, { highWaterMark: options.chunkBytes ?? 1 << 20 });
    const decode = new Transform({
      readableObjectMode: true,
      transform(chunk: Buffer, _encoding, done) {
        const at = bytes;
        hash.update(chunk);
        bytes += chunk.length;
        let text: string;
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          done(new NotUtf8Error(at));
          return;
        }
        if (text) this.push(text);
        done();
      },
      flush(done) {
        try {
          const tail = decoder.decode();
          if (tail) this.push(tail);
          done();
        } catch {
          done(new NotUtf8Error(bytes));
        }
      },
    });
    const fail = (err: unknown, parser?: Papa.Parser) => {
      if (failed) return;
      failed = true;
      parser?.abort();
      input.destroy();
      decode.destroy();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    pipeline(input, decode, (err) => {
      if (err) fail(err);
    });
    Papa.parse<string[]>(decode, {
      delimiter: options.delimiter,
      skipEmptyLines: true,
      chunk(results, parser) {
        if (failed) return;
        const firstIndex = next;
        next += results.data.length;
        const problems: RecordProblem[] = [];
        for (const e of results.errors) {
          if (e.type === 'Quotes' && e.row !== undefined) problems.push({ index: firstIndex + e.row, message: e.message });
        }
        let waiting: void | Promise<void>;
        try {
          waiting = options.onChunk({ records: results.data, firstIndex, problems, bytesRead: bytes });
        } catch (err) {
          fail(err, parser);
          return;
        }
        if (waiting) {
          parser.pause();
          waiting.then(
            () => {
              if (!failed) parser.resume();
            },
            (err) => fail(err, parser),
          );
        }
      },
      complete() {
        if (!failed) resolve({ bytes, sha256: hash.digest('hex'), records: next });
      },
      error(err) {
        fail(err);
      },
    });
  });
}

/** Running totals of the data records taken from a file's chunks. */
export interface RecordCounts {
  read: number;
  rejected: number;
}

/**
 * Hand each data record of a chunk (the header, record 0, is skipped) to `take`
 * with its row number, in file order. A record with malformed quotes is logged
 * as an error and rejected without reaching `take`; one `take` refuses (returns
 * false) is counted as rejected. Shared by the import and the bundle scorer so
 * both read a file's records alike.
 */
export function takeDataRecords(
  chunk: RecordChunk,
  counts: RecordCounts,
  issues: IssueSink,
  take: (fields: string[], row: number) => boolean,
): void {
  const { records, firstIndex, problems } = chunk;
  // As before the worker: a row with several quote problems reports the last.
  const broken = problems.length === 0 ? null : new Map(problems.map((q) => [q.index, q.message]));
  for (let k = 0; k < records.length; k++) {
    const row = firstIndex + k;
    if (row === 0) continue; // the header, already read from the head
    counts.read++;
    const quoteProblem = broken?.get(row);
    if (quoteProblem !== undefined) {
      issues.add(row, null, 'error', `malformed quotes: ${quoteProblem}`);
      counts.rejected++;
      continue;
    }
    if (!take(records[k], row)) counts.rejected++;
  }
}
