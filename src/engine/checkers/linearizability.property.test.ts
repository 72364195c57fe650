/**
 * Property tests, seeded (the seed is in each test name; rerun a failure with it).
 *
 * 1. Histories built around a known sequential execution are linearizable: operations are
 *    applied one at a time to a reference register, then each gets an interval around its
 *    linearization point, widened at random so that many overlap.
 * 2. The same histories with one read changed to a value never written are not.
 * 3. On small random histories (often not linearizable) the checker agrees with a brute
 *    force search over every order.
 * 4. The synthetic benchmark histories are linearizable, and not with a stale read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlainData } from '../core/plainData';
import type { HistoryRecord, HistoryType } from '../protocol';
import { injectStaleRead } from './benchmark';
import { collectOperations, type RegisterOperation } from './historyOperations';
import { parseCommand, stepRegister, type RegisterCommand, type RegisterValue } from './kvModel';
import { checkLinearizable } from './linearizability';
import { syntheticHistory } from './syntheticHistory';

type Outcome = 'ok' | 'info-applied' | 'info-not-applied' | 'pending-applied' | 'pending-not-applied' | 'fail';

interface PlannedOperation {
  key: number;
  kind: 'put' | 'get' | 'append' | 'cas';
  casExpectsCurrent: boolean;
  widenBefore: number;
  widenAfter: number;
  outcome: Outcome;
}

const plannedOperation = fc.record({
  key: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom('put', 'get', 'append', 'cas'),
  casExpectsCurrent: fc.boolean(),
  widenBefore: fc.integer({ min: 0, max: 60 }),
  widenAfter: fc.integer({ min: 0, max: 60 }),
  outcome: fc.constantFrom<Outcome>('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'info-applied', 'info-not-applied', 'pending-applied', 'pending-not-applied', 'fail'),
});

interface TimedRecord {
  time: number;
  process: string;
  type: HistoryType;
  f: string;
  key: string;
  value: PlainData;
}

/**
 * Applies the plan in sequence (operation i takes effect at 10·i + 5), then lays out
 * invoke and completion around each point and gives each operation a free process.
 */
function historyFromSequentialExecution(plan: readonly PlannedOperation[]): HistoryRecord[] {
  const registers = new Map<string, RegisterValue>();
  const operations: { invoke: TimedRecord; completion: TimedRecord | null }[] = [];
  plan.forEach((planned, index) => {
    const key = `k${planned.key}`;
    const current = registers.get(key) ?? null;
    const value: PlainData =
      planned.kind === 'put' ? `v${index}` : planned.kind === 'append' ? `+${index}` : planned.kind === 'cas' ? [planned.casExpectsCurrent ? current : `v${index - 1}`, `v${index}`] : null;
    const command = parseCommand(planned.kind, value) as RegisterCommand;
    const applied = planned.outcome === 'ok' || planned.outcome === 'info-applied' || planned.outcome === 'pending-applied';
    const after = applied ? stepRegister(current, command, current) : undefined;
    if (after !== undefined) registers.set(key, after);
    const point = 10 * index + 5;
    const invoke: TimedRecord = { time: point - 1 - planned.widenBefore, process: '', type: 'invoke', f: planned.kind, key, value };
    const completionTime = point + 1 + planned.widenAfter;
    let completion: TimedRecord | null = null;
    if (planned.outcome === 'ok') {
      // An ok cas whose compare failed did not swap: clients report that as fail.
      const type: HistoryType = planned.kind === 'cas' && after === undefined ? 'fail' : 'ok';
      completion = { ...invoke, time: completionTime, type, value: planned.kind === 'get' ? current : null };
    } else if (planned.outcome === 'fail') completion = { ...invoke, time: completionTime, type: 'fail', value: null };
    else if (planned.outcome.startsWith('info')) completion = { ...invoke, time: completionTime, type: 'info', value: null };
    operations.push({ invoke, completion });
  });
  assignProcesses(operations);
  const timed = operations.flatMap(({ invoke, completion }) => (completion === null ? [invoke] : [invoke, completion]));
  timed.sort((a, b) => a.time - b.time);
  return timed.map((record, index) => ({ index, ...record }));
}

