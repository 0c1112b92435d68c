import type { ProgressEvent } from '../core/api/index.ts';

/**
 * Every IPC channel between the preload and main, in one list: nothing else is
 * handled or sent, so this file is the whole attack surface of the bridge.
 */
export const IPC = {
  /** invoke(name, input, requestId) -> CallResult: run one operation of core/api. */
  call: 'attend:call',
  /** invoke(requestId) -> boolean: abort a running call of this window (false when none runs under that id). */
  cancel: 'attend:cancel',
  /** invoke() -> string | null: the native open-file dialog. */
  pickFile: 'attend:pick-file',
  /** main -> renderer: RequestProgress of a long operation this window started. */
  progress: 'attend:progress',
} as const;

/** What main answers to IPC.call: errors travel as data so their message arrives unchanged. */
export type CallResult = { ok: true; result: unknown } | { ok: false; error: { message: string } };

/** A progress event as the renderer receives it: tagged with the request it belongs to. */
export type RequestProgress = ProgressEvent & { requestId: string };

/** Request ids are chosen by the renderer: short, plain tokens, so they can key maps and logs safely. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
