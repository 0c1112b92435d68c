import type { ResolvedMapping } from './mapping.ts';
import type { Delimiter, Encoding } from './sniff.ts';
import type { ImportIssue, MappingFile } from './types.ts';

/** What the import worker needs to read, convert and pack a file (its workerData). */
export interface ProducerInput {
  file: string;
  encoding: Encoding;
  strictUtf8: boolean;
  delimiter: Delimiter;
  chunkBytes: number;
  headers: string[];
  resolved: ResolvedMapping;
  mapping: MappingFile;
  /** The workspace's pseudonym key: the worker hashes identifiers itself. */
  key: Uint8Array;
  /** Accepted rows per packed batch. */
  batchRows: number;
  /** Int32 slot 0: messages the main thread has consumed; the worker stays at most `maxAhead` messages ahead. */
  acks: SharedArrayBuffer;
  maxAhead: number;
}

/**
 * Issues and accepted rows of a stretch of the file, in file order. Issues are
 * parallel arrays (all with a row number); `packed` is absent when no row was accepted.
 */
export interface BatchMessage {
  kind: 'batch';
  /** The packed BLOB, the rest of packBatch's parameters (stride, last offset, offsets and widths) and the column fits. */
  packed: PackedMessage | null;
  /** Appointment ids of the packed rows joined by '\n', or the list when an id holds a newline. */
  ids: string | string[];
  /** Row number of each packed row. */
  idRows: Int32Array;
  issueRows: number[];
  issueColumns: (string | null)[];
  issueSeverities: ImportIssue['severity'][];
  issueMessages: string[];
  bytesRead: number;
  rowsRead: number;
}

/** A packed batch as it travels between threads: the BLOB moves, the numbers are copied. */
export interface PackedMessage {
  blob: Uint8Array;
  params: number[];
  /** packBatch's fit of each column. */
  fits: string;
}

/** The whole file was read; sent after the last batch. */
export interface DoneMessage {
  kind: 'done';
  bytes: number;
  sha256: string;
  rowsRead: number;
  rowsRejected: number;
}

/** The worker could not go on; `notUtf8At` marks a strict UTF-8 read that met another encoding. */
export interface FailedMessage {
  kind: 'failed';
  message: string;
  notUtf8At: number | null;
}

/** Everything the import worker posts. */
export type ProducerMessage = BatchMessage | DoneMessage | FailedMessage;
