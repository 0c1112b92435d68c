import { useEffect, useRef, useState } from 'react';
import { onProgress } from './client.ts';

/** Latest progress of one configuration of a comparison. */
export interface RunProgress {
  name: string;
  stage: string;
  done: number;
  total: number;
}

/**
 * Per-configuration progress of a running `train.compare` (events with stage
 * `run:<stage>` and the configuration's name as message), in first-seen order.
 */
export function useRunProgress(active: boolean): RunProgress[] {
  const [runs, setRuns] = useState<RunProgress[]>([]);
  const activeRef = useRef(active);
  useEffect(() => {
    activeRef.current = active;
    if (active) setRuns([]);
  }, [active]);
  useEffect(
    () =>
      onProgress((e) => {
        if (!activeRef.current || e.operation !== 'train.compare' || !e.stage.startsWith('run:') || !e.message) return;
        const next: RunProgress = { name: e.message, stage: e.stage.slice(4), done: e.done, total: e.total ?? 0 };
        setRuns((old) => {
          const at = old.findIndex((r) => r.name === next.name);
          if (at < 0) return [...old, next];
          const copy = old.slice();
          copy[at] = next;
          return copy;
        });
      }),
    [],
  );
  return active ? runs : [];
}
