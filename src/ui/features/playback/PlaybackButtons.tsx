/**
 * Play/pause, one event back, one event forward, and "step to the next event of a kind".
 * Each is a real button (keyboard and screen readers get them for free); the keyboard
 * shortcuts in features/keyboard call the same controller methods.
 */
import { useLab, useLabController } from '../../store/LabContext';
import { selectPlaying } from '../../store/selectors';
import type { StepTarget } from '../../../worker/api';
import { STEP_TARGETS, stepTargetLabel } from './stepTargets';

export function PlaybackButtons() {
  const controller = useLabController();
  const playing = useLab(selectPlaying);
  const ready = useLab((state) => state.status === 'ready' && state.frame !== null);
  const atStart = useLab((state) => (state.frame?.eventIndex ?? 0) === 0);
  return (
    <div className="playback__buttons">
      <button
        type="button"
        className="button button--primary"
        data-testid="play-pause"
        aria-pressed={playing}
        aria-keyshortcuts="Space"
        disabled={!ready}
        onClick={() => controller.togglePlay()}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className="button button--compact"
        data-testid="step-back"
        aria-label="Step back one event"
        aria-keyshortcuts="ArrowLeft"
        title="Back one event (←)"
        disabled={!ready || atStart}
        onClick={() => void controller.stepBack()}
      >
        ◂ Back
      </button>
      <button type="button" className="button" data-testid="step" aria-keyshortcuts="ArrowRight" title="One event forward (→ or .)" disabled={!ready} onClick={() => void controller.step()}>
        Step
      </button>
      <StepToNext ready={ready} />
    </div>
  );
}

function StepToNext({ ready }: { ready: boolean }) {
  const controller = useLabController();
  const target = useLab((state) => state.stepTarget);
  return (
    <div className="playback__step-to" role="group" aria-label="Step to the next event of a kind">
      <button
        type="button"
        className="button"
        data-testid="step-to-next"
        aria-keyshortcuts="Shift+ArrowRight"
        title={`Run to the next ${stepTargetLabel(target)} event (Shift+→)`}
        disabled={!ready}
        onClick={() => void controller.stepUntil([target])}
      >
        Step to next ▸▸
      </button>
      <select
        className="playback__select"
        data-testid="step-target"
        aria-label="Kind of event to step to"
        value={target}
        onChange={(event) => controller.setStepTarget(event.target.value as StepTarget)}
      >
        {STEP_TARGETS.map(({ target: value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
