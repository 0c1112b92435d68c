import type { ProgressEvent } from '../core/api/index.ts';

/**
 * Messages between the main process and the core process (core-host.ts).
 * Ids are the relay's own numbers, not the renderer's request ids, so two
 * windows can never collide or cancel each other's work.
 */
export type ToCore =
  | { kind: 'call'; id: number; name: string; input: unknown }
  | { kind: 'cancel'; id: number }
  /** Abort everything, close the workspace and exit. */
  | { kind: 'shutdown' };

/** What the core process sends back. */
export type FromCore =
  /** Listening; calls may be sent. */
  | { kind: 'ready' }
  /** Could not start (for example the demo workspace could not be built); the process exits next. */
  | { kind: 'fatal'; message: string }
  | { kind: 'progress'; id: number; event: ProgressEvent }
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; message: string };

/** Environment variables through which main tells the core process what to open. */
export const CORE_ENV = {
  /** The workspace file. */
  workspace: 'ATTEND_CORE_WORKSPACE',
  /** '1': build the demo workspace there first when the file does not exist. */
  demo: 'ATTEND_CORE_DEMO',
} as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

/** The message as a ToCore, or null when it is not one (anything else is ignored by the core). */
export function asToCore(raw: unknown): ToCore | null {
  if (!isRecord(raw)) return null;
  if (raw.kind === 'call' && isId(raw.id) && typeof raw.name === 'string') return { kind: 'call', id: raw.id, name: raw.name, input: raw.input };
  if (raw.kind === 'cancel' && isId(raw.id)) return { kind: 'cancel', id: raw.id };
  if (raw.kind === 'shutdown') return { kind: 'shutdown' };
  return null;
}

/** The message as a FromCore, or null when it is not one. */
export function asFromCore(raw: unknown): FromCore | null {
  if (!isRecord(raw)) return null;
  switch (raw.kind) {
    case 'ready':
      return { kind: 'ready' };
    case 'fatal':
      return typeof raw.message === 'string' ? { kind: 'fatal', message: raw.message } : null;
    case 'progress':
      return isId(raw.id) && isRecord(raw.event) ? { kind: 'progress', id: raw.id, event: raw.event as unknown as ProgressEvent } : null;
    case 'result':
      return isId(raw.id) ? { kind: 'result', id: raw.id, result: raw.result } : null;
    case 'error':
      return isId(raw.id) && typeof raw.message === 'string' ? { kind: 'error', id: raw.id, message: raw.message } : null;
    default:
      return null;
  }
}
