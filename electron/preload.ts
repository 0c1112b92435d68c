import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ProgressEvent } from '../core/api/index.ts';
import { IPC, type CallResult } from './ipc.ts';

// Only these named functions reach the page (as window.attend); never ipcRenderer itself.
// The renderer declares the same shape in renderer/src/api/bridge.ts.
const attend = {
  /** Run one operation of core/api; rejects with the core's message. */
  async call(name: string, input: unknown): Promise<unknown> {
    if (typeof name !== 'string') throw new Error('operation name must be a string');
    const answer = (await ipcRenderer.invoke(IPC.call, name, input)) as CallResult;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.result;
  },
  /** The native open-file dialog; null when cancelled. */
  pickFile(): Promise<string | null> {
    return ipcRenderer.invoke(IPC.pickFile) as Promise<string | null>;
  },
  /** Progress of long operations; returns the function that stops listening. */
  onProgress(listener: (event: ProgressEvent) => void): () => void {
    const handler = (_e: IpcRendererEvent, event: ProgressEvent) => listener(event);
    ipcRenderer.on(IPC.progress, handler);
    return () => {
      ipcRenderer.removeListener(IPC.progress, handler);
    };
  },
};

contextBridge.exposeInMainWorld('attend', attend);
