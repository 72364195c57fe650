/** Same scenario, same hash: straight runs, chunked runs, seeks and replays of forks. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../index';
import type { Action, Scenario } from '../scenario/types';

function faultyScenario(seed: number): Scenario {
  return {
    version: 1,
    module: 'ping',
    seed,
    nodes: 4,
    params: { intervalMs: 20 },
    workload: { clients: 2, requestIntervalMs: 30 },
    network: { latencyMs: 5, jitterMs: 10, lossRatio: 0.05, duplicationRatio: 0.05, reorderRatio: 0.1 },
    engine: { checkpointEvery: 200 },
    schedule: [
      { at: 150, type: 'crash', node: 'n2' },
      { at: 300, type: 'partition', groups: [['n1', 'n3'], ['n2', 'n4']] },
      { at: 420, type: 'pause', node: 'n1' },
      { at: 480, type: 'restart', node: 'n2' },
      { at: 500, type: 'resume', node: 'n1' },
      { at: 600, type: 'skew-clock', node: 'n3', skewMs: 40, driftPpm: 20_000 },
      { at: 650, type: 'hold', from: 'n4', to: 'n1' },
      { at: 700, type: 'heal' },
    ],
  };
}

function hashAt(scenario: Scenario, ms: number): string {
  const simulation = createSimulation(scenario);
  simulation.runUntil(ms, false);
  return simulation.traceHash();
}

describe('determinism', () => {
  it('gives the same hash twice for the same scenario, and a different one for another seed', () => {
    expect(hashAt(faultyScenario(1), 1000)).toBe(hashAt(faultyScenario(1), 1000));
    expect(hashAt(faultyScenario(1), 1000)).not.toBe(hashAt(faultyScenario(2), 1000));
  });

  it('does not depend on how the run is chunked', () => {
    const straight = createSimulation(faultyScenario(5));
    straight.runUntil(900, false);
    const chunked = createSimulation(faultyScenario(5));
    for (let ms = 7; ms < 900; ms += 7) chunked.runUntil(ms, false);
    chunked.runUntil(900, false);
    expect(chunked.traceHash()).toBe(straight.traceHash());
    expect(chunked.eventIndex).toBe(straight.eventIndex);
    expect(chunked.inspect()).toEqual(straight.inspect());
  });

  it('seek-then-replay equals a straight run, backwards and forwards (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, first, second) => {
        const scenario = faultyScenario(seed);
        const simulation = createSimulation(scenario);
        simulation.runUntil(1000, false);
        simulation.seek(first);
        expect(simulation.traceHash()).toBe(hashAt(scenario, first));
        simulation.seek(second);
        expect(simulation.traceHash()).toBe(hashAt(scenario, second));
        const fresh = createSimulation(scenario);
        fresh.runUntil(second, false);
        expect(simulation.inspect()).toEqual(fresh.inspect());
      }),
      { numRuns: 25 },
    );
  });

  it('seekEvent lands exactly on an event and matches stepping there', () => {
    const scenario = faultyScenario(9);
    const simulation = createSimulation(scenario);
    simulation.runUntil(800, false);
    simulation.seekEvent(1234);
    const stepped = createSimulation(scenario);
    while (stepped.eventIndex < 1234) stepped.step();
    expect(simulation.eventIndex).toBe(1234);
    expect(simulation.traceHash()).toBe(stepped.traceHash());
  });

  it('replays user actions from currentScenario() to the same hash, including actions made between events', () => {
    const scenario = faultyScenario(3);
    const live = createSimulation(scenario);
    live.runUntil(250, false);
    live.apply({ type: 'isolate', node: 'n3', at: 0 } as Action);
    live.runUntil(400, false);
    for (let index = 0; index < 5; index++) live.step();
    live.apply({ type: 'crash', node: 'n4', at: 0 } as Action);
    live.runUntil(1000, false);
    const replayed = createSimulation(live.currentScenario());
    replayed.runUntil(1000, false);
    expect(replayed.traceHash()).toBe(live.traceHash());
    expect(replayed.eventIndex).toBe(live.eventIndex);
  });

  it('forks when acting in the past: later perturbations are discarded, scripted ones kept', () => {
    const scenario = faultyScenario(4);
    const simulation = createSimulation(scenario);
    simulation.runUntil(200, false);
    simulation.apply({ type: 'crash', node: 'n4', at: 0 } as Action);
    simulation.runUntil(900, false);
    simulation.seek(100);
    simulation.apply({ type: 'crash', node: 'n1', at: 0 } as Action);
    const userActions = (simulation.currentScenario().schedule ?? []).filter((action) => action.afterEvent !== undefined);
    expect(userActions.map((action) => (action as { node?: string }).node)).toEqual(['n1']);
    expect(simulation.currentScenario().schedule).toHaveLength((scenario.schedule ?? []).length + 1);
    simulation.runUntil(900, false);
    const replayed = createSimulation(simulation.currentScenario());
    replayed.runUntil(900, false);
    expect(replayed.traceHash()).toBe(simulation.traceHash());
    expect(simulation.inspect().nodes.find((node) => node.id === 'n4')?.status).not.toBe('crashed');
  });

  it('keeps seeking correct when checkpoints are thinned out', () => {
    const scenario: Scenario = { ...faultyScenario(8), engine: { checkpointEvery: 100, checkpointLimit: 8 } };
    const simulation = createSimulation(scenario);
    simulation.runUntil(3000, false);
    for (const ms of [2500, 10, 1700, 640]) {
      simulation.seek(ms);
      expect(simulation.traceHash()).toBe(hashAt(scenario, ms));
    }
  });

  it('folds events into the hash lazily without changing it: asking along the way gives the same hash', () => {
    // The trace folds pending events into the hash when asked, when a checkpoint saves the
    // position, and before a ring slot is reused; where those fall must not matter.
    const scenario: Scenario = { ...faultyScenario(8), engine: { checkpointEvery: 1_000_000, traceLimit: 1000 } };
    const asked = createSimulation(scenario);
    for (let ms = 7; ms <= 1500; ms += 7) {
      asked.runUntil(ms, false);
      asked.traceHash();
    }
    asked.runUntil(1500, false);
    const quiet = createSimulation(scenario);
    quiet.runUntil(1500, false);
    expect(asked.traceHash()).toBe(quiet.traceHash());
    expect(quiet.traceHash()).toBe(hashAt(faultyScenario(8), 1500));
  });

  it('fingerprints the whole run even when the trace buffer keeps only the tail', () => {
    const small: Scenario = { ...faultyScenario(6), engine: { traceLimit: 1000 } };
    const simulation = createSimulation(small);
    simulation.runUntil(1500, false);
    expect(simulation.traceHash()).toBe(hashAt(faultyScenario(6), 1500));
    expect(simulation.trace().length).toBeLessThanOrEqual(1000);
    expect(simulation.trace().at(-1)?.index).toBe(simulation.inspect().traceCount - 1);
  });
});

describe('forward seeks', () => {
  it('jump through later checkpoints of the same timeline and still match a straight run', () => {
    const scenario: Scenario = { ...faultyScenario(12), engine: { checkpointEvery: 100 } };
    const simulation = createSimulation(scenario);
    simulation.runUntil(2000, false);
    simulation.seek(50);
    for (const ms of [700, 1500, 1999]) {
      simulation.seek(ms);
      expect(simulation.traceHash()).toBe(hashAt(scenario, ms));
    }
    simulation.seekEvent(10);
    simulation.seekEvent(3000);
    const stepped = createSimulation(scenario);
    while (stepped.eventIndex < 3000) stepped.step();
    expect(simulation.traceHash()).toBe(stepped.traceHash());
  });
});

describe('exact positions', () => {
  it('seekPosition reproduces a position between events, with an action applied there', () => {
    const scenario: Scenario = { ...faultyScenario(21), schedule: [{ at: 0, type: 'hold', from: 'n1', to: 'n2' }] };
    const live = createSimulation(scenario);
    live.runUntil(300, false);
    for (let index = 0; index < 3; index++) live.step();
    const held = live.inspect().inFlight.find((message) => message.held);
    expect(held).toBeDefined();
    // Deliver-by-hand queues the delivery at this very instant: the position is "after the action, before that event".
    live.apply({ type: 'deliver', message: held!.id, at: 0 } as Action);
    const position = { ms: live.now / 1000, events: live.eventIndex };
    const shared = createSimulation(live.currentScenario());
    shared.seekPosition(position.ms, position.events);
    expect(shared.traceHash()).toBe(live.traceHash());
    expect(shared.inspect()).toEqual(live.inspect());
    // Running to the time alone goes one event further: the delivery at that instant runs.
    const byTime = createSimulation(live.currentScenario());
    byTime.runUntil(position.ms, false);
    expect(byTime.eventIndex).toBeGreaterThan(position.events);
  });

  it('seekPosition after runUntil equals runUntil', () => {
    const scenario = faultyScenario(22);
    const straight = createSimulation(scenario);
    straight.runUntil(777, false);
    const positioned = createSimulation(scenario);
    positioned.runUntil(1500, false);
    positioned.seekPosition(777, straight.eventIndex);
    expect(positioned.traceHash()).toBe(straight.traceHash());
    expect(positioned.inspect()).toEqual(straight.inspect());
  });
});

describe('time travel keeps the trace and the history whole', () => {
  it('a forward jump after a seek back shows the same trace and history as a straight run', () => {
    const scenario: Scenario = { ...faultyScenario(31), engine: { checkpointEvery: 100 } };
    const simulation = createSimulation(scenario);
    simulation.runUntil(1500, false);
    simulation.seek(100);
    simulation.seek(1400);
    const straight = createSimulation(scenario);
    straight.runUntil(1400, false);
    expect(simulation.history()).toEqual(straight.history());
    expect(simulation.trace()).toEqual(straight.trace());
    expect(simulation.invariants()).toEqual(straight.invariants());
  });

  it('a fork forgets the old future of the trace and the history', () => {
    const scenario: Scenario = { ...faultyScenario(32), engine: { checkpointEvery: 100 } };
    const simulation = createSimulation(scenario);
    simulation.runUntil(1500, false);
    simulation.seek(300);
    simulation.apply({ type: 'crash', node: 'n1', at: 0 } as Action);
    simulation.seek(1400);
    const replayed = createSimulation(simulation.currentScenario());
    replayed.runUntil(1400, false);
    expect(simulation.traceHash()).toBe(replayed.traceHash());
    expect(simulation.history()).toEqual(replayed.history());
    expect(simulation.trace()).toEqual(replayed.trace());
  });
});
