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

/** True inside the Electron shell, false in a browser. */
export function isElectron(): boolean {
  return electronBridge() !== undefined;
}

/** Run one operation of the core: through Electron IPC when present, else the browser host. */
export async function call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
  const bridge = electronBridge();
  if (bridge) {
    try {
      return (await bridge.call(name, input)) as OperationOutput<N>;
    } catch (err) {
      // Electron prefixes errors crossing IPC; the analyst needs only the core's message.
      throw new ApiError(String((err as Error).message).replace(/^Error invoking remote method '[^']+': (\w*Error: )?/, ''));
    }
  }
  return postJson<OperationOutput<N>>(`api/${name}`, JSON.stringify(input ?? {}), 'application/json');
}

/** Browser mode: send a chosen file to the host, which keeps it in a temp folder; returns its path there. */
export async function uploadFile(file: File): Promise<string> {
  const result = await postJson<{ file: string }>(`api/upload?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream');
  return result.file;
}

/** Electron mode: the native open-file dialog; null when cancelled. */
export async function pickFile(): Promise<string | null> {
  const bridge = electronBridge();
  if (!bridge) throw new ApiError('the file dialog exists only in the desktop app');
  return bridge.pickFile();
}

/** Follow progress of long operations; returns the function that stops listening. */
export function onProgress(listener: (event: ProgressEvent) => void): () => void {
  const bridge = electronBridge();
  if (bridge) return bridge.onProgress(listener);
  const token = apiToken();
  if (!token || typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource(`api/events?token=${encodeURIComponent(token)}`);
  source.addEventListener('progress', (e) => listener(JSON.parse((e as MessageEvent<string>).data) as ProgressEvent));
  return () => source.close();
}

async function postJson<T>(path: string, body: BodyInit, type: string): Promise<T> {
  const token = apiToken();
  if (!token) throw new ApiError('this page was opened without its access token: open the address printed by `attend serve`');
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', body, headers: { 'content-type': type, 'x-attend-token': token } });
  } catch (err) {
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
