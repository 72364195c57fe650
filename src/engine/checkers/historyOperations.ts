/**
 * Turns a Jepsen-style client history (invoke, then exactly one ok / fail / info from the
 * same process) into operations with real-time intervals, grouped by key.
 *
 * Real-time order is taken from the records' positions in the history, not from their
 * time stamps: the engine appends records in event order, so position is exact even when
 * two events share a microsecond. Operation A precedes B when A's completion comes before
 * B's invoke.
 *
 * What each outcome means for the search:
 *   ok    the operation took effect between its invoke and its completion;
 *   fail  it definitely did not take effect, so it is dropped;
 *   info  (or an invoke left without completion) it may or may not have taken effect, at
 *         any point after its invoke: its completion is +infinity and it is optional. An
 *         unknown get reads nothing we know, so it constrains nothing and is dropped.
 */
import type { Microseconds } from '../core/time';
import type { HistoryRecord } from '../protocol';
import { parseCommand, type RegisterCommand, type RegisterValue } from './kvModel';

export interface RegisterOperation {
  process: string;
  command: RegisterCommand;
  /** What a completed get returned; null otherwise. */
  read: RegisterValue;
  /**
   * ok: must be linearized; info: may be. (unknownOutcomes.ts turns an info write that a
   * completed operation certainly observed into ok, with that observer's completion as deadline;
   * its completeTime stays null.)
   */
  outcome: 'ok' | 'info';
  invokePosition: number;
  /** Position of the ok record; +Infinity when the outcome is unknown. */
  completePosition: number;
  invokeTime: Microseconds;
  /** Null when the outcome is unknown. */
  completeTime: Microseconds | null;
}

export interface CollectedOperations {
  /** Operations per key, keys in sorted order, each list in invoke order. */
  byKey: Map<string, RegisterOperation[]>;
  /** Failed operations and unknown gets: they constrain nothing. */
  dropped: number;
  /** Why the history cannot be judged, or null. */
  problem: string | null;
}

interface OpenInvoke {
  record: HistoryRecord;
  position: number;
}

export function collectOperations(history: readonly HistoryRecord[]): CollectedOperations {
  const open = new Map<string, OpenInvoke>();
  const byKey = new Map<string, RegisterOperation[]>();
  let dropped = 0;
  const add = (invoke: OpenInvoke, outcome: 'ok' | 'info', completion: OpenInvoke | null): string | null => {
    const operation = toOperation(invoke, outcome, completion);
    if (typeof operation === 'string') return operation;
    if (operation === null) {
      dropped++;
      return null;
    }
    const key = invoke.record.key as string;
    const operations = byKey.get(key) ?? [];
    byKey.set(key, operations);
    operations.push(operation);
    return null;
  };

  for (let position = 0; position < history.length; position++) {
    const record = history[position] as HistoryRecord;
    const pending = open.get(record.process);
    if (record.type === 'invoke') {
      if (pending !== undefined) {
        return malformed(`${describeRecord(record)} while its operation from record ${pending.record.index} is still outstanding (one operation per process at a time)`);
      }
      open.set(record.process, { record, position });
      continue;
    }
    if (pending === undefined) return malformed(`${describeRecord(record)} completes an operation that was never invoked`);
    if (pending.record.f !== record.f || pending.record.key !== record.key) {
      return malformed(`${describeRecord(record)} completes a different operation (${pending.record.f} on ${String(pending.record.key)}, record ${pending.record.index})`);
    }
    open.delete(record.process);
    if (record.type === 'fail') {
      dropped++;
      continue;
    }
    const problem = add(pending, record.type, record.type === 'ok' ? { record, position } : null);
    if (problem !== null) return malformed(problem);
  }
  // An invoke never completed (the client crashed, or the history was cut off): unknown outcome.
  for (const pending of open.values()) {
    const problem = add(pending, 'info', null);
    if (problem !== null) return malformed(problem);
  }

  const sorted = new Map<string, RegisterOperation[]>();
  for (const key of [...byKey.keys()].sort()) {
    const operations = byKey.get(key) as RegisterOperation[];
    operations.sort((a, b) => a.invokePosition - b.invokePosition);
    sorted.set(key, operations);
  }
  return { byKey: sorted, dropped, problem: null };
}

/** The operation, null when it constrains nothing (an unknown get), or why the records do not fit the model. */
function toOperation(invoke: OpenInvoke, outcome: 'ok' | 'info', completion: OpenInvoke | null): RegisterOperation | null | string {
  const { record } = invoke;
  if (record.key === null) return `${describeRecord(record)} has no key`;
  const command = parseCommand(record.f, record.value);
  if (typeof command === 'string') return `${describeRecord(record)}: ${command}`;
  if (outcome === 'info' && command.f === 'get') return null;
  let read: RegisterValue = null;
  if (completion !== null && command.f === 'get') {
    const value = completion.record.value;
    if (value !== null && typeof value !== 'string') return `${describeRecord(completion.record)}: a get returns a string or null, got ${JSON.stringify(value)}`;
    read = value;
  }
  return {
    process: record.process,
    command,
    read,
    outcome,
    invokePosition: invoke.position,
    completePosition: completion === null ? Infinity : completion.position,
    invokeTime: record.time,
    completeTime: completion === null ? null : completion.record.time,
  };
}

function malformed(problem: string): CollectedOperations {
  return { byKey: new Map(), dropped: 0, problem: `malformed history: ${problem}` };
}

function describeRecord(record: HistoryRecord): string {
  return `record ${record.index} (${record.type} ${record.f} by ${record.process})`;
}
