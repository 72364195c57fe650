/**
 * Client operation history in the Jepsen convention: each operation is an `invoke` record
 * followed by exactly one `ok`, `fail` or `info` (outcome unknown) from the same process.
 * Capped: past the limit new records are counted but not kept, and `truncated` says so.
 *
 * Time travel moves `length` both ways. Records past it are kept while the timeline stays
 * the same (a replay rewrites them identically, and a forward jump to a later checkpoint
 * shows them again); a fork drops them (forgetFuture).
 */
import type { PlainData } from '../core/plainData';
import type { Microseconds } from '../core/time';
import type { HistoryRecord, HistoryType } from '../protocol';

export class History {
  private readonly records: HistoryRecord[] = [];
  /** How many records belong to the run up to now. Invariant: length ≤ records.length. */
  private length = 0;
  private dropped = 0;

  constructor(private readonly limit: number) {}

  record(process: string, type: HistoryType, f: string, key: string | null, value: PlainData, time: Microseconds): number {
    const index = this.length + this.dropped;
    if (this.length >= this.limit) {
      this.dropped++;
      return index;
    }
    this.records[this.length] = { index, process, type, f, key, value, time };
    this.length++;
    return index;
  }

  get truncated(): boolean {
    return this.dropped > 0;
  }

  all(): readonly HistoryRecord[] {
    return this.length === this.records.length ? this.records : this.records.slice(0, this.length);
  }

  save(): { length: number; dropped: number } {
    return { length: this.length, dropped: this.dropped };
  }

  restore(state: { length: number; dropped: number }): void {
    // A checkpoint ahead of the records kept can only follow a fork that forgot them; it cannot happen.
    this.length = Math.min(state.length, this.records.length);
    this.dropped = state.dropped;
  }

  /** The timeline forked here: records after now belong to the discarded future. */
  forgetFuture(): void {
    this.records.length = this.length;
  }
}
