import type { ProgressEvent } from '../../../core/api/index.ts';

/** A progress event as Electron delivers it: tagged with the request it belongs to. */
export type BridgeProgress = ProgressEvent & { requestId: string };

/**
 * What Electron's preload exposes as window.attend (see electron/preload.ts).
 * Declared here too because the renderer may import nothing but core/api types.
 */
export interface AttendBridge {
  /** requestId (1 to 100 letters, digits, '-' or '_') lets cancel() stop this call. */
  call(name: string, input: unknown, requestId?: string): Promise<unknown>;
  /** Cancel a call of this window by its request id; false when it was not running. */
  cancel(requestId: string): Promise<boolean>;
  /** The native open-file dialog; null when cancelled. */
  pickFile(kind?: 'extract' | 'bundle'): Promise<string | null>;
  /** Progress of this window's long operations; returns the function that stops listening. */
  onProgress(listener: (event: BridgeProgress) => void): () => void;
}

declare global {
  interface Window {
    attend?: AttendBridge;
  }
}

/** The Electron bridge, or undefined in a browser. */
export function electronBridge(): AttendBridge | undefined {
  return typeof window !== 'undefined' ? window.attend : undefined;
}
