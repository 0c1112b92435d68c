import { useEffect, useRef, useState } from 'react';
import type { ProgressEvent } from '../../../core/api/index.ts';
import { onProgress } from './client.ts';

/**
 * The latest progress event of the named operations while `active` (null before
 * the first). The feed is followed for as long as the screen is open, so the first
 * events of an operation are not lost while a connection opens.
 */
export function useProgress(operations: readonly string[], active: boolean, accept: (e: ProgressEvent) => boolean = () => true): ProgressEvent | null {
  const [event, setEvent] = useState<ProgressEvent | null>(null);
  const activeRef = useRef(active);
  const names = useRef(operations);
  names.current = operations;
  const accepts = useRef(accept);
  accepts.current = accept;
  useEffect(() => {
    activeRef.current = active;
    if (active) setEvent(null);
  }, [active]);
  useEffect(
    () =>
      onProgress((e) => {
        if (activeRef.current && names.current.includes(e.operation) && accepts.current(e)) setEvent(e);
      }),
    [],
  );
  return active ? event : null;
}
