/**
 * Checkpoints for time travel: a full copy of the simulation's state every `interval`
 * events. Seeking restores the nearest earlier checkpoint and replays forward, so a seek
 * replays at most `interval` events. Memory is bounded: past `limit` checkpoints, every
 * other one is dropped and the interval doubles (the first checkpoint is always kept).
 */
import type { Microseconds } from '../core/time';

export interface CheckpointBase {
  eventIndex: number;
  now: Microseconds;
}

export class CheckpointStore<T extends CheckpointBase> {
  private checkpoints: T[] = [];

  constructor(
    private interval: number,
    private readonly limit: number,
  ) {}

  get every(): number {
    return this.interval;
  }

  get count(): number {
    return this.checkpoints.length;
  }

  isDue(eventIndex: number): boolean {
    return eventIndex % this.interval === 0;
  }

  add(checkpoint: T): void {
    const last = this.checkpoints[this.checkpoints.length - 1];
    if (last !== undefined && last.eventIndex >= checkpoint.eventIndex) return;
    this.checkpoints.push(checkpoint);
    if (this.checkpoints.length > this.limit) this.thin();
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
    this.checkpoints = this.checkpoints.filter((checkpoint, index) => index === 0 || checkpoint.eventIndex % this.interval === 0);
  }
}
