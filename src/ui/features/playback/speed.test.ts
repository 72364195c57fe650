import { describe, expect, it } from 'vitest';
import { MAXIMUM_SPEED, MINIMUM_SPEED } from '../../store/labStore';
import { SPEED_STOPS, formatSpeed, nextSpeedStop, speedFromSlider } from './speed';

describe('playback speed', () => {
  it('spans 1/1000× to 1000× in 1–2–5 stops', () => {
    expect(SPEED_STOPS[0]).toBe(MINIMUM_SPEED);
    expect(SPEED_STOPS[SPEED_STOPS.length - 1]).toBe(MAXIMUM_SPEED);
    expect(SPEED_STOPS).toContain(1);
    expect(SPEED_STOPS).toContain(0.02);
    expect(SPEED_STOPS).toContain(500);
  });

  it('[ and ] move to the neighbouring stop and stop at the ends', () => {
    expect(nextSpeedStop(1, 1)).toBe(2);
    expect(nextSpeedStop(1, -1)).toBe(0.5);
    expect(nextSpeedStop(3, 1)).toBe(5);
    expect(nextSpeedStop(3, -1)).toBe(2);
    expect(nextSpeedStop(MAXIMUM_SPEED, 1)).toBe(MAXIMUM_SPEED);
    expect(nextSpeedStop(MINIMUM_SPEED, -1)).toBe(MINIMUM_SPEED);
  });

  it('the slider snaps to a stop when close and is logarithmic otherwise', () => {
    expect(speedFromSlider(0.01)).toBe(1);
    expect(speedFromSlider(-3)).toBe(0.001);
    expect(speedFromSlider(0.5)).toBeCloseTo(3.16, 2);
  });

  it('formats with at most three significant digits', () => {
    expect(formatSpeed(1)).toBe('×1');
    expect(formatSpeed(0.001)).toBe('×0.001');
    expect(formatSpeed(316.2277)).toBe('×316');
  });
});
