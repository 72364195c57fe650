/**
 * The linearizability checker over a client history of key-value operations.
 *
 * A history is linearizable when every operation can be given a single point between its
 * invoke and its completion such that, in the order of those points, each operation obeys
 * the sequential register (Herlihy & Wing 1990). Linearizability is local (§3.3 of that
 * paper): the history is linearizable exactly when each key's sub-history is, so each key
 * is searched on its own (wgl.ts), which keeps the search small. Before the search,
 * operations with unknown outcome are settled where a sound rule allows (unknownOutcomes.ts):
 * each one left open multiplies the work of proving a history wrong.
 *
 * The verdict is never "linearizable" unless a full order was found for every key. When
 * the search budget runs out first, the verdict is "unknown (budget exceeded)".
 */
import { microsecondsToMilliseconds, type Microseconds } from '../core/time';
import type { HistoryChecker, HistoryRecord } from '../protocol';
import { collectOperations, type RegisterOperation } from './historyOperations';
import { formatCommand, formatValue } from './kvModel';
import { settleUnknownOutcomes } from './unknownOutcomes';
import { searchLinearization, type KeySearchResult, type SearchFailure } from './wgl';

/**
 * Configurations the search may explore over all keys before it answers "unknown". About
 * 1–5 µs each on a laptop core (more when many operations have unknown outcome), so the
 * worst case stays within a few seconds; a linearizable 10,000-operation history over 10
 * keys needs about 9,000.
 */
export const DEFAULT_MAX_STATES_EXPLORED = 500_000;

export interface LinearizabilityOptions {
  maxStatesExplored?: number;
}

export type LinearizabilityVerdict = 'linearizable' | 'not-linearizable' | 'unknown' | 'malformed';

export interface LinearizabilityResult {
  /** True only when every key was shown linearizable. */
  ok: boolean;
  verdict: LinearizabilityVerdict;
  /** Null when ok; otherwise what went wrong, naming the key and operations. */
  message: string | null;
  keysChecked: number;
  /** Operations judged (failed operations and unknown gets constrain nothing and are not counted). */
  operations: number;
  statesExplored: number;
  violatingKeys: string[];
  /** Keys whose search ran out of budget. */
  undecidedKeys: string[];
}

export function checkLinearizable(history: readonly HistoryRecord[], options: LinearizabilityOptions = {}): LinearizabilityResult {
  const collected = collectOperations(history);
  if (collected.problem !== null) {
    return { ok: false, verdict: 'malformed', message: collected.problem, keysChecked: 0, operations: 0, statesExplored: 0, violatingKeys: [], undecidedKeys: [] };
  }
  const keys = [...collected.byKey.keys()];
  const operations = keys.reduce((total, key) => total + (collected.byKey.get(key) as RegisterOperation[]).length, 0);
  const searched = new Map(keys.map((key) => [key, settleUnknownOutcomes(collected.byKey.get(key) as RegisterOperation[]).operations]));
  // Small keys first, each taking an equal share of what is left, so budget an easy key
  // does not use flows to the harder ones and no key can starve those after it.
  const order = [...keys].sort((a, b) => (collected.byKey.get(a) as RegisterOperation[]).length - (collected.byKey.get(b) as RegisterOperation[]).length || (a < b ? -1 : 1));
  let remaining = options.maxStatesExplored ?? DEFAULT_MAX_STATES_EXPLORED;
  const results = new Map<string, KeySearchResult>();
  order.forEach((key, index) => {
    const share = Math.floor(remaining / (order.length - index));
    const result = searchLinearization(searched.get(key) as RegisterOperation[], share);
    remaining -= result.statesExplored;
    results.set(key, result);
  });

  const statesExplored = [...results.values()].reduce((total, result) => total + result.statesExplored, 0);
  const violatingKeys = keys.filter((key) => (results.get(key) as KeySearchResult).verdict === 'not-linearizable');
  const undecidedKeys = keys.filter((key) => (results.get(key) as KeySearchResult).verdict === 'unknown');
  const summary = { keysChecked: keys.length, operations, statesExplored, violatingKeys, undecidedKeys };
  if (violatingKeys.length > 0) {
    const first = violatingKeys[0] as string;
    const failure = (results.get(first) as KeySearchResult).failure as SearchFailure;
    const others = violatingKeys.length > 1 ? ` (also not linearizable: ${violatingKeys.slice(1).map((key) => `key ${key}`).join(', ')})` : '';
    const message = explainFailure(first, collected.byKey.get(first) as RegisterOperation[], failure) + others;
    return { ok: false, verdict: 'not-linearizable', message, ...summary };
  }
  if (undecidedKeys.length > 0) {
    const message =
      `unknown (budget exceeded): the search explored ${statesExplored} states in all without settling ` +
      `${undecidedKeys.map((key) => `key ${key} (${(collected.byKey.get(key) as RegisterOperation[]).length} operations)`).join(', ')}; ` +
      'no violation was found, but none was ruled out';
    return { ok: false, verdict: 'unknown', message, ...summary };
  }
  return { ok: true, verdict: 'linearizable', message: null, ...summary };
}

