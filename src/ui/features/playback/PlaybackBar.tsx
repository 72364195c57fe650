/**
 * Playback controls and the run's vital signs: virtual time, event count, trace hash. The
 * data-testid attributes are a stable contract with the end-to-end tests (and the time
 * carries its exact value in data-time-ms, because the visible text is rounded).
 */
import { useLab, useLabController } from '../../store/LabContext';
import { selectEventIndex, selectPlaying, selectTimeMs, selectTraceHash } from '../../store/selectors';
import { formatTime } from '../../controller/labController';
import { MAXIMUM_SPEED, MINIMUM_SPEED } from '../../store/labStore';
import { formatSpeed } from './speed';

export function PlaybackBar() {
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <PlaybackButtons />
      <SpeedControl />
      <RunReadout />
    </div>
  );
}

function PlaybackButtons() {
  const controller = useLabController();
  const playing = useLab(selectPlaying);
  const ready = useLab((state) => state.status === 'ready' && state.frame !== null);
  return (
    <div className="playback__buttons">
      <button
        type="button"
        className="button button--primary"
        data-testid="play-pause"
        aria-pressed={playing}
        disabled={!ready}
        onClick={() => controller.togglePlay()}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="button" data-testid="step" disabled={!ready} onClick={() => void controller.step()}>
        Step
      </button>
    </div>
  );
}

function SpeedControl() {
  const controller = useLabController();
  const speed = useLab((state) => state.speed);
  return (
    <label className="playback__speed">
      <span>Speed</span>
      <input
        type="range"
        data-testid="speed"
        min={Math.log10(MINIMUM_SPEED)}
        max={Math.log10(MAXIMUM_SPEED)}
        step={0.05}
        value={Math.log10(speed)}
        aria-valuetext={`${formatSpeed(speed)} real time`}
        onChange={(event) => controller.setSpeed(10 ** Number(event.target.value))}
      />
      <output className="playback__speed-value">{formatSpeed(speed)}</output>
    </label>
  );
}

function RunReadout() {
  const timeMs = useLab(selectTimeMs);
  const eventIndex = useLab(selectEventIndex);
  const traceHash = useLab(selectTraceHash);
  return (
    <dl className="readout">
      <div className="readout__item">
        <dt>Virtual time</dt>
        <dd data-testid="virtual-time" data-time-ms={timeMs ?? ''}>
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
