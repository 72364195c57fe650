/**
 * Virtual time. The engine counts integer microseconds from the start of a run; scenarios
 * and the UI speak milliseconds. Invariant: every time value inside the engine is a
 * non-negative safe integer.
 */
export type Microseconds = number;

export const MICROSECONDS_PER_MILLISECOND = 1000;

export function millisecondsToMicroseconds(milliseconds: number): Microseconds {
  return Math.round(milliseconds * MICROSECONDS_PER_MILLISECOND);
}

export function microsecondsToMilliseconds(microseconds: Microseconds): number {
  return microseconds / MICROSECONDS_PER_MILLISECOND;
}
