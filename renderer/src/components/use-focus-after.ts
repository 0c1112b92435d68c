import { useEffect, useRef } from 'react';

/**
 * Focus whatever `target()` returns each time `key` changes (not on first render).
 * Used when the control that was focused goes away (a button replaced by a
 * progress bar, a finished run) so keyboard users are not dropped to the page top.
 */
export function useFocusAfter(key: unknown, target: () => HTMLElement | null | undefined): void {
  const first = useRef(true);
  const pick = useRef(target);
  pick.current = target;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    pick.current()?.focus();
  }, [key]);
}
