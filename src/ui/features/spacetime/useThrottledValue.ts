/**
 * A value that follows its source at most once per `intervalMs` (leading and trailing: the
 * first change shows at once, the last one always arrives). With intervalMs 0 it follows
 * at once. The space-time diagram remaps its whole trace on each new one, so during
 * playback it gets a new trace a few times per second, not sixty.
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
