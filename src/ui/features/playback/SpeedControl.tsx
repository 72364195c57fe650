/** Speed on a log scale, 1/1000× to 1000× of real time, with the decades labelled under the slider. */
import { useLab, useLabController } from '../../store/LabContext';
import { MAXIMUM_SPEED, MINIMUM_SPEED } from '../../store/labStore';
import { SPEED_LABELS, formatSpeed, speedFromSlider } from './speed';

const MINIMUM_POSITION = Math.log10(MINIMUM_SPEED);
const MAXIMUM_POSITION = Math.log10(MAXIMUM_SPEED);

export function SpeedControl() {
  const controller = useLabController();
  const speed = useLab((state) => state.speed);
  return (
    <div className="playback__speed">
      <label htmlFor="playback-speed">Speed</label>
      <div className="speed-slider">
        <input
          id="playback-speed"
          type="range"
          data-testid="speed"
          min={MINIMUM_POSITION}
          max={MAXIMUM_POSITION}
          step={0.05}
          value={Math.log10(speed)}
          list="playback-speed-stops"
          aria-keyshortcuts="[ ]"
          aria-valuetext={`${formatSpeed(speed)} real time`}
          onChange={(event) => controller.setSpeed(speedFromSlider(Number(event.target.value)))}
        />
        <datalist id="playback-speed-stops">
          {SPEED_LABELS.map(({ speed: stop, label }) => (
            <option key={stop} value={Math.log10(stop)} label={label} />
          ))}
        </datalist>
        <div className="speed-slider__labels" aria-hidden="true">
          {SPEED_LABELS.map(({ speed: stop, label }) => (
            <span key={stop} style={{ left: `${((Math.log10(stop) - MINIMUM_POSITION) / (MAXIMUM_POSITION - MINIMUM_POSITION)) * 100}%` }}>
              {label}
            </span>
          ))}
        </div>
      </div>
      <output className="playback__speed-value" data-testid="speed-value" htmlFor="playback-speed">
        {formatSpeed(speed)}
      </output>
    </div>
  );
}
