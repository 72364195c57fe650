/**
 * Scenario builders for the benchmark harness (`npm run bench`): many replicas of an OR-Set
 * under random operations and partitions, one scenario per sync mode, so the harness can
 * report events per second and bytes per update for each. The summary of a run
 * (`simulation.inspect().summary`) carries `bytesByMode` and, per mode, `bytesPerUpdate`.
 */
import type { Scenario } from '../../scenario/types';
import type { SyncMode } from './state';

export const CRDT_BENCHMARK_SYNC_MODES: readonly SyncMode[] = ['state', 'delta', 'op'];

export interface OrSetBenchmarkOptions {
  /** Replicas; 50 by default. */
  replicas?: number;
  /** Virtual run length in milliseconds; 20 s by default. */
  durationMs?: number;
  seed?: number;
  /** Mean time between random operations per replica. */
  operationIntervalMs?: number;
}

/**
 * 50 OR-Set replicas: random adds and removes over 12 elements until 70% of the run; the
 * cluster split in two halves from 20% to 45%, one replica isolated from 50% to 65%, 1% loss
 * throughout. Every fault heals before the end, so a run that lasts `durationMs` converges.
 */
export function orSetBenchmarkScenario(syncMode: SyncMode, options: OrSetBenchmarkOptions = {}): Scenario {
  const replicas = options.replicas ?? 50;
  const durationMs = options.durationMs ?? 20_000;
  const ids = Array.from({ length: replicas }, (_, index) => `n${index + 1}`);
  const half = Math.ceil(replicas / 2);
  const at = (fraction: number): number => Math.round(durationMs * fraction);
  return {
    version: 1,
    module: 'crdt',
    title: `OR-Set benchmark: ${replicas} replicas, ${syncMode} sync`,
    description: `${replicas} OR-Set replicas under random operations, a split into two halves and an isolated replica, with ${syncMode} sync.`,
    seed: options.seed ?? 1,
    nodes: replicas,
    params: { type: 'or-set', syncIntervalMs: 200, deltaBufferLimit: 64 },
    variants: { syncMode, garbageCollection: true, naiveStore: false },
    workload: { operationIntervalMs: options.operationIntervalMs ?? 1_000, stopAtMs: at(0.7), elementCount: 12 },
    network: { latencyMs: 10, jitterMs: 5, lossRatio: 0.01 },
    schedule: [
      { at: at(0.2), type: 'partition', groups: [ids.slice(0, half), ids.slice(half)] },
      { at: at(0.45), type: 'heal' },
      { at: at(0.5), type: 'isolate', node: ids[ids.length - 1] as string },
      { at: at(0.65), type: 'heal' },
    ],
    engine: { pauseOnViolation: false },
  };
}

export function orSetBenchmarkScenarios(options: OrSetBenchmarkOptions = {}): Array<{ syncMode: SyncMode; scenario: Scenario }> {
  return CRDT_BENCHMARK_SYNC_MODES.map((syncMode) => ({ syncMode, scenario: orSetBenchmarkScenario(syncMode, options) }));
}

/** Bytes per delivered update for a mode, from a run's summary; null when the summary lacks it. */
export function bytesPerUpdate(summary: Record<string, unknown>, syncMode: SyncMode): number | null {
  const modes = summary.modes as Record<string, { bytesPerUpdate?: number }> | undefined;
  return modes?.[syncMode]?.bytesPerUpdate ?? null;
}
