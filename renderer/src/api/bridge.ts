import type { ProgressEvent } from '../../../core/api/index.ts';

/**
 * What Electron's preload exposes as window.attend (see electron/preload.ts).
 * Declared here too because the renderer may import nothing but core/api types.
 */
export interface AttendBridge {
  call(name: string, input: unknown): Promise<unknown>;
  pickFile(): Promise<string | null>;
  onProgress(listener: (event: ProgressEvent) => void): () => void;
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
