import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, REQUEST_ID_PATTERN, type CallResult, type RequestProgress } from './ipc.ts';

let counter = 0;
/** A request id unique within this page (the renderer may pass its own to be able to cancel). */
function newRequestId(): string {
  counter += 1;
  return `r${Date.now().toString(36)}-${counter}`;
}

// Only these four named functions reach the page (as window.attend); never ipcRenderer itself
// (test/electron/preload.test.ts holds the list).
// The renderer declares the same shape in renderer/src/api/bridge.ts.
const attend = {
  /**
   * Run one operation of core/api; rejects with the core's message (or the
   * validation message naming the field). Pass requestId to be able to cancel it.
   */
  async call(name: string, input: unknown, requestId?: string): Promise<unknown> {
    if (typeof name !== 'string') throw new Error('operation name must be a string');
    if (requestId !== undefined && (typeof requestId !== 'string' || !REQUEST_ID_PATTERN.test(requestId))) {
      throw new Error("request id must be 1 to 100 letters, digits, '-' or '_'");
    }
    const answer = (await ipcRenderer.invoke(IPC.call, name, input, requestId ?? newRequestId())) as CallResult;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.result;
  },
  /** Cancel the call started with this request id; false when it was not running. */
  cancel(requestId: string): Promise<boolean> {
    if (typeof requestId !== 'string') return Promise.reject(new Error('request id must be a string'));
    return ipcRenderer.invoke(IPC.cancel, requestId) as Promise<boolean>;
  },
  /** The native open-file dialog for an extract (default) or a model bundle; null when cancelled. */
  pickFile(kind: 'extract' | 'bundle' = 'extract'): Promise<string | null> {
    return ipcRenderer.invoke(IPC.pickFile, kind) as Promise<string | null>;
  },
  /** Progress of this window's long operations (each tagged with its requestId); returns the function that stops listening. */
  onProgress(listener: (event: RequestProgress) => void): () => void {
    if (typeof listener !== 'function') throw new Error('onProgress needs a function');
    const handler = (_e: IpcRendererEvent, event: RequestProgress) => listener(event);
    ipcRenderer.on(IPC.progress, handler);
    return () => {
      ipcRenderer.removeListener(IPC.progress, handler);
    };
  },
};

contextBridge.exposeInMainWorld('attend', attend);
