/** The fault vocabulary, one behaviour each, observed through the trace and inspect(). */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { cluster } from '../testing/cluster';
import type { PingServerState } from '../testing/ping';
import type { Action, Scenario } from '../scenario/types';
import type { TraceEvent } from './trace';

const quietNetwork = { latencyMs: 5, jitterMs: 2 };

function deliveries(trace: TraceEvent[], from: string, to: string, afterMs = 0, beforeMs = Infinity): TraceEvent[] {
  return trace.filter((event) => event.kind === 'deliver' && event.peer === from && event.node === to && event.time >= afterMs * 1000 && event.time < beforeMs * 1000);
}

describe('partitions', () => {
  it('a group split stops every delivery across groups and none within', () => {
    const run = cluster({ module: 'ping', nodes: 4, workload: { clients: 0 }, network: quietNetwork, params: { intervalMs: 10 } })
      .at(100).partition(['n1', 'n2'], ['n3', 'n4'])
      .at(600).heal()
      .runUntil(1000);
    const trace = run.simulation.trace();
    // Allow one latency after the split for messages already delivered at 100 ms.
    expect(deliveries(trace, 'n1', 'n3', 100, 600)).toEqual([]);
    expect(deliveries(trace, 'n4', 'n2', 100, 600)).toEqual([]);
    expect(deliveries(trace, 'n1', 'n2', 100, 600).length).toBeGreaterThan(0);
    expect(deliveries(trace, 'n1', 'n3', 600).length + deliveries(trace, 'n3', 'n1', 600).length).toBeGreaterThan(0);
    expect(trace.some((event) => event.kind === 'drop' && event.detail === 'link cut')).toBe(true);
  });

  it('a one-way cut blocks from→to and leaves to→from alone', () => {
    const run = cluster({ module: 'ping', nodes: 2, workload: { clients: 0 }, network: quietNetwork, params: { intervalMs: 10 } })
      .act({ type: 'cut', from: 'n1', to: 'n2', oneWay: true })
      .runUntil(500);
    const trace = run.simulation.trace();
    expect(deliveries(trace, 'n1', 'n2')).toEqual([]);
    expect(deliveries(trace, 'n2', 'n1').length).toBeGreaterThan(0);
    expect(run.simulation.inspect().network.cut).toEqual([{ from: 'n1', to: 'n2' }]);
  });

  it('isolating a node cuts both directions of every link it has', () => {
    const run = cluster({ module: 'ping', nodes: 3, workload: { clients: 0 }, network: quietNetwork }).isolate('n2').runUntil(300);
    expect(run.simulation.inspect().network.cut).toHaveLength(4);
    const trace = run.simulation.trace();
    expect(trace.filter((event) => event.kind === 'deliver' && (event.node === 'n2' || event.peer === 'n2'))).toEqual([]);
  });
});

