/**
 * The engine's side of a node: lifecycle status, live and persistent state, timers, local
 * clock, randomness streams, and the NodeContext handed to the protocol. The protocol sees
 * only the context; this runtime is the engine's bookkeeping.
 */
import type { PlainData } from '../core/plainData';
import type { Prng, PrngState } from '../core/prng';
import type { Microseconds } from '../core/time';
import type { HistoryType, ModuleConfig, NodeContext, NodeKind, NodeStatus, NodeView } from '../protocol';
import type { QueuedEvent } from './events';
import { TimerTable, type SavedTimer } from './timers';

/** What the runtime needs from the simulation to carry out a node's outputs. */
export interface NodeEffects {
  readonly now: Microseconds;
  send(from: NodeRuntime, to: string, message: unknown): void;
  setTimer(node: NodeRuntime, key: string, localDelay: Microseconds): void;
  cancelTimer(node: NodeRuntime, key: string): void;
  note(node: NodeRuntime, text: string): void;
  record(node: NodeRuntime, type: HistoryType, f: string, key: string | null, value: PlainData): number;
}

export class NodeRuntime implements NodeView {
  status: NodeStatus = 'up';
  state: unknown = null;
  persistent: PlainData | null = null;
  readonly timers = new TimerTable();
  /** Constant clock offset in microseconds. */
  skewUs = 0;
  /** Clock rate error in parts per million: +1000 runs 0.1% fast. */
  driftPpm = 0;
  /** Events that arrived while paused, delivered in order on resume. */
  deferred: QueuedEvent[] = [];
  readonly context: NodeContext;

  constructor(
    readonly id: string,
    readonly index: number,
    readonly kind: NodeKind,
    readonly random: Prng,
    readonly workloadRandom: Prng,
    serverIds: readonly string[],
    clientIds: readonly string[],
    config: ModuleConfig,
    effects: NodeEffects,
  ) {
    this.context = {
      nodeId: id,
      kind,
      serverIds,
      clientIds,
      config,
      random,
      workloadRandom,
      now: () => this.localTime(effects.now),
      send: (to, message) => effects.send(this, to, message),
      setTimer: (key, delay) => effects.setTimer(this, key, delay),
      cancelTimer: (key) => effects.cancelTimer(this, key),
      note: (text) => effects.note(this, text),
      record: (type, f, key, value) => effects.record(this, type, f, key, value),
    };
  }

  /** Local clock: global time plus skew plus accumulated drift. */
  localTime(globalTime: Microseconds): Microseconds {
    return globalTime + this.skewUs + Math.trunc((globalTime * this.driftPpm) / 1_000_000);
  }

  /** A local-clock delay converted to global time: a fast clock fires its timers early. */
  globalDelay(localDelay: Microseconds): Microseconds {
    if (this.driftPpm === 0) return localDelay;
    return Math.max(0, Math.ceil((localDelay * 1_000_000) / (1_000_000 + this.driftPpm)));
  }
}

export interface NodeSnapshot {
  status: NodeStatus;
  state: unknown;
  persistent: PlainData | null;
  timers: SavedTimer[];
  skewUs: number;
  driftPpm: number;
  deferred: QueuedEvent[];
  random: PrngState;
  workloadRandom: PrngState;
}
