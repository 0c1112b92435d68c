import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatch, isOperationName } from '../core/api/index.ts';
import type { HostSession } from '../core/host/host-session.ts';
import { isAppUrl } from './app-protocol.ts';
import { IPC, type CallResult } from './ipc.ts';

/** Refuse IPC from anything but a top frame of our own app:// pages. */
function assertFromApp(event: IpcMainInvokeEvent): void {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
    throw new Error(`IPC refused from ${frame?.url ?? 'an unknown frame'}`);
  }
}

/**
 * Wire the channels of ipc.ts to the core. Returns a function that cancels
 * running operations and removes the handlers.
 */
export function registerIpc(session: HostSession): () => void {
  const running = new Set<AbortController>();

  ipcMain.handle(IPC.call, async (event, name: unknown, input: unknown): Promise<CallResult> => {
    assertFromApp(event);
    if (typeof name !== 'string' || !isOperationName(name)) {
      return { ok: false, error: { message: `unknown operation '${String(name)}'` } };
    }
    const controller = new AbortController();
    running.add(controller);
    try {
      // Later: hand this to a utility process running the core, so a long
      // import or training run never blocks the main process (see main.ts).
      return { ok: true, result: await dispatch(name, input, session.context(name, controller.signal)) };
    } catch (err) {
      return { ok: false, error: { message: (err as Error).message } };
    } finally {
      running.delete(controller);
    }
  });

  ipcMain.handle(IPC.pickFile, async (event): Promise<string | null> => {
    assertFromApp(event);
    const win = BrowserWindow.fromWebContents(event.sender);
    const options = {
      title: 'Choose an appointment extract',
      properties: ['openFile' as const],
      filters: [
        { name: 'Extracts', extensions: ['csv', 'txt', 'tsv', 'psv'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  });

  const offProgress = session.onProgress((e) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed() && isAppUrl(win.webContents.getURL())) win.webContents.send(IPC.progress, e);
    }
  });

  return () => {
    for (const c of running) c.abort(new Error('the app is closing'));
    offProgress();
    ipcMain.removeHandler(IPC.call);
    ipcMain.removeHandler(IPC.pickFile);
  };
}