describe('node lifecycle', () => {
  it('a crash loses volatile state, keeps persistent state, and stops timers and deliveries', () => {
    const run = cluster({ module: 'ping', nodes: 3, workload: { clients: 0 }, network: quietNetwork, params: { intervalMs: 10 } })
      .at(300).crash('n2')
      .runUntil(600);
    const crashed = run.node('n2');
    expect(crashed.status).toBe('crashed');
    expect(crashed.state).toBeNull();
    expect(crashed.timers).toEqual([]);
    expect((crashed.persistent as { pingsSent: number }).pingsSent).toBeGreaterThan(0);
    const trace = run.simulation.trace();
    expect(trace.filter((event) => event.node === 'n2' && event.time > 300_000 && (event.kind === 'deliver' || event.kind === 'timer'))).toEqual([]);
    expect(trace.some((event) => event.kind === 'drop' && event.detail === 'n2 is crashed')).toBe(true);

    run.simulation.apply({ type: 'restart', node: 'n2', at: 0 } as Action);
    const restarted = run.node<PingServerState>('n2');
    expect(restarted.status).toBe('up');
    expect(restarted.state?.pingsSent).toBe((crashed.persistent as { pingsSent: number }).pingsSent);
    expect(restarted.state?.pingsReceived).toBe(0);
    expect(restarted.timers.map((timer) => timer.key)).toEqual(['ping']);
  });

  it('a paused node runs nothing, then handles what waited in order on resume', () => {
    const run = cluster({ module: 'ping', nodes: 3, workload: { clients: 0 }, network: quietNetwork, params: { intervalMs: 10 } })
      .at(200).act({ type: 'pause', node: 'n1' })
      .runUntil(400);
    const trace = run.simulation.trace();
    expect(trace.filter((event) => event.node === 'n1' && event.time > 200_000 && (event.kind === 'deliver' || event.kind === 'timer'))).toEqual([]);
    // Messages that arrived during the pause wait in arrival order (by their arrival time).
    const waiting = run.simulation.inspect().inFlight.filter((message) => message.to === 'n1' && message.deliverAtMs! <= 400);
    expect(waiting.length).toBeGreaterThan(0);
    run.simulation.apply({ type: 'resume', node: 'n1', at: 0 } as Action);
    run.simulation.runUntil(400.001, false);
    const resumed = run.simulation.trace().filter((event) => event.node === 'n1' && event.kind === 'deliver' && event.time === 400_000);
    const arrivalOrder = [...waiting].sort((left, right) => left.deliverAtMs! - right.deliverAtMs!);
    expect(resumed.map((event) => event.messageId)).toEqual(arrivalOrder.map((message) => message.id));
  });

  it('a fast clock fires its timers early; skew shifts the local clock', () => {
    const base = { module: 'ping', nodes: 2, workload: { clients: 0 }, network: quietNetwork, params: { intervalMs: 10 } } as const;
    const normal = cluster(base).runUntil(2000).node<PingServerState>('n1').state?.pingsSent ?? 0;
    const fastRun = cluster(base).act({ type: 'skew-clock', node: 'n1', skewMs: 250, driftPpm: 500_000 }).runUntil(2000);
    const fast = fastRun.node<PingServerState>('n1');
    expect(fast.state?.pingsSent ?? 0).toBeGreaterThan(normal * 1.3);
    expect(fast.clock.localTimeMs).toBe(2000 + 250 + 1000);
  });

  it('a forced timeout runs the module timer at once', () => {
    const run = cluster({ module: 'ping', nodes: 2, workload: { clients: 0 }, network: quietNetwork, params: { intervalMs: 10_000 } }).runUntil(1);
    const before = run.node<PingServerState>('n1').state?.pingsSent;
    run.simulation.apply({ type: 'timeout', node: 'n1', at: 0 } as Action);
    expect(run.node<PingServerState>('n1').state?.pingsSent).toBe((before ?? 0) + 1);
  });
});

describe('messages in flight', () => {
  const held: Scenario = {
    version: 1, module: 'ping', seed: 2, nodes: 2, workload: { clients: 0 }, params: { intervalMs: 50 }, network: quietNetwork,
    schedule: [{ at: 0, type: 'hold', from: 'n1', to: 'n2' }],
  };

  it('a held link queues messages until one is delivered by hand or the link released', () => {
    const simulation = createSimulation(held);
    simulation.runUntil(400, false);
    const waiting = simulation.inspect().inFlight.filter((message) => message.held);
    expect(waiting.length).toBeGreaterThan(2);
    expect(waiting.every((message) => message.from === 'n1' && message.deliverAtMs === null)).toBe(true);
    const chosen = waiting[1]!;
    simulation.apply({ type: 'deliver', message: chosen.id, at: 0 } as Action);
    simulation.runUntil(400.001, false);
    expect(simulation.trace().filter((event) => event.kind === 'deliver' && event.peer === 'n1').map((event) => event.messageId)).toEqual([chosen.id]);
    simulation.apply({ type: 'release', from: 'n1', to: 'n2', at: 0 } as Action);
    simulation.runUntil(400.002, false);
    const delivered = simulation.trace().filter((event) => event.kind === 'deliver' && event.peer === 'n1').map((event) => event.messageId);
    expect(delivered).toEqual([chosen.id, ...waiting.filter((message) => message !== chosen).map((message) => message.id)]);
  });

  it('drops and duplicates a chosen message by id', () => {
    const simulation = createSimulation({ ...held, schedule: [] });
    while (simulation.inspect().inFlight.length < 2) simulation.step();
    const [first, second] = simulation.inspect().inFlight;
    expect(first && second).toBeTruthy();
    simulation.apply({ type: 'drop', message: first!.id, at: 0 } as Action);
    simulation.apply({ type: 'duplicate', message: second!.id, at: 0 } as Action);
    simulation.runUntil(200, false);
    const trace = simulation.trace();
    expect(trace.some((event) => event.kind === 'deliver' && event.messageId === first!.id)).toBe(false);
    expect(trace.some((event) => event.kind === 'drop' && event.messageId === first!.id && event.detail === 'dropped by hand')).toBe(true);
    const copy = trace.find((event) => event.kind === 'duplicate' && event.detail === `copy of #${second!.id}`);
    expect(copy).toBeDefined();
    expect(trace.filter((event) => event.kind === 'deliver' && (event.messageId === second!.id || event.messageId === copy!.messageId))).toHaveLength(2);
  });

  it('an action on a message that already arrived is recorded as skipped, not thrown', () => {
    const simulation = createSimulation({ ...held, schedule: [] });
    simulation.runUntil(300, false);
    simulation.apply({ type: 'drop', message: 1, at: 0 } as Action);
    expect(simulation.trace().at(-1)?.detail).toBe('drop #1 skipped: not in flight');
  });

  it('loss 1 drops everything and duplication 1 doubles everything', () => {
    const lost = createSimulation({ ...held, schedule: [], network: { lossRatio: 1 } });
    lost.runUntil(500, false);
    expect(lost.inspect().stats.delivered).toBe(0);
    expect(lost.inspect().stats.dropped).toBe(lost.inspect().stats.sent);
    const doubled = createSimulation({ ...held, schedule: [], network: { duplicationRatio: 1, latencyMs: 1, jitterMs: 0 } });
    doubled.runUntil(500, false);
    const stats = doubled.inspect().stats;
    expect(stats.duplicated).toBe(stats.sent);
  });

  it('per-link network settings override the defaults for that direction only', () => {
    const simulation = createSimulation({ ...held, schedule: [{ at: 0, type: 'network', from: 'n1', to: 'n2', latencyMs: 100, jitterMs: 0 }] });
    simulation.runUntil(1000, false);
    const trace = simulation.trace();
    const sends = new Map(trace.filter((event) => event.kind === 'send').map((event) => [event.messageId, event.time]));
    for (const event of deliveries(trace, 'n1', 'n2')) expect(event.time - sends.get(event.messageId)!).toBe(100_000);
    for (const event of deliveries(trace, 'n2', 'n1')) expect(event.time - sends.get(event.messageId)!).toBeLessThanOrEqual(7_000);
  });
});

