/**
 * Time travel over Raft's append-only logs. Checkpoints keep a prefix of each log by
 * reference instead of copying it (capturePlain), which is sound only while no position
 * below a log's length is ever rewritten: truncation must replace the array. These runs
 * truncate logs (an isolated leader's uncommitted entries are overwritten), compact them
 * (snapshots, InstallSnapshot to a restarted server) and restart servers, then seek to random times in random order and compare
 * every node's state and the trace hash with a straight run to the same time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/plainData';
import { createSimulation } from '../../index';
import type { Action, Scenario } from '../../scenario/types';
import type { Simulation } from '../../sim/simulation';
import type { RaftServerState } from './types';

const END_MS = 4_500;

/** An isolated leader keeps taking writes it cannot commit; after the heal they are truncated. */
function truncatingScenario(seed: number, compaction: boolean): Scenario {
  const writes: Action[] = [0, 1, 2, 3].map((offset) => ({ at: 1_100 + offset * 20, type: 'client', node: '@leader', request: { f: 'put', key: 'x', value: `lost${offset}` } }) as Action);
  return {
    version: 1,
    module: 'raft',
    seed,
    nodes: 5,
    params: { snapshotThreshold: 20 },
    variants: { compaction },
    workload: { clients: 2, requestIntervalMs: 60 },
    schedule: [{ at: 1_000, type: 'isolate', node: '@leader' }, ...writes, { at: 1_500, type: 'crash', node: 'n5' }, { at: 2_500, type: 'heal' }, { at: 3_200, type: 'restart', node: 'n5' }] as Action[],
    engine: { checkpointEvery: 150, pauseOnViolation: false },
  } as Scenario;
}

function fingerprint(simulation: Simulation): string {
  return `${simulation.traceHash()} ${canonicalJson(simulation.inspect().nodes)}`;
}

function straightTo(scenario: Scenario, ms: number): string {
  const simulation = createSimulation(scenario);
  simulation.runUntil(ms, false);
  return fingerprint(simulation);
}

function truncatedAnywhere(simulation: Simulation): boolean {
  return simulation.inspect().nodes.some((node) => node.kind === 'server' && ((node.state as RaftServerState | null)?.truncatedEntries ?? 0) > 0);
}

describe('Raft time travel with shared log prefixes', () => {
  it('the scenario really truncates logs and takes snapshots (otherwise the property below proves little)', () => {
    const simulation = createSimulation(truncatingScenario(1, true));
    simulation.runUntil(END_MS, false);
    expect(truncatedAnywhere(simulation)).toBe(true);
    expect(simulation.trace().some((event) => event.node === 'n5' && event.detail?.startsWith('installed snapshot') === true)).toBe(true);
    expect(simulation.invariants().every((report) => report.ok)).toBe(true);
  });

  it('seeking back and forth to any times equals a straight run to each time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: END_MS }), { minLength: 2, maxLength: 4 }),
        (seed, compaction, times) => {
          const scenario = truncatingScenario(seed, compaction);
          const travelled = createSimulation(scenario);
          travelled.runUntil(END_MS, false);
          for (const ms of times) {
            travelled.seek(ms);
            expect(fingerprint(travelled)).toBe(straightTo(scenario, ms));
          }
        },
      ),
      { numRuns: 12, seed: 20261122 },
    );
  });

  it('a run that continues from its own checkpoints now and then (2, 4, 8, …) equals one that never does', () => {
    // Simulation.takeCheckpoint restores the checkpoint just taken at those points: with a
    // checkpoint due every 20 events, four times or more before END_MS; with one every million
    // events, never.
    for (const seed of [3, 4]) {
      const scenario = { ...truncatingScenario(seed, true), engine: { checkpointEvery: 20, pauseOnViolation: false } };
      const warmed = createSimulation(scenario);
      warmed.runUntil(END_MS, false);
      expect(warmed.checkpoints.count).toBeGreaterThanOrEqual(16);
      expect(fingerprint(warmed)).toBe(straightTo({ ...scenario, engine: { checkpointEvery: 1_000_000, pauseOnViolation: false } }, END_MS));
    }
  });
});
