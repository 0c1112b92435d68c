import type { ExtractField, MappingFile } from '../../../core/api/index.ts';
import { mappingJson, parseMappingFile } from './mapping-file.ts';
import { isDetectionOnly } from './mapping-form.ts';

/** The part of Web Storage the memory uses (localStorage in the app, a stand-in in tests). */
export type MappingStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'attend.mapping:';

/**
 * The storage key of a set of headers: the sorted list, so the same extract
 * layout finds its mapping again whatever order its columns come in.
 */
export function headerSetKey(headers: readonly string[]): string {
  return PREFIX + JSON.stringify([...headers].sort());
}

/** The mapping last used with these headers, or null; an unreadable entry is dropped. */
export function recallMapping(store: MappingStore | null, headers: readonly string[]): MappingFile | null {
  if (!store) return null;
  const key = headerSetKey(headers);
  try {
    const text = store.getItem(key);
    if (text === null) return null;
    try {
      return parseMappingFile(text, 'remembered mapping');
    } catch {
      store.removeItem(key);
      return null;
    }
  } catch {
    // Storage switched off or full: the app works, only without memory.
    return null;
  }
}

/** Remember a mapping for these headers; quietly does nothing where storage is unavailable. */
export function rememberMapping(store: MappingStore | null, headers: readonly string[], mapping: MappingFile): void {
  try {
    store?.setItem(headerSetKey(headers), mappingJson(mapping));
  } catch {
    // As above: memory is a convenience, never a reason to fail an import.
  }
}

/** Forget the mapping remembered for these headers. */
export function forgetMapping(store: MappingStore | null, headers: readonly string[]): void {
  try {
    store?.removeItem(headerSetKey(headers));
  } catch {
    // As above.
  }
}

/**
 * Remember a mapping the analyst used for these headers when it says more than
 * detection does; one that detection alone reproduces is forgotten instead, so
 * extracts with recognised headers open as detected, without a remembered-mapping note.
 */
export function keepMapping(store: MappingStore | null, headers: readonly string[], mapping: MappingFile, detected: Partial<Record<ExtractField, string>>): void {
  if (isDetectionOnly(mapping, detected)) forgetMapping(store, headers);
  else rememberMapping(store, headers, mapping);
}

/** The browser's localStorage, or null where reading it throws (storage disabled). */
export function browserStore(): MappingStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