describe('checkers, selectors and history', () => {
  it('a safety violation pauses the run at the exact event', () => {
    const scenario: Scenario = { version: 1, module: 'ping', seed: 3, nodes: 3, variants: { deduplicate: false }, workload: { clients: 0 }, network: { duplicationRatio: 0.2 } };
    const simulation = createSimulation(scenario);
    const result = simulation.runUntil(5000);
    expect(result.stoppedBy).toBe('violation');
    const report = simulation.invariants().find((invariant) => invariant.name === 'Pongs answer pings')!;
    expect(report.ok).toBe(false);
    expect(report.violations[0]!.event).toBe(simulation.eventIndex);
    const last = simulation.trace().filter((event) => event.event === simulation.eventIndex);
    expect(last.some((event) => event.kind === 'deliver' && event.messageType === 'Pong')).toBe(true);
  });

  it('liveness is pending while faults last and fails at exactly heal + bound when never satisfied', () => {
    const scenario: Scenario = {
      version: 1, module: 'ping', seed: 1, nodes: 2, workload: { clients: 0 }, network: { lossRatio: 1 },
      engine: { livenessBoundMs: 500 },
      schedule: [{ at: 0, type: 'crash', node: 'n2' }, { at: 1000, type: 'restart', node: 'n2' }],
    };
    const simulation = createSimulation(scenario);
    simulation.runUntil(900, false);
    const pending = simulation.invariants().find((invariant) => invariant.kind === 'liveness')!;
    expect(pending.ok).toBe(true);
    expect(pending.pending).toMatch(/faults active: n2 crashed/);
    simulation.runUntil(3000, false);
    const failed = simulation.invariants().find((invariant) => invariant.kind === 'liveness')!;
    expect(failed.ok).toBe(false);
    expect(failed.violations[0]!.atMs).toBe(1500);
  });

  it('resolves @selectors when the action applies', () => {
    const run = cluster({ module: 'ping', nodes: 3, workload: { clients: 0 } }).crash('n1').at(10).crash('@first-up').runUntil(20);
    expect(run.node('n2').status).toBe('crashed');
    expect(run.node('n3').status).toBe('up');
  });

  it('records client operations in the Jepsen convention', () => {
    const simulation = createSimulation({ version: 1, module: 'ping', seed: 1, nodes: 2, workload: { clients: 1, requestIntervalMs: 50 }, network: quietNetwork });
    simulation.runUntil(500, false);
    const history = simulation.history();
    expect(history.length).toBeGreaterThan(4);
    expect(history[0]).toMatchObject({ process: 'c1', type: 'invoke', f: 'echo', key: null, value: 'v1' });
    expect(history[1]).toMatchObject({ process: 'c1', type: 'ok', f: 'echo', value: 'v1' });
    expect(history.every((record, index) => record.index === index && (index === 0 || record.time >= history[index - 1]!.time))).toBe(true);
  });

  it('refuses a runaway queue with a clear invariant error', () => {
    const simulation = createSimulation({ version: 1, module: 'ping', seed: 1, nodes: 50, params: { intervalMs: 1 }, network: { latencyMs: 600_000 }, engine: { queueLimit: 1000 } });
    expect(() => simulation.runUntil(10_000, false)).toThrow(/event queue holds more than 1000 events/);
  });
});
