/**
 * Engine throughput against a bare event loop, measured in the same process run and
 * interleaved repetition by repetition, so a noisy machine slows both alike and the ratio
 * holds (design §8: the engine within 2× of the bare loop, i.e. ratio ≥ 0.5).
 *
 * The bare loop is the engine's own EventQueue with a trivial handler that schedules the
 * next event a pseudo-random delay later, at the same queue depth as the engine run and for
 * the same number of events. The engine runs the ping module with tracing on (the trace is
 * always on; its hash covers every event).
 *
 * A third loop, minimalLoop.ts, runs the same ping run with none of the engine's features: it
 * shows how much of the bare loop's rate the workload itself leaves before any is added.
 */
import { EventQueue } from '../../engine/core/queue';
import { createSimulation, type Scenario } from '../../engine';
import { median, repeat, round, timed, type Repetitions } from './measure';
import { minimalPingLoop } from './minimalLoop';

interface BareEvent {
  time: number;
  seq: number;
  target: number;
}

/** Runs `count` events through the queue; returns a checksum so the work cannot be optimized away. */
export function bareLoop(count: number, queueDepth: number): number {
  const queue = new EventQueue<BareEvent>();
  let seq = 0;
  let random = 0x9e3779b9 | 0;
  for (let index = 0; index < queueDepth; index++) queue.push({ time: index, seq: seq++, target: index });
  let checksum = 0;
  for (let handled = 0; handled < count; handled++) {
    const event = queue.pop() as BareEvent;
    // xorshift32: a delay between 1 and 21 ms of virtual time, like a message latency.
    random ^= random << 13;
    random ^= random >>> 17;
    random ^= random << 5;
    checksum = (checksum + event.target + event.time) | 0;
    queue.push({ time: event.time + 1_000 + ((random >>> 0) % 20_000), seq: seq++, target: event.target });
  }
  return checksum;
}

export function pingScenario(nodes: number, seed = 1): Scenario {
  return {
    version: 1,
    module: 'ping',
    seed,
    nodes,
    params: { intervalMs: 10 },
    variants: { deduplicate: true },
    workload: { clients: 2, requestIntervalMs: 10 },
    network: { latencyMs: 5, jitterMs: 3 },
    engine: { pauseOnViolation: false },
  };
}

export interface LoopFigures {
  bareLoop: { events: number; queueDepth: number; eventsPerSecond: number; repetitions: number };
  engine: {
    module: string;
    nodes: number;
    tracing: true;
    events: number;
    virtualMs: number;
    traceEvents: number;
    eventsPerSecond: number;
    /** engine events/s over bare-loop events/s; the target is ≥ 0.5. */
    ratioToBareLoop: number;
    target: number;
    meetsTarget: boolean;
  };
  /**
   * The same ping workload, the same number of events, on minimalLoop.ts: the module's own
   * work with none of the engine's features. Its ratio is what is left of the target's 2×
   * before tracing, checkpoints and checkers are added.
   */
  minimalLoop: {
    eventsPerSecond: number;
    ratioToBareLoop: number;
    /** engine events/s over minimal-loop events/s: what the engine's features cost on this workload. */
    engineRatio: number;
  };
}

export function measureLoops(plan: Repetitions, virtualMs: number, nodes = 5): LoopFigures {
  const scenario = pingScenario(nodes);
  // A probe run fixes the event count and the queue depth the bare loop must match.
  const probe = createSimulation(scenario);
  probe.runUntil(virtualMs, false);
  const events = probe.eventIndex;
  const queueDepth = Math.max(1, probe.world.queue.size);
  const traceEvents = probe.world.trace.count;
  const runs = repeat(plan, () => {
    const bare = timed(() => bareLoop(events, queueDepth));
    const simulation = createSimulation(scenario);
    const engine = timed(() => simulation.runUntil(virtualMs, false));
    if (simulation.eventIndex !== events) throw new Error('the engine is not deterministic: event counts differ between runs');
    const minimal = timed(() => minimalPingLoop(events, nodes));
    return { bareMs: bare.ms, engineMs: engine.ms, minimalMs: minimal.ms };
  });
  const bareRate = events / (median(runs.map((run) => run.bareMs)) / 1000);
  const engineRate = events / (median(runs.map((run) => run.engineMs)) / 1000);
  const minimalRate = events / (median(runs.map((run) => run.minimalMs)) / 1000);
  const ratio = engineRate / bareRate;
  return {
    bareLoop: { events, queueDepth, eventsPerSecond: Math.round(bareRate), repetitions: plan.repetitions },
    engine: {
      module: 'ping',
      nodes,
      tracing: true,
      events,
      virtualMs,
      traceEvents,
      eventsPerSecond: Math.round(engineRate),
      ratioToBareLoop: round(ratio),
      target: 0.5,
      meetsTarget: ratio >= 0.5,
    },
    minimalLoop: { eventsPerSecond: Math.round(minimalRate), ratioToBareLoop: round(minimalRate / bareRate), engineRatio: round(engineRate / minimalRate) },
  };
}
