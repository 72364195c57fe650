/**
 * Playback speed on a log scale, from 1/1000× to 1000× of real time. The slider moves in
 * log10 units; the keyboard ([ and ]) moves between the 1–2–5 stops below.
 */
import { MAXIMUM_SPEED, MINIMUM_SPEED } from '../../store/labStore';

/** "×1", "×0.01", "×250": the speed as a multiple of real time, with at most three significant digits. */
export function formatSpeed(speed: number): string {
  return `×${Number(speed.toPrecision(speed < 1 ? 2 : 3))}`;
}

/** The labelled stops under the slider: one per decade. */
export const SPEED_LABELS: readonly { speed: number; label: string }[] = [
  { speed: 0.001, label: '1/1k' },
  { speed: 0.01, label: '1/100' },
  { speed: 0.1, label: '1/10' },
  { speed: 1, label: '1×' },
  { speed: 10, label: '10' },
  { speed: 100, label: '100' },
  { speed: 1_000, label: '1k' },
];

/** 0.001, 0.002, 0.005, 0.01, … 500, 1000: where [ and ] go. */
export const SPEED_STOPS: readonly number[] = buildStops();

function buildStops(): number[] {
  const stops: number[] = [];
  for (let exponent = -3; exponent <= 3; exponent++) {
    for (const mantissa of [1, 2, 5]) {
      const stop = Number((mantissa * 10 ** exponent).toPrecision(3));
      if (stop >= MINIMUM_SPEED && stop <= MAXIMUM_SPEED) stops.push(stop);
    }
  }
  return stops;
}

/** The next stop above (direction 1) or below (-1) the current speed; stays at the ends. */
export function nextSpeedStop(speed: number, direction: 1 | -1): number {
  // A small tolerance so a speed already on a stop moves to the neighbour, not to itself.
  const tolerance = 1e-9;
  if (direction > 0) return SPEED_STOPS.find((stop) => stop > speed * (1 + tolerance)) ?? MAXIMUM_SPEED;
  return [...SPEED_STOPS].reverse().find((stop) => stop < speed * (1 - tolerance)) ?? MINIMUM_SPEED;
}

/** Slider position (log10 of the speed) to a speed, snapped to a stop when close, so "1×" is reachable by mouse. */
export function speedFromSlider(position: number): number {
  const speed = 10 ** position;
  const near = SPEED_STOPS.find((stop) => Math.abs(Math.log10(stop) - position) < 0.02);
  return near ?? Number(speed.toPrecision(3));
}
