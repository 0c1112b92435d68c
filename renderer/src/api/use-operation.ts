import { useEffect, useState } from 'react';
import type { OperationInput, OperationName, OperationOutput } from '../../../core/api/index.ts';
import { call } from './client.ts';

/** State of one operation call made for a screen. */
export type Loaded<T> = { state: 'idle' } | { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; error: string };

/**
 * Call an operation whenever key changes (null key: do not call). Answers to
 * superseded calls are dropped, so a slow old profile never overwrites a new one.
 */
export function useOperation<N extends OperationName>(name: N, input: OperationInput<N> | null, key: string | null): Loaded<OperationOutput<N>> {
  const [loaded, setLoaded] = useState<Loaded<OperationOutput<N>>>({ state: 'idle' });
  useEffect(() => {
    if (key === null || input === null) {
      setLoaded({ state: 'idle' });
      return;
    }
    let current = true;
    setLoaded({ state: 'loading' });
    call(name, input).then(
      (value) => current && setLoaded({ state: 'done', value }),
      (err: unknown) => current && setLoaded({ state: 'failed', error: (err as Error).message }),
    );
    return () => {
      current = false;
    };
    // The key stands for the input, which callers rebuild on every render.
  }, [name, key]);
  return loaded;
}
