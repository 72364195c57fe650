/**
 * The playback bar: the scrubber over the whole run, the transport buttons, the speed, and
 * the run's vital signs (virtual time, event count, trace hash). The data-testid attributes
 * are a stable contract with the end-to-end tests (and the time carries its exact value in
 * data-time-ms, because the visible text is rounded).
 */
import { useLab } from '../../store/LabContext';
import type { LabState } from '../../store/labStore';
import { selectPlaying, selectTimeMs } from '../../store/selectors';
import { useLabThrottled } from '../../store/useLabThrottled';
import { formatTime } from '../../controller/labController';
import { PLAYING_READOUT_INTERVAL_MS } from './playingReadout';
import { PlaybackButtons } from './PlaybackButtons';
import { Scrubber } from './Scrubber';
import { SpeedControl } from './SpeedControl';
import './playback.css';

export function PlaybackBar() {
  return (
    <div className="playback" role="group" aria-label="Playback">
      <Scrubber />
      <PlaybackButtons />
      <SpeedControl />
      <RunReadout />
    </div>
  );
}

interface Readout {
  timeMs: number | null;
  eventIndex: number | null;
  traceHash: string | null;
}

function selectReadout(state: LabState): Readout {
  return { timeMs: state.frame?.timeMs ?? null, eventIndex: state.frame?.eventIndex ?? null, traceHash: state.frame?.traceHash ?? null };
}

function sameReadout(previous: Readout, next: Readout): boolean {
  return previous.timeMs === next.timeMs && previous.eventIndex === next.eventIndex && previous.traceHash === next.traceHash;
}

/** The run's vital signs, shown ten times a second while playing (playingReadout.ts); the exact time is in data-time-ms on every frame. */
function RunReadout() {
  const exactTimeMs = useLab(selectTimeMs);
  const playing = useLab(selectPlaying);
  const { timeMs, eventIndex, traceHash } = useLabThrottled(selectReadout, sameReadout, playing ? PLAYING_READOUT_INTERVAL_MS : 0);
  return (
    <dl className="readout">
      <div className="readout__item">
        <dt>Virtual time</dt>
        <dd data-testid="virtual-time" data-time-ms={exactTimeMs ?? ''}>
          {timeMs === null ? '—' : formatTime(timeMs)}
        </dd>
      </div>
      <div className="readout__item">
        <dt>Events</dt>
        <dd data-testid="event-count">{eventIndex ?? '—'}</dd>
      </div>
      <div className="readout__item">
        <dt>Trace hash</dt>
        <dd className="readout__hash" data-testid="trace-hash" title="A fingerprint of every event so far: equal hashes mean equal runs.">
          {traceHash ?? '—'}
        </dd>
      </div>
    </dl>
  );
}
