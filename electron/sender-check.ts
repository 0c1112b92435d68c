import { isAppUrl } from './app-url.ts';

/** The part of a WebContents the IPC handlers use. */
export interface SenderContents {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** The part of an IpcMainInvokeEvent the IPC handlers use. */
export interface InvokeEvent {
  sender: SenderContents;
  /** Null once the frame has navigated away or been destroyed. */
  senderFrame: { url: string; parent: unknown } | null;
}

/** Tells whether a WebContents is the one of our own window. */
export type IsOurContents = (contents: SenderContents) => boolean;

/** Thrown when IPC comes from anything but our window's top frame on app://. */
export class SenderRefused extends Error {
  override name = 'SenderRefused';
}

/**
 * Refuse IPC unless it comes from our window, from its top frame, on an
 * app://attend page. Returns the sender for replies.
 */
export function assertFromApp(event: InvokeEvent, isOurContents: IsOurContents): SenderContents {
  const frame = event.senderFrame;
  if (!frame) throw new SenderRefused('IPC refused: the sending frame is gone');
  if (!isAppUrl(frame.url)) throw new SenderRefused(`IPC refused from ${frame.url || 'a page without an address'}: only app://attend pages may call the core`);
  if (frame.parent !== null) throw new SenderRefused(`IPC refused from a subframe (${frame.url}): only the top frame may call the core`);
  if (!isOurContents(event.sender)) throw new SenderRefused('IPC refused: the sender is not the Attend window');
  return event.sender;
}