/** The history checker a module lists in `historyCheckers` (Raft's key-value clients). */
export function linearizabilityChecker(options: LinearizabilityOptions = {}): HistoryChecker {
  return {
    name: 'Linearizability',
    description:
      'Every client operation appears to take effect at one instant between its invoke and its response, ' +
      'in an order consistent with a key-value register per key (operations with unknown outcome may or may not have taken effect).',
    check: (history) => checkLinearizable(history, options).message,
  };
}

function explainFailure(key: string, operations: readonly RegisterOperation[], failure: SearchFailure): string {
  const { blocked } = failure;
  let what: string;
  if (blocked.command.f === 'get') what = `${describeOperation(blocked)} returned ${formatValue(blocked.read)}${writerOf(blocked.read, operations)}. But`;
  else if (blocked.command.f === 'cas') what = `${describeOperation(blocked)} succeeded. But`;
  else what = `${describeOperation(blocked)} could not be placed before it completed:`;
  const order =
    failure.placedCount === 0
      ? 'no other operation could be placed before it, and the register starts absent'
      : `the longest consistent order found (${failure.placedCount} operation${failure.placedCount === 1 ? '' : 's'}: ` +
        `${failure.placedCount > failure.recent.length ? '… → ' : ''}${failure.recent.map(shortOperation).join(' → ')}) leaves it at ${formatValue(failure.state)}`;
  const source = failure.lastWrite === null ? '' : `, last written by ${describeOperation(failure.lastWrite)}`;
  return (
    `key ${key}: not linearizable, no order of its ${operations.length} operations respects both real time and the register. ` +
    `${what} ${order}${source}.`
  );
}

/** ", the value written by put '1' by c1 (…)" when exactly one put or cas wrote that value, else "". */
function writerOf(value: string | null, operations: readonly RegisterOperation[]): string {
  if (value === null) return '';
  const writers = operations.filter(({ command }) => (command.f === 'put' && command.value === value) || (command.f === 'cas' && command.replacement === value));
  if (writers.length !== 1) return '';
  return `, the value written by ${describeOperation(writers[0] as RegisterOperation)}`;
}

/** "put '2' by c1 (invoked 20 ms, completed 30 ms)". */
function describeOperation(operation: RegisterOperation): string {
  const completed = operation.completeTime === null ? 'outcome unknown' : `completed ${formatTime(operation.completeTime)}`;
  return `${shortOperation(operation)} (invoked ${formatTime(operation.invokeTime)}, ${completed})`;
}

function shortOperation(operation: RegisterOperation): string {
  return `${formatCommand(operation.command)} by ${operation.process}`;
}

function formatTime(time: Microseconds): string {
  return `${microsecondsToMilliseconds(time)} ms`;
}
