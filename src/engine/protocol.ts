/**
 * The protocol contract. A protocol node is a state machine over plain data: the engine
 * hands it one input at a time (a message, a timer firing, a client request, a module
 * action) together with a NodeContext, and the node answers only through that context:
 * messages to send, timers to arm or cancel, trace notes, client-history records. It never
 * reads a clock except `context.now()` (its own, possibly skewed, local clock) and never
 * draws randomness except from `context.random`.
 *
 * State is mutated in place for speed (the engine clones it only for checkpoints). Messages
 * are immutable once sent: duplicates share one payload, so a receiver must copy before it
 * changes anything it took from a message.
 */
import type { Prng } from './core/prng';
import type { Microseconds } from './core/time';
import type { PlainData } from './core/plainData';
import type { ParameterSpecs, ParameterValues } from './parameters';

export type NodeKind = 'server' | 'client';
export type NodeStatus = 'up' | 'crashed' | 'paused';

/** The Jepsen history convention: an invoke followed by exactly one ok, fail or info. */
export type HistoryType = 'invoke' | 'ok' | 'fail' | 'info';

export interface HistoryRecord {
  index: number;
  /** The client process (a client node id). */
  process: string;
  type: HistoryType;
  f: string;
  key: string | null;
  value: PlainData;
  /** Virtual time in microseconds. */
  time: Microseconds;
}

export interface NodeContext<Message = unknown> {
  readonly nodeId: string;
  readonly kind: NodeKind;
  /** Ids of the server nodes, in order. */
  readonly serverIds: readonly string[];
  /** Ids of the client nodes, in order. */
  readonly clientIds: readonly string[];
  /** The module configuration with defaults filled in. */
  readonly config: ModuleConfig;
  /** This node's randomness (timeouts, peer choice). */
  readonly random: Prng;
  /** This node's workload randomness (which operation to issue next). */
  readonly workloadRandom: Prng;
  /** The node's local clock in microseconds: global virtual time with this node's skew and drift. */
  now(): Microseconds;
  send(to: string, message: Message): void;
  /** Arms (or re-arms) the timer `key` to fire after `delay` microseconds of local time. */
  setTimer(key: string, delay: Microseconds): void;
  cancelTimer(key: string): void;
  /** A state change worth showing in the trace and on the space-time diagram. */
  note(text: string): void;
  /** Appends a client-history record; returns its index. Only client nodes record. */
  record(type: HistoryType, f: string, key: string | null, value: PlainData): number;
}

export interface ModuleConfig {
  nodeCount: number;
  params: ParameterValues;
  variants: ParameterValues;
  workload: ParameterValues;
}

/** What checkers, selectors and summaries see of a node. */
export interface NodeView<State = unknown> {
  id: string;
  kind: NodeKind;
  status: NodeStatus;
  /** Live state when up or paused; null when crashed. Read-only. */
  state: State | null;
  /** What survives the crash, while crashed. */
  persistent: PlainData | null;
}

export interface CheckView<State = unknown> {
  now: Microseconds;
  eventIndex: number;
  config: ModuleConfig;
  nodes: readonly NodeView<State>[];
  /** Index into `nodes` of the node that just stepped, or -1 (after a fault or at start). */
  changedNode: number;
}

/** A safety invariant, run after every event. Its state is plain data so checkpoints can copy it. */
export interface SafetyChecker<State = unknown, CheckerState extends PlainData = PlainData> {
  name: string;
  description: string;
  init(): CheckerState;
  /** Returns a violation message, or null when the invariant holds. May update checkerState. */
  check(checkerState: CheckerState, view: CheckView<State>): string | null;
}

/** A liveness property: null when satisfied, else the reason it is still pending. */
export interface LivenessChecker<State = unknown> {
  name: string;
  description: string;
  evaluate(view: CheckView<State>): string | null;
}

/**
 * A judgement over the whole client history, such as linearizability. Too costly for every
 * event, so it runs when invariants are requested, cached until the history grows.
 */
export interface HistoryChecker {
  name: string;
  description: string;
  /** Returns a violation message, or null when the history passes. */
  check(history: readonly HistoryRecord[]): string | null;
}

export interface ModuleActionSpec {
  description: string;
  /** Module actions always target a node (an id or a selector such as "@leader"); onAction runs there. */
  args: ParameterSpecs;
}

// The registry holds modules of every state and message type; `any` here is what lets a
// ProtocolModule<RaftState, RaftMessage> stand where the engine expects the general one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ProtocolModule<State = any, Message = any> {
  name: string;
  title: string;
  description: string;
  nodes: { minimum: number; maximum: number; default: number };
  parameters: ParameterSpecs;
  variants: ParameterSpecs;
  workload: ParameterSpecs;
  /** The fields of a client request (`{ type: 'client', request }`). */
  request: ParameterSpecs;
  actions: Readonly<Record<string, ModuleActionSpec>>;
  /** How many client nodes (c1, c2, ...) this configuration runs. */
  clientCount(config: ModuleConfig): number;
  /** Node selectors such as `leader` for "@leader". Returns a node id or null. */
  selectors: Readonly<Record<string, (view: CheckView<State>) => string | null>>;
  /** The timer that the `timeout` action fires at once, if the module has one. */
  forceableTimer?: string;

  createNode(context: NodeContext<Message>): State;
  onMessage(state: State, from: string, message: Message, context: NodeContext<Message>): void;
  onTimer(state: State, key: string, context: NodeContext<Message>): void;
  onClientRequest?(state: State, request: ParameterValues, context: NodeContext<Message>): void;
  onAction?(state: State, type: string, args: ParameterValues, context: NodeContext<Message>): void;
  /** The part of the state that survives a crash (declared by the protocol, e.g. Raft's term, vote and log). */
  persistentState(state: State): PlainData;
  /** A fresh volatile state built around what survived. Arms its timers through the context. */
  restart(persistent: PlainData, context: NodeContext<Message>): State;

  /** The message's type name, for the trace and colouring. */
  messageType(message: Message): string;
  /** Approximate encoded size in bytes, for bytes-on-the-wire counts. */
  messageSize?(message: Message): number;
  /** A short label for the diagram and inspector. */
  describeMessage?(message: Message): string;

  safetyCheckers(config: ModuleConfig): SafetyChecker<State>[];
  livenessCheckers(config: ModuleConfig): LivenessChecker<State>[];
  historyCheckers?(config: ModuleConfig): HistoryChecker[];
  /**
   * A bounded view of a node's state (or of its persistent part while crashed) for live
   * displays, which receive one every animation frame: collections that grow with the run
   * (Raft's log) cut to their most recent `limit` items, with fields saying what was cut.
   * Without it, frames carry the whole state. Must not return live mutable objects.
   */
  frameState?(value: unknown, part: 'state' | 'persistent', limit: number): unknown;
  /** Module-level figures for the headless summary (e.g. converged, bytes per mode). */
  summarize?(view: CheckView<State>): Record<string, PlainData>;
}
