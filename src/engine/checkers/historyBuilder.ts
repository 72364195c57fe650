/**
 * Writes client histories by hand (tests, examples) in the order things happened, in milliseconds.
 *
 *   new HistoryBuilder()
 *     .invoke(0, 'c1', 'put', 'x', '1').ok(10, 'c1')
 *     .invoke(20, 'c2', 'get', 'x').ok(30, 'c2', '1')
 *     .records
 */
import type { PlainData } from '../core/plainData';
import type { HistoryRecord, HistoryType } from '../protocol';

export class HistoryBuilder {
  readonly records: HistoryRecord[] = [];
  private readonly open = new Map<string, HistoryRecord>();

  invoke(ms: number, process: string, f: string, key: string | null, value: PlainData = null): this {
    const record = this.push(ms, process, 'invoke', f, key, value);
    this.open.set(process, record);
    return this;
  }

  /** Completes the process's open operation; for a get, `value` is what it read. */
  ok(ms: number, process: string, value: PlainData = null): this {
    return this.complete(ms, process, 'ok', value);
  }

  fail(ms: number, process: string): this {
    return this.complete(ms, process, 'fail', null);
  }

  info(ms: number, process: string): this {
    return this.complete(ms, process, 'info', null);
  }

  private complete(ms: number, process: string, type: HistoryType, value: PlainData): this {
    const invoke = this.open.get(process);
    if (invoke === undefined) throw new Error(`test bug: ${process} has no open operation`);
    this.open.delete(process);
    this.push(ms, process, type, invoke.f, invoke.key, value);
    return this;
  }

  private push(ms: number, process: string, type: HistoryType, f: string, key: string | null, value: PlainData): HistoryRecord {
    const last = this.records[this.records.length - 1];
    const time = Math.round(ms * 1000);
    if (last !== undefined && last.time > time) throw new Error(`test bug: records must be written in time order (${ms} ms)`);
    const record: HistoryRecord = { index: this.records.length, process, type, f, key, value, time };
    this.records.push(record);
    return record;
  }
}
