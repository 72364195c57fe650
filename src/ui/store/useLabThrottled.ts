/**
 * A selection from the lab store that follows the store at most once per `intervalMs`
 * (leading and trailing: the first change after a quiet spell shows at once, the last one
 * always arrives); with an interval of 0 it follows at once.
 *
 * Why not useThrottledValue on a useLab selection: there the component re-renders on every
 * frame only to learn that the throttled value has not moved. Here the throttle sits on the
 * store subscription, so a component that reads only throttled selections renders when they
 * change and not otherwise (the space-time panel: twice a second while playing, not sixty
 * times).
 *
 * `select` and `same` must be stable (module-level functions): a new one restarts the
 * subscription.
 */
import { useEffect, useRef, useState } from 'react';
import { useLabStore } from './LabContext';
import type { LabState } from './labStore';

export function useLabThrottled<Selected>(select: (state: LabState) => Selected, same: (previous: Selected, next: Selected) => boolean, intervalMs: number): Selected {
  const store = useLabStore();
  const [shown, setShown] = useState(() => select(store.getState()));
  const shownRef = useRef(shown);

  useEffect(() => {
    let shownAtMs = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = (): void => {
      timer = null;
      shownAtMs = performance.now();
      const next = select(store.getState());
      if (same(shownRef.current, next)) return;
      shownRef.current = next;
      setShown(() => next);
    };
    const follow = (): void => {
      // A trailing update is already due; it will read the store as it is then.
      if (timer !== null) return;
      if (same(shownRef.current, select(store.getState()))) return;
      const waitMs = shownAtMs + intervalMs - performance.now();
      if (waitMs <= 0) show();
      else timer = setTimeout(show, waitMs);
    };
    // Whatever changed between the render and this subscription.
    follow();
    const unsubscribe = store.subscribe(follow);
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, select, same, intervalMs]);

  return shown;
}
