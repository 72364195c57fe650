/**
 * A value that follows its source at most once per `intervalMs` (leading and trailing: the
 * first change shows at once, the last one always arrives). With intervalMs 0 it follows
 * at once. The charts panel redraws its series on each new one, so during playback it
 * gets new samples a few times per second, not sixty. (The component still renders on
 * every change of `value`; useLabThrottled avoids even that.)
 */
import { useEffect, useRef, useState } from 'react';

export function useThrottledValue<Value>(value: Value, intervalMs: number): Value {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(0);
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    if (Object.is(value, shown)) return;
    const elapsed = performance.now() - lastShownAt.current;
    const wait = intervalMs <= 0 ? 0 : Math.max(0, intervalMs - elapsed);
    const show = (): void => {
      lastShownAt.current = performance.now();
      setShown(() => latest.current);
    };
    if (wait === 0) {
      show();
      return;
    }
    const handle = window.setTimeout(show, wait);
    return () => window.clearTimeout(handle);
  }, [value, shown, intervalMs]);

  return intervalMs <= 0 ? value : shown;
}
