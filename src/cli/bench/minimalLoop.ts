/**
 * The ping module run by the least an event loop needs to honour the protocol contract:
 * the engine's queue and PRNG, string addresses resolved to node indexes, timers that can be
 * re-armed and cancelled, client records kept. None of the engine's features: no trace and
 * no trace hash, no checkpoints, no checkers, no network model beyond latency and jitter,
 * no lifecycle (crash, pause, skew).
 *
 * Measured beside the bare loop, it says how much of the engine target (engine ≥ 0.5 of the
 * bare loop, with tracing on) the workload itself takes before any engine feature is added:
 * a figure for judging the target, not a rival to the engine.
 */
import { moduleConfig } from '../../engine';
import { EventQueue } from '../../engine/core/queue';
import { Prng } from '../../engine/core/prng';
import type { Microseconds } from '../../engine/core/time';
import type { HistoryRecord, HistoryType, NodeContext } from '../../engine/protocol';
import type { PlainData } from '../../engine/core/plainData';
import { pingModule, type PingMessage, type PingState } from '../../engine/testing/ping';
import { pingScenario } from './loops';

interface MinimalEvent {
  time: Microseconds;
  seq: number;
  node: number;
  /** Sender index for a delivery; -1 for a timer. */
  from: number;
  message: PingMessage | null;
  timerKey: string;
  generation: number;
}

interface TimerSlot {
  key: string;
  generation: number;
}

class MinimalLoop {
  readonly queue = new EventQueue<MinimalEvent>();
  readonly history: HistoryRecord[] = [];
  now: Microseconds = 0;
  private seq = 0;
  private readonly spare: MinimalEvent[] = [];
  private readonly indexOf = new Map<string, number>();
  private readonly timers: TimerSlot[][] = [];
  readonly contexts: NodeContext<PingMessage>[] = [];
  readonly states: PingState[] = [];

  constructor(nodes: number) {
    const scenario = pingScenario(nodes);
    const config = moduleConfig(pingModule, scenario);
    const latencyUs = (scenario.network?.latencyMs ?? 0) * 1000;
    const jitterUs = (scenario.network?.jitterMs ?? 0) * 1000;
    const root = new Prng(scenario.seed, 'faultline');
    const network = root.derive('network');
    const serverIds = Array.from({ length: nodes }, (_unused, index) => `n${index + 1}`);
    const clientIds = Array.from({ length: pingModule.clientCount(config) }, (_unused, index) => `c${index + 1}`);
    [...serverIds, ...clientIds].forEach((id, index) => {
      this.indexOf.set(id, index);
      this.timers.push([]);
      this.contexts.push({
        nodeId: id,
        kind: index < serverIds.length ? 'server' : 'client',
        serverIds,
        clientIds,
        config,
        random: root.derive(`node:${id}`),
        workloadRandom: root.derive(`workload:${id}`),
        now: () => this.now,
        send: (to, message) => this.schedule(latencyUs + network.below(jitterUs + 1), this.indexOf.get(to) as number, index, message, '', 0),
        setTimer: (key, delay) => this.schedule(delay, index, -1, null, key, this.arm(index, key)),
        cancelTimer: (key) => void this.arm(index, key),
        note: () => undefined,
        record: (type, f, key, value) => this.record(id, type, f, key, value),
      });
    });
    for (const context of this.contexts) this.states.push(pingModule.createNode(context));
  }

  /** Runs `count` events; returns a checksum so the work cannot be optimized away. */
  run(count: number): number {
    for (let handled = 0; handled < count; handled++) {
      const event = this.queue.pop() as MinimalEvent;
      this.now = event.time;
      const { node, from, message, timerKey, generation } = event;
      event.message = null;
      this.spare.push(event);
      const context = this.contexts[node] as NodeContext<PingMessage>;
      if (from >= 0) {
        pingModule.onMessage(this.states[node] as PingState, this.contexts[from]?.nodeId as string, message as PingMessage, context);
      } else if (this.current(node, timerKey) === generation) {
        this.arm(node, timerKey);
        pingModule.onTimer(this.states[node] as PingState, timerKey, context);
      }
    }
    return this.history.length + this.queue.size;
  }

  private schedule(delay: Microseconds, node: number, from: number, message: PingMessage | null, timerKey: string, generation: number): void {
    const event = this.spare.pop() ?? { time: 0, seq: 0, node: 0, from: -1, message: null, timerKey: '', generation: 0 };
    event.time = this.now + delay;
    event.seq = this.seq++;
    event.node = node;
    event.from = from;
    event.message = message;
    event.timerKey = timerKey;
    event.generation = generation;
    this.queue.push(event);
  }

  /** A new generation for the node's timer `key`: entries queued under older ones are stale. */
  private arm(node: number, key: string): number {
    const slots = this.timers[node] as TimerSlot[];
    for (const slot of slots) if (slot.key === key) return ++slot.generation;
    slots.push({ key, generation: 1 });
    return 1;
  }

  private current(node: number, key: string): number {
    for (const slot of this.timers[node] as TimerSlot[]) if (slot.key === key) return slot.generation;
    return 0;
  }

  private record(process: string, type: HistoryType, f: string, key: string | null, value: PlainData): number {
    const index = this.history.length;
    this.history.push({ index, process, type, f, key, value, time: this.now });
    return index;
  }
}

/** Runs the ping module for `count` events on the minimal loop; returns a checksum. */
export function minimalPingLoop(count: number, nodes = 5): number {
  return new MinimalLoop(nodes).run(count);
}

/** For tests: a minimal loop to run and look into. */
export function minimalPingRun(count: number, nodes = 5): { history: readonly HistoryRecord[]; states: readonly PingState[] } {
  const loop = new MinimalLoop(nodes);
  loop.run(count);
  return { history: loop.history, states: loop.states };
}
