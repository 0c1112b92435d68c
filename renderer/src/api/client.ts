import type { OperationInput, OperationName, OperationOutput, ProgressEvent } from '../../../core/api/index.ts';
import { electronBridge } from './bridge.ts';
import { apiToken } from './token.ts';

/** An operation failed; message is the core's own (it names the field or row). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Envelope<T> = { ok: true; result: T } | { ok: false; error: { message: string } };

let nextRequest = 0;
// A prefix per page load, so a reloaded window never reuses the id of a call still running from before.
// Ids stay within the bridge's /^[A-Za-z0-9_-]{1,100}$/.
const PAGE_ID = Math.random().toString(36).slice(2, 10) || 'p';

/** True inside the Electron shell, false in a browser. */
export function isElectron(): boolean {
  return electronBridge() !== undefined;
}

/** Run one operation of the core: through Electron IPC when present, else the browser host. */
export async function call<N extends OperationName>(name: N, input: OperationInput<N>, options: { signal?: AbortSignal } = {}): Promise<OperationOutput<N>> {
  const bridge = electronBridge();
  if (bridge) {
    const requestId = `ui-${PAGE_ID}-${(nextRequest += 1)}`;
    const cancel = () => void bridge.cancel(requestId).catch(() => false);
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      return (await bridge.call(name, input, requestId)) as OperationOutput<N>;
    } catch (err) {
      if (options.signal?.aborted) throw new ApiError('cancelled');
      // Electron prefixes errors crossing IPC; the analyst needs only the core's message.
      throw new ApiError(String((err as Error).message).replace(/^Error invoking remote method '[^']+': (\w*Error: )?/, ''));
    } finally {
      options.signal?.removeEventListener('abort', cancel);
    }
  }
  return postJson<OperationOutput<N>>(`api/${name}`, JSON.stringify(input ?? {}), 'application/json', options.signal);
}

/** Whether a call can be cancelled: closing the request does it in a browser, the bridge's cancel in Electron (absent from an older preload). */
export function canCancel(): boolean {
  const bridge = electronBridge();
  return !bridge || typeof bridge.cancel === 'function';
}

/**
 * Hand text to the user as a file download (a Blob behind an <a download>): the
 * browser's own download, or Electron's save dialog. Nothing is written by the host.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once click() returns; revoke a little later for slow engines.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Browser mode: send a chosen file to the host, which keeps it in a temp folder; returns its path there. */
export async function uploadFile(file: File): Promise<string> {
  const result = await postJson<{ file: string }>(`api/upload?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream');
  return result.file;
}

/** Electron mode: the native open-file dialog; null when cancelled. */
export async function pickFile(kind: 'extract' | 'bundle' = 'extract'): Promise<string | null> {
  const bridge = electronBridge();
  if (!bridge) throw new ApiError('the file dialog exists only in the desktop app');
  return bridge.pickFile(kind);
}

const listeners = new Set<(event: ProgressEvent) => void>();
let source: EventSource | null = null;

/**
 * Follow progress of long operations; returns the function that stops listening.
 * In a browser one event stream serves every listener and stays open for the
 * page's life, so screens coming and going never open or abort connections.
 */
export function onProgress(listener: (event: ProgressEvent) => void): () => void {
  const bridge = electronBridge();
  // Electron tags each event with its request id; screens follow operations by name, as in a browser.
  if (bridge) return bridge.onProgress((event) => listener(event));
  const token = apiToken();
  if (!token || typeof EventSource === 'undefined') return () => undefined;
  listeners.add(listener);
  if (!source) {
    source = new EventSource(`api/events?token=${encodeURIComponent(token)}`);
    source.addEventListener('progress', (e) => {
      const event = JSON.parse((e as MessageEvent<string>).data) as ProgressEvent;
      for (const l of listeners) l(event);
    });
  }
  return () => {
    listeners.delete(listener);
  };
}

async function postJson<T>(path: string, body: BodyInit, type: string, signal?: AbortSignal): Promise<T> {
  const token = apiToken();
  if (!token) throw new ApiError('this page was opened without its access token: open the address printed by `attend serve`');
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', body, signal, headers: { 'content-type': type, 'x-attend-token': token } });
  } catch (err) {
    if (signal?.aborted) throw new ApiError('cancelled');
    throw new ApiError(`cannot reach the Attend host (is \`attend serve\` still running?): ${(err as Error).message}`);
  }
  let envelope: Envelope<T>;
  try {
    envelope = (await response.json()) as Envelope<T>;
  } catch {
    throw new ApiError(`the host answered ${response.status} without a readable body`, response.status);
  }
  if (!envelope.ok) throw new ApiError(envelope.error.message, response.status);
  return envelope.result;
}