/** One operation at a time per process: reuse a process free before the invoke, else add one. */
function assignProcesses(operations: { invoke: TimedRecord; completion: TimedRecord | null }[]): void {
  const busyUntil: number[] = [];
  const byInvoke = [...operations].sort((a, b) => a.invoke.time - b.invoke.time);
  for (const operation of byInvoke) {
    let process = busyUntil.findIndex((time) => time < operation.invoke.time);
    if (process < 0) process = busyUntil.push(0) - 1;
    busyUntil[process] = operation.completion === null ? Infinity : operation.completion.time;
    operation.invoke.process = `c${process + 1}`;
    if (operation.completion !== null) operation.completion.process = `c${process + 1}`;
  }
}

const SEQUENTIAL_SEED = 20_261_121;
const MUTATION_SEED = 7_340_033;
const BRUTE_FORCE_SEED = 1_234_577;
const UNIQUE_VALUES_SEED = 9_999_991;

describe('linearizability properties', () => {
  it(`histories around a sequential execution are linearizable (fast-check seed ${SEQUENTIAL_SEED})`, () => {
    fc.assert(
      fc.property(fc.array(plannedOperation, { minLength: 1, maxLength: 80 }), (plan) => {
        const result = checkLinearizable(historyFromSequentialExecution(plan));
        expect(result.message).toBeNull();
        expect(result.verdict).toBe('linearizable');
      }),
      { seed: SEQUENTIAL_SEED, numRuns: 300 },
    );
  });

  it(`a read changed to a value never written is not linearizable (fast-check seed ${MUTATION_SEED})`, () => {
    fc.assert(
      fc.property(fc.array(plannedOperation, { minLength: 1, maxLength: 80 }), fc.nat(), (plan, choice) => {
        const history = historyFromSequentialExecution(plan);
        const reads = history.filter((record) => record.type === 'ok' && record.f === 'get');
        fc.pre(reads.length > 0);
        (reads[choice % reads.length] as HistoryRecord).value = '§never written§';
        expect(checkLinearizable(history).verdict).toBe('not-linearizable');
      }),
      { seed: MUTATION_SEED, numRuns: 300 },
    );
  });

  it(`agrees with a brute-force search on small random histories (fast-check seed ${BRUTE_FORCE_SEED})`, () => {
    let judgedNotLinearizable = 0;
    fc.assert(
      fc.property(smallRandomHistory('clashing'), (history) => {
        const expected = bruteForceLinearizable(history);
        const verdict = checkLinearizable(history).verdict;
        expect(verdict).toBe(expected ? 'linearizable' : 'not-linearizable');
        if (!expected) judgedNotLinearizable++;
      }),
      { seed: BRUTE_FORCE_SEED, numRuns: 1500 },
    );
    // The generator must exercise both answers for the comparison to mean anything.
    expect(judgedNotLinearizable).toBeGreaterThan(200);
    expect(judgedNotLinearizable).toBeLessThan(1300);
  });

  it(`agrees with a brute-force search when every write is unique (fast-check seed ${UNIQUE_VALUES_SEED})`, () => {
    // Unique values are where unknownOutcomes.ts settles info writes (drops or promotes them).
    let judgedNotLinearizable = 0;
    fc.assert(
      fc.property(smallRandomHistory('unique'), (history) => {
        const expected = bruteForceLinearizable(history);
        expect(checkLinearizable(history).verdict).toBe(expected ? 'linearizable' : 'not-linearizable');
        if (!expected) judgedNotLinearizable++;
      }),
      { seed: UNIQUE_VALUES_SEED, numRuns: 1500 },
    );
    expect(judgedNotLinearizable).toBeGreaterThan(200);
    expect(judgedNotLinearizable).toBeLessThan(1300);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('synthetic client histories are linearizable, and a stale read is caught (synthetic seed %i)', (seed) => {
    const history = syntheticHistory({ seed, operations: 600, keys: 3, processes: 5, infoPerMille: 40, failPerMille: 20 });
    expect(checkLinearizable(history).verdict).toBe('linearizable');
    expect(checkLinearizable(injectStaleRead(history)).verdict).toBe('not-linearizable');
  });
});

/**
 * Up to 7 operations by 3 processes on one key. 'clashing': values from a tiny alphabet so
 * reads often clash. 'unique': each write writes its own value (w3, or +3 for an append).
 */
const smallRandomHistory = (values: 'clashing' | 'unique'): fc.Arbitrary<HistoryRecord[]> =>
  fc
    .array(
      fc.record({
        process: fc.integer({ min: 1, max: 3 }),
        kind: fc.constantFrom('put', 'get', 'get', 'append', 'cas'),
        value: values === 'clashing' ? fc.constantFrom('a', 'b') : fc.constant(''),
        expected: values === 'clashing' ? fc.constantFrom<RegisterValue>(null, 'a', 'b') : fc.constantFrom<RegisterValue>(null, 'w0', 'w1', 'w2', 'w0+1'),
        read:
          values === 'clashing'
            ? fc.constantFrom<RegisterValue>(null, 'a', 'b', 'ab', 'ba')
            : fc.constantFrom<RegisterValue>(null, 'w0', 'w1', 'w2', 'w3', 'w0+1', 'w1+2', 'w0+2', '+1', '+0+1'),
        outcome: fc.constantFrom<HistoryType | 'pending'>('ok', 'ok', 'ok', 'info', 'fail', 'pending'),
        gap: fc.integer({ min: 1, max: 20 }),
        duration: fc.integer({ min: 1, max: 40 }),
      }),
      { minLength: 1, maxLength: 7 },
    )
    .map((operations) => {
      const clock = new Map<number, number>();
      const timed: TimedRecord[] = [];
      for (const [index, generated] of operations.entries()) {
        const operation = values === 'unique' ? { ...generated, value: generated.kind === 'append' ? `+${index}` : `w${index}` } : generated;
        const start = (clock.get(operation.process) ?? 0) + operation.gap;
        if (start === Infinity) continue;
        const process = `c${operation.process}`;
        const value: PlainData = operation.kind === 'get' ? null : operation.kind === 'cas' ? [operation.expected, operation.value] : operation.value;
        const invoke: TimedRecord = { time: start, process, type: 'invoke', f: operation.kind, key: 'x', value };
        timed.push(invoke);
        if (operation.outcome === 'pending') {
          clock.set(operation.process, Infinity);
          continue;
        }
        const type = operation.outcome as HistoryType;
        timed.push({ ...invoke, time: start + operation.duration, type, value: operation.kind === 'get' && type === 'ok' ? operation.read : null });
        clock.set(operation.process, start + operation.duration);
      }
      timed.sort((a, b) => a.time - b.time);
      return timed.map((record, index): HistoryRecord => ({ index, ...record }));
    });

/**
 * Linearizability by definition: some order of the operations, each placed after every
 * ok operation that completed before it was invoked, obeys the register; every ok
 * operation is placed, an info or pending one may be left out. Independent of wgl.ts.
 */
function bruteForceLinearizable(history: readonly HistoryRecord[]): boolean {
  const collected = collectOperations(history);
  expect(collected.problem).toBeNull();
  const operations: RegisterOperation[] = [...collected.byKey.values()].flat();
  const placed = operations.map(() => false);
  const search = (state: RegisterValue): boolean => {
    if (operations.every((operation, index) => placed[index] || operation.outcome === 'info')) return true;
    return operations.some((candidate, index) => {
      if (placed[index]) return false;
      const mustComeFirst = operations.some((other, otherIndex) => !placed[otherIndex] && other.outcome === 'ok' && other.completePosition < candidate.invokePosition);
      if (mustComeFirst) return false;
      const after = stepRegister(state, candidate.command, candidate.read);
      if (after === undefined) return false;
      placed[index] = true;
      const found = search(after);
      placed[index] = false;
      return found;
    });
  };
  return search(null);
}
