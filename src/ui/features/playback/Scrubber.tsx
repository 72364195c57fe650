/**
 * The scrubber: the whole run from 0 to the furthest virtual time reached on this timeline.
 * Dragging seeks through a SeekThrottle (one seek in flight; the latest target wins), and
 * the target shows while the run catches up. Behind the furthest point, the run is "in the
 * past": acting there forks the timeline, and the scrubber then ends at the fork.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useLab, useLabController, useLabStore } from '../../store/LabContext';
import type { LabState } from '../../store/labStore';
import { selectPlaying, selectTimeMs } from '../../store/selectors';
import { useLabThrottled } from '../../store/useLabThrottled';
import { PLAYING_READOUT_INTERVAL_MS } from './playingReadout';
import { formatTime } from '../../controller/labController';
import { SeekThrottle } from './seekThrottle';
import { scrubKeyTarget } from './scrubKeys';

interface ScrubPosition {
  timeMs: number | null;
  furthestTimeMs: number;
}

function selectScrubPosition(state: LabState): ScrubPosition {
  return { timeMs: selectTimeMs(state), furthestTimeMs: state.furthestTimeMs };
}

function sameScrubPosition(previous: ScrubPosition, next: ScrubPosition): boolean {
  return previous.timeMs === next.timeMs && previous.furthestTimeMs === next.furthestTimeMs;
}

/** While playing, the scrubber moves ten times a second, as the readouts do (playingReadout.ts). */
export function Scrubber() {
  const controller = useLabController();
  const store = useLabStore();
  const playing = useLab(selectPlaying);
  const { timeMs, furthestTimeMs } = useLabThrottled(selectScrubPosition, sameScrubPosition, playing ? PLAYING_READOUT_INTERVAL_MS : 0);
  const ready = useLab((state) => state.status === 'ready' && state.frame !== null);
  const [target, setTarget] = useState<number | null>(null);
  const throttle = useMemo(() => new SeekThrottle((ms) => controller.seek(ms), setTarget), [controller]);
  useEffect(() => () => setTarget(null), [throttle]);

  const current = timeMs ?? 0;
  const maximum = Math.max(furthestTimeMs, current);
  const shown = target ?? current;
  const behind = current < furthestTimeMs;

  // Seeks start from where the run is now, not from the position last shown (up to 100 ms old while playing).
  const live = (): { current: number; maximum: number } => {
    const { timeMs: liveTimeMs, furthestTimeMs: liveFurthestMs } = selectScrubPosition(store.getState());
    return { current: liveTimeMs ?? 0, maximum: Math.max(liveFurthestMs, liveTimeMs ?? 0) };
  };
  const seekTo = (ms: number): void => {
    controller.pause();
    throttle.request(Math.round(Math.min(live().maximum, Math.max(0, ms)) * 1000) / 1000);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const { current: liveCurrent, maximum: liveMaximum } = live();
    const next = scrubKeyTarget(event.key, target ?? liveCurrent, liveMaximum);
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
