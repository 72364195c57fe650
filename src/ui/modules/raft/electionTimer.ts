/**
 * The election timer as the card's ring draws it: the share of the timeout still to run at
 * the frame's virtual time, from 1 when the timer was armed down to 0 when it fires.
 * Election timeouts are randomized per arming (paper §5.2), so the ring drains at a
 * different speed on each server; that is the point of drawing it.
 */
import type { NodeSnapshotView } from '../../../worker/api';

/** Raft's timers by key (roles.ts): followers and candidates run 'election'; leaders 'heartbeat'. */
export const ELECTION_TIMER = 'election';

export interface TimerReading {
  /** 0–1: the share of the timeout left. */
  remaining: number;
  /** Milliseconds of virtual time until it fires (never negative). */
  remainingMs: number;
  dueAtMs: number;
}

export function readTimer(timers: NodeSnapshotView['timers'], key: string, nowMs: number): TimerReading | null {
  const timer = timers.find((candidate) => candidate.key === key);
  if (timer === undefined) return null;
  const span = timer.dueAtMs - timer.armedAtMs;
  const remainingMs = Math.max(0, timer.dueAtMs - nowMs);
  const remaining = span <= 0 ? 0 : Math.min(1, remainingMs / span);
  return { remaining, remainingMs, dueAtMs: timer.dueAtMs };
}

/** Steps the ring takes under prefers-reduced-motion: it moves in quarters instead of draining smoothly. */
export const REDUCED_MOTION_STEPS = 4;

/** Rounds up so a ring never shows empty before its timer has fired. */
export function steppedShare(share: number, steps: number): number {
  return Math.ceil(share * steps) / steps;
}

/**
 * Steps of the card's ring while motion is allowed: fine enough to look like draining, coarse
 * enough that a timer re-armed by every heartbeat leaves the ring (and its card) untouched
 * instead of redrawing it on each frame for a sliver of arc.
 */
export const RING_STEPS = 40;

/** The share of the election timer's ring at `nowMs`, in RING_STEPS steps (REDUCED_MOTION_STEPS under reduced motion), or null without the timer. */
export function ringShare(timers: NodeSnapshotView['timers'], nowMs: number, reducedMotion: boolean): number | null {
  const reading = readTimer(timers, ELECTION_TIMER, nowMs);
  return reading === null ? null : steppedShare(reading.remaining, reducedMotion ? REDUCED_MOTION_STEPS : RING_STEPS);
}
