/**
 * The linearizability checker's benchmark: a synthetic 10,000-operation history over 10
 * keys from 5 concurrent clients, checked as recorded (linearizable) and again with one
 * stale read injected (not linearizable). The engine has no clock, so the caller passes
 * one (the bench harness passes its high-resolution timer); figures are milliseconds.
 * Target (issue 3, Benchmarks): the check under 1 s.
 */
import type { HistoryRecord } from '../protocol';
import { checkLinearizable, type LinearizabilityVerdict } from './linearizability';
import { syntheticHistory, type SyntheticHistoryOptions } from './syntheticHistory';

export const BENCHMARK_HISTORY: SyntheticHistoryOptions = {
  seed: 20_261_121,
  operations: 10_000,
  keys: 10,
  processes: 5,
  infoPerMille: 10,
  failPerMille: 10,
};

export interface LinearizabilityMeasurement {
  operations: number;
  keys: number;
  processes: number;
  historyRecords: number;
  /** Time to build the synthetic history (not part of the target). */
  generateMs: number;
  /** Checking the linearizable history. */
  checkMs: number;
  verdict: LinearizabilityVerdict;
  statesExplored: number;
  /** Checking the same history with one stale read injected. */
  violationCheckMs: number;
  violationVerdict: LinearizabilityVerdict;
  violationStatesExplored: number;
}

export function measureLinearizability(now: () => number, options: SyntheticHistoryOptions = BENCHMARK_HISTORY): LinearizabilityMeasurement {
  const generateStart = now();
  const history = syntheticHistory(options);
  const generateMs = now() - generateStart;

  const checkStart = now();
  const result = checkLinearizable(history);
  const checkMs = now() - checkStart;

  const corrupted = injectStaleRead(history);
  const violationStart = now();
  const violation = checkLinearizable(corrupted);
  const violationCheckMs = now() - violationStart;

  return {
    operations: options.operations,
    keys: options.keys,
    processes: options.processes,
    historyRecords: history.length,
    generateMs,
    checkMs,
    verdict: result.verdict,
    statesExplored: result.statesExplored,
    violationCheckMs,
    violationVerdict: violation.verdict,
    violationStatesExplored: violation.statesExplored,
  };
}

/**
 * A copy with one stale read, the bug unsafe reads cause: the last successful read of a
 * key returns instead what that key's first non-empty read returned, a value overwritten
 * long before. Every write in the synthetic history writes a value of its own, so no
 * order can make the late read see it. Returns the history unchanged if it has no reads.
 */
export function injectStaleRead(history: readonly HistoryRecord[]): HistoryRecord[] {
  const copy = history.map((record) => ({ ...record }));
  const reads = copy.filter((record) => record.type === 'ok' && record.f === 'get');
  const last = reads[reads.length - 1];
  if (last === undefined) return copy;
  const first = reads.find((record) => record.key === last.key && record.value !== null && record.value !== last.value);
  if (first !== undefined) last.value = first.value;
  return copy;
}
