import { isOperationName, operations, type OperationName } from '../core/api/index.ts';
import { REQUEST_ID_PATTERN } from './ipc.ts';

/** A call from the renderer that passed every check: safe to hand to the core process. */
export interface ValidCall {
  name: OperationName;
  input: unknown;
  requestId: string;
}

/** Why a call was refused before reaching the core; the message names the argument or field. */
export class CallRejected extends Error {
  override name = 'CallRejected';
}

/** Check a renderer-supplied request id (used for call and cancel). */
export function checkRequestId(requestId: unknown): string {
  if (typeof requestId !== 'string' || !REQUEST_ID_PATTERN.test(requestId)) {
    throw new CallRejected(`invalid request id: use 1 to 100 letters, digits, '-' or '_' (got ${describeValue(requestId)})`);
  }
  return requestId;
}

/**
 * Check all three arguments of IPC.call in main, against the operation map's
 * own input schema, so a malformed call never reaches the core process. The
 * message has the form the core's dispatch uses: "<name>: invalid <field>: <zod message>".
 */
export function validateCall(name: unknown, input: unknown, requestId: unknown): ValidCall {
  if (typeof name !== 'string' || !isOperationName(name)) throw new CallRejected(`unknown operation ${describeValue(name)}`);
  const id = checkRequestId(requestId);
  const parsed = operations[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first.path.length ? first.path.join('.') : 'input';
    throw new CallRejected(`${name}: invalid ${where}: ${first.message}`);
  }
  // The raw input goes on: the core validates it again and fills in its defaults itself.
  return { name, input: input ?? {}, requestId: id };
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 60)}...` : value}'`;
  return value === null ? 'null' : typeof value;
}
