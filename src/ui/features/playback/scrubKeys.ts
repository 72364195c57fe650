/**
 * Keys on the scrubber, handled by hand so they move by a share of the run whatever its
 * length (a native range with step="any" would move by 1 ms): arrows 1 %, Page Up/Down
 * 10 %, Home and End to the ends. Returns null for any other key.
 */
export function scrubKeyTarget(key: string, currentMs: number, maximumMs: number): number | null {
  const small = maximumMs / 100;
  const large = maximumMs / 10;
  const clamp = (ms: number): number => Math.min(maximumMs, Math.max(0, ms));
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(currentMs - small);
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(currentMs + small);
    case 'PageDown':
      return clamp(currentMs - large);
    case 'PageUp':
      return clamp(currentMs + large);
    case 'Home':
      return 0;
    case 'End':
      return maximumMs;
    default:
      return null;
  }
}
