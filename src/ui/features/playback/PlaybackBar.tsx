/**
 * The playback bar: the scrubber over the whole run, the transport buttons, the speed, and
 * the run's vital signs (virtual time, event count, trace hash). The data-testid attributes
 * are a stable contract with the end-to-end tests (and the time carries its exact value in
 * data-time-ms, because the visible text is rounded).
 */
import { useLab } from '../../store/LabContext';
import { selectEventIndex, selectTimeMs, selectTraceHash } from '../../store/selectors';
import { formatTime } from '../../controller/labController';
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
