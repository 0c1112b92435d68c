/**
 * Every IPC channel between the preload and main, in one list: nothing else is
 * handled or sent, so this file is the whole attack surface of the bridge.
 */
export const IPC = {
  /** invoke(name, input) -> CallResult: run one operation of core/api. */
  call: 'attend:call',
  /** invoke() -> string | null: the native open-file dialog. */
  pickFile: 'attend:pick-file',
  /** main -> renderer: ProgressEvent of a long operation. */
  progress: 'attend:progress',
} as const;

/** What main answers to IPC.call: errors travel as data so their message arrives unchanged. */
export type CallResult = { ok: true; result: unknown } | { ok: false; error: { message: string } };
