/**
 * Client operation history in the Jepsen convention: each operation is an `invoke` record
 * followed by exactly one `ok`, `fail` or `info` (outcome unknown) from the same process.
 * Capped: past the limit new records are counted but not kept, and `truncated` says so.
 */
import type { PlainData } from '../core/plainData';
import type { Microseconds } from '../core/time';
import type { HistoryRecord, HistoryType } from '../protocol';

export class History {
  private records: HistoryRecord[] = [];
  private dropped = 0;

  constructor(private readonly limit: number) {}

  record(process: string, type: HistoryType, f: string, key: string | null, value: PlainData, time: Microseconds): number {
    const index = this.records.length + this.dropped;
    if (this.records.length >= this.limit) {
      this.dropped++;
      return index;
    }
    this.records.push({ index, process, type, f, key, value, time });
    return index;
  }

  get truncated(): boolean {
    return this.dropped > 0;
  }

  all(): readonly HistoryRecord[] {
    return this.records;
  }

  save(): { length: number; dropped: number } {
    return { length: this.records.length, dropped: this.dropped };
  }

  restore(state: { length: number; dropped: number }): void {
    this.records.length = state.length;
    this.dropped = state.dropped;
  }
}
