/**
 * Checkpoints for time travel: a full copy of the simulation's state at intervals of events.
 * Seeking restores the nearest earlier checkpoint and replays forward.
 *
 * Spacing adapts to the size of the state: after a checkpoint that copied C values, the
 * next one waits at least C / COPIES_PER_EVENT events, so copying never costs more than a
 * few values per event however large the state grows, and a seek replays at most
 * max(interval, C / COPIES_PER_EVENT) events. Memory is bounded: past `limit` checkpoints,
 * every other one is dropped and the base interval doubles (the first is always kept).
 * Where checkpoints fall never changes a run, only how fast seeking is.
 */
import type { Microseconds } from '../core/time';

/**
 * Amortized values copied per event that checkpoints may cost. Append-only arrays (Raft's
 * log and the checkers' memory of it) are kept by reference and count one value each, so
 * this bound rarely stretches the spacing beyond the base interval; it guards protocols
 * whose state grows in ordinary arrays.
 */
const COPIES_PER_EVENT = 8;

export interface CheckpointBase {
  eventIndex: number;
  now: Microseconds;
}

export class CheckpointStore<T extends CheckpointBase> {
  private checkpoints: T[] = [];
  private nextDue: number;
  private spacing: number;

  constructor(
    private interval: number,
    private readonly limit: number,
  ) {
    this.nextDue = interval;
    this.spacing = interval;
  }

  get every(): number {
    return this.interval;
  }

  get count(): number {
    return this.checkpoints.length;
  }

  isDue(eventIndex: number): boolean {
    return eventIndex >= this.nextDue;
  }

  /** Adds a checkpoint that cost `copied` values to take. */
  add(checkpoint: T, copied = 0): void {
    this.spacing = Math.max(this.interval, Math.ceil(copied / COPIES_PER_EVENT));
    this.nextDue = checkpoint.eventIndex + this.spacing;
    const last = this.checkpoints[this.checkpoints.length - 1];
    if (last !== undefined && last.eventIndex >= checkpoint.eventIndex) return;
    this.checkpoints.push(checkpoint);
    if (this.checkpoints.length > this.limit) this.thin();
  }

  /**
   * True right after the checkpoints numbered 2, 4, 8, 16, … were added: the points where the
   * live run continues from a copy of itself (see Simulation.checkpointNow), so that the code
   * replaying after a seek has already run on restored objects. Logarithmic in the run's length.
   */
  isWarmUpPoint(): boolean {
    const count = this.checkpoints.length;
    return count > 1 && (count & (count - 1)) === 0;
  }

  /** The latest checkpoint at or before virtual time `time`. */
  atOrBeforeTime(time: Microseconds): T | undefined {
    return this.latest((checkpoint) => checkpoint.now <= time);
  }

  /** The latest checkpoint at or before event `eventIndex`. */
  atOrBeforeEvent(eventIndex: number): T | undefined {
    return this.latest((checkpoint) => checkpoint.eventIndex <= eventIndex);
  }

  /** Forgets checkpoints after `eventIndex`: the timeline forked there. */
  discardAfter(eventIndex: number): void {
    while (this.checkpoints.length > 1 && (this.checkpoints[this.checkpoints.length - 1] as T).eventIndex > eventIndex) {
      this.checkpoints.pop();
    }
    const last = this.checkpoints[this.checkpoints.length - 1] as T;
    this.nextDue = Math.max(last.eventIndex + this.spacing, eventIndex + 1);
  }

  private latest(accept: (checkpoint: T) => boolean): T | undefined {
    // Binary search: checkpoints are ordered by event index and therefore by time.
    let low = 0;
    let high = this.checkpoints.length - 1;
    let found: T | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const checkpoint = this.checkpoints[middle] as T;
      if (accept(checkpoint)) {
        found = checkpoint;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  private thin(): void {
    this.interval *= 2;
    this.checkpoints = this.checkpoints.filter((_checkpoint, index) => index % 2 === 0);
  }
}
