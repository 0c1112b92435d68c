import type { z } from 'zod';
import type { Workspace } from '../workspace/index.ts';

/** A progress report from a long operation. */
export interface ProgressEvent {
  operation: string;
  stage: string;
  done: number;
  total?: number;
  message?: string;
}

/** What a host gives every operation: the workspace, a progress sink, cancellation. */
export interface OperationContext {
  /** The workspace this host works on; opened on first use. */
  workspace(): Promise<Workspace>;
  progress(event: Omit<ProgressEvent, 'operation'>): void;
  signal: AbortSignal;
}

/** One entry of the operation map: an input schema and its handler. */
export interface Operation<S extends z.ZodType, O> {
  input: S;
  /** Long operations run off the UI thread and report progress. */
  long?: boolean;
  handler(input: z.output<S>, ctx: OperationContext): Promise<O>;
}

/** Helper that keeps the input type of the handler tied to its schema. */
export function defineOperation<S extends z.ZodType, O>(op: Operation<S, O>): Operation<S, O> {
  return op;
}

/** A bad request: the message names the field. Hosts turn it into 400 / exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}
