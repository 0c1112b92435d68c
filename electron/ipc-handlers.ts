import { CallRejected, checkRequestId, validateCall } from './call-validation.ts';
import type { CoreRelay } from './core-relay.ts';
import { IPC, type CallResult, type RequestProgress } from './ipc.ts';
import { assertFromApp, type InvokeEvent, type IsOurContents, type SenderContents } from './sender-check.ts';

/** The part of Electron's ipcMain the handlers use. */
/** What a file dialog looks for. */
export type FileKind = 'extract' | 'bundle';

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** What the IPC handlers need from main (parameters, so tests need no Electron). */
export interface IpcDeps {
  ipcMain: IpcMainLike;
  relay: Pick<CoreRelay, 'call' | 'cancel'>;
  isOurContents: IsOurContents;
  /** The native open-file dialog for the window of `sender`. */
  pickFile(sender: SenderContents, kind: FileKind): Promise<string | null>;
}

const refusal = (err: unknown): CallResult => ({ ok: false, error: { message: (err as Error).message } });

/**
 * Wire the channels of ipc.ts: every handler first checks the sender
 * (sender-check.ts) and then every argument, and only then reaches the core
 * process. Returns the function that cancels running calls and removes the handlers.
 */
export function registerIpc(deps: IpcDeps): () => void {
  // Renderer request ids are per window; the relay's ids are global.
  const running = new Map<string, number>();
  const watched = new Set<number>();
  const keyOf = (sender: SenderContents, requestId: string) => `${sender.id}/${requestId}`;

  // A window that goes away cancels what it started.
  const watch = (sender: SenderContents): void => {
    if (watched.has(sender.id)) return;
    watched.add(sender.id);
    sender.once('destroyed', () => {
      watched.delete(sender.id);
      const prefix = `${sender.id}/`;
      for (const [key, id] of running) if (key.startsWith(prefix)) deps.relay.cancel(id);
    });
  };

  deps.ipcMain.handle(IPC.call, async (event, name, input, requestId, ...extra): Promise<CallResult> => {
    const sender = assertFromApp(event, deps.isOurContents);
    let call;
    try {
      if (extra.length > 0) throw new CallRejected(`call takes 3 arguments (name, input, request id), got ${3 + extra.length}`);
      call = validateCall(name, input, requestId);
    } catch (err) {
      if (err instanceof CallRejected) return refusal(err);
      throw err;
    }
    const key = keyOf(sender, call.requestId);
    if (running.has(key)) return refusal(new Error(`request id '${call.requestId}' is already running`));
    watch(sender);
    const { requestId: rid } = call;
    const started = deps.relay.call(call.name, call.input, (progress) => {
      if (sender.isDestroyed()) return;
      const tagged: RequestProgress = { ...progress, requestId: rid };
      sender.send(IPC.progress, tagged);
    });
    running.set(key, started.id);
    try {
      return { ok: true, result: await started.result };
    } catch (err) {
      return refusal(err);
    } finally {
      running.delete(key);
    }
  });

  deps.ipcMain.handle(IPC.cancel, (event, requestId, ...extra): boolean => {
    const sender = assertFromApp(event, deps.isOurContents);
    if (extra.length > 0) throw new CallRejected(`cancel takes 1 argument (request id), got ${1 + extra.length}`);
    const id = running.get(keyOf(sender, checkRequestId(requestId)));
    return id !== undefined && deps.relay.cancel(id);
  });

  deps.ipcMain.handle(IPC.pickFile, (event, kind: unknown = 'extract', ...extra): Promise<string | null> => {
    const sender = assertFromApp(event, deps.isOurContents);
    if (extra.length > 0) throw new CallRejected(`pickFile takes at most 1 argument (extract or bundle), got ${1 + extra.length}`);
    if (kind !== 'extract' && kind !== 'bundle') throw new CallRejected(`pickFile kind must be extract or bundle, got ${JSON.stringify(kind)}`);
    return deps.pickFile(sender, kind);
  });

  return () => {
    for (const id of running.values()) deps.relay.cancel(id);
    running.clear();
    deps.ipcMain.removeHandler(IPC.call);
    deps.ipcMain.removeHandler(IPC.cancel);
    deps.ipcMain.removeHandler(IPC.pickFile);
  };
}
