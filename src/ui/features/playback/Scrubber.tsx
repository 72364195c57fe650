/**
 * The scrubber: the whole run from 0 to the furthest virtual time reached on this timeline.
 * Dragging seeks through a SeekThrottle (one seek in flight; the latest target wins), and
 * the target shows while the run catches up. Behind the furthest point, the run is "in the
 * past": acting there forks the timeline, and the scrubber then ends at the fork.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useLab, useLabController } from '../../store/LabContext';
import { selectTimeMs } from '../../store/selectors';
import { formatTime } from '../../controller/labController';
import { SeekThrottle } from './seekThrottle';
import { scrubKeyTarget } from './scrubKeys';

export function Scrubber() {
  const controller = useLabController();
  const timeMs = useLab(selectTimeMs);
  const furthestTimeMs = useLab((state) => state.furthestTimeMs);
  const ready = useLab((state) => state.status === 'ready' && state.frame !== null);
  const [target, setTarget] = useState<number | null>(null);
  const throttle = useMemo(() => new SeekThrottle((ms) => controller.seek(ms), setTarget), [controller]);
  useEffect(() => () => setTarget(null), [throttle]);

  const current = timeMs ?? 0;
  const maximum = Math.max(furthestTimeMs, current);
  const shown = target ?? current;
  const behind = current < furthestTimeMs;

  const seekTo = (ms: number): void => {
    controller.pause();
    throttle.request(Math.round(Math.min(maximum, Math.max(0, ms)) * 1000) / 1000);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const next = scrubKeyTarget(event.key, shown, maximum);
    if (next === null || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    seekTo(next);
  };

  return (
    <div className="scrubber" data-behind={behind}>
      <input
        type="range"
        className="scrubber__input"
        data-testid="scrubber"
        data-furthest-ms={furthestTimeMs}
        aria-label="Run position (virtual time)"
        aria-valuetext={`${formatTime(shown)} of ${formatTime(maximum)}`}
        min={0}
        max={maximum}
        step="any"
        value={shown}
        disabled={!ready}
        onPointerDown={() => controller.pause()}
        onChange={(event) => seekTo(Number(event.target.value))}
        onKeyDown={onKeyDown}
        style={{ ['--scrub-fraction' as string]: maximum > 0 ? String(current / maximum) : '0' }}
      />
      <div className="scrubber__labels">
        <span>0 s</span>
        <span className="scrubber__status" data-testid="scrub-status" aria-live="off">
          {target !== null ? `seeking → ${formatTime(target)}` : behind ? 'viewing the past: acting here forks the run' : ''}
        </span>
        <span data-testid="scrub-end">{formatTime(maximum)}</span>
      </div>
    </div>
  );
}
