/**
 * The world: nodes, network, queue, trace and history, and the primitive operations on
 * them (send, deliver, arm a timer, crash, restart, pause). The Simulation drives it event
 * by event; actions.ts maps the fault vocabulary onto these primitives.
 */
import { invariantBroken } from '../core/assert';
import type { PlainData } from '../core/plainData';
import { Prng } from '../core/prng';
import { EventQueue } from '../core/queue';
import { microsecondsToMilliseconds, type Microseconds } from '../core/time';
import type { CheckView, HistoryType, ModuleConfig, ProtocolModule } from '../protocol';
import { copyQueuedEvent, DELIVER, TIMER, type InFlightMessage, type QueuedEvent } from './events';
import { History } from './history';
import { Network, type LinkSettings } from './network';
import { NodeRuntime, type NodeEffects } from './node';
import { Trace, traceKindCode, type TraceKind } from './trace';

const SEND = traceKindCode('send');
const DELIVER_CODE = traceKindCode('deliver');
const DROP = traceKindCode('drop');
const TIMER_CODE = traceKindCode('timer');
const CLIENT_CODE = traceKindCode('client');
/** Spare queue entries kept for reuse; beyond this, consumed entries are left to the collector. */
const SPARE_EVENTS_KEPT = 4_096;

export interface WorldLimits {
  traceLimit: number;
  historyLimit: number;
  queueLimit: number;
}

export interface NetworkStats {
  sent: number;
  delivered: number;
  dropped: number;
  duplicated: number;
  bytesSent: number;
  bytesByType: Record<string, number>;
}

export class World implements NodeEffects {
  now: Microseconds = 0;
  eventIndex = 0;
  seq = 0;
  nextMessageId = 1;
  timerGeneration = 0;
  readonly queue = new EventQueue<QueuedEvent>();
  /** Messages waiting on held links, in arrival order. */
  held: QueuedEvent[] = [];
  private readonly spare: QueuedEvent[] = [];
  /** Trace details of client operations ('invoke put x'), by type, f and key: built once each. */
  private readonly clientDetails = new Map<string, Map<string, Map<string | null, string>>>();
  readonly nodes: NodeRuntime[] = [];
  readonly nodeIndex = new Map<string, number>();
  /** Each node's id interned in the trace, by node index. */
  private readonly nodeTraceIds: number[] = [];
  readonly serverIds: string[] = [];
  readonly clientIds: string[] = [];
  readonly network: Network;
  readonly networkRandom: Prng;
  readonly trace: Trace;
  readonly history: History;
  /** Counters; bytes per message type are kept by interned type id and appear in networkStats(). */
  private readonly stats = { sent: 0, delivered: 0, dropped: 0, duplicated: 0, bytesSent: 0 };
  private bytesByTypeId: number[] = [];
  /** The view checkers and selectors read; one object, updated in place. */
  readonly view: CheckView;

  constructor(
    readonly module: ProtocolModule,
    readonly config: ModuleConfig,
    seed: number,
    defaults: LinkSettings,
    readonly limits: WorldLimits,
  ) {
    const root = new Prng(seed, 'faultline');
    this.networkRandom = root.derive('network');
    this.trace = new Trace(limits.traceLimit);
    this.history = new History(limits.historyLimit);
    for (let index = 1; index <= config.nodeCount; index++) this.serverIds.push(`n${index}`);
    const clientCount = module.clientCount(config);
    for (let index = 1; index <= clientCount; index++) this.clientIds.push(`c${index}`);
    const ids = [...this.serverIds, ...this.clientIds];
    this.network = new Network(ids.length, defaults);
    ids.forEach((id, index) => {
      const kind = index < this.serverIds.length ? 'server' : 'client';
      const node = new NodeRuntime(id, index, kind, root.derive(`node:${id}`), root.derive(`workload:${id}`), this.serverIds, this.clientIds, config, this);
      this.nodes.push(node);
      this.nodeIndex.set(id, index);
      this.nodeTraceIds.push(this.trace.intern(id));
    });
    this.view = { now: 0, eventIndex: 0, config, nodes: this.nodes, changedNode: -1 };
    for (const node of this.nodes) node.state = module.createNode(node.context);
  }

  // --- NodeEffects: what a protocol's outputs do -------------------------------------------

  send(from: NodeRuntime, toId: string, message: unknown): void {
    const to = this.nodeIndex.get(toId);
    if (to === undefined) invariantBroken(`${from.id} sent a message to unknown node '${toId}'`);
    const type = this.module.messageType(message);
    const typeId = this.trace.intern(type);
    const id = this.nextMessageId++;
    this.countSent(typeId, message);
    this.traceMessage(SEND, from.index, to, id, typeId, null);
    if (this.network.isCut(from.index, to)) {
      this.dropMessage(from.index, to, id, typeId, 'link cut');
      return;
    }
    const settings = this.network.settings(from.index, to);
    if (settings.lossPpm > 0 && this.networkRandom.chance(settings.lossPpm, 1_000_000)) {
      this.dropMessage(from.index, to, id, typeId, 'lost');
      return;
    }
    this.enqueueDelivery(id, from.index, to, message, type, this.network.drawDelay(settings, this.networkRandom), typeId);
    if (settings.duplicationPpm > 0 && this.networkRandom.chance(settings.duplicationPpm, 1_000_000)) {
      this.duplicateMessage(id, from.index, to, message, type);
    }
  }

  setTimer(node: NodeRuntime, key: string, localDelay: Microseconds): void {
    if (!(localDelay >= 0 && Number.isFinite(localDelay))) invariantBroken(`${node.id} armed timer '${key}' with delay ${localDelay}`);
    const dueAt = this.now + node.globalDelay(Math.round(localDelay));
    const existing = node.timers.get(key);
    if (existing !== undefined && existing.queuedAt <= dueAt) {
      // Re-arming later (an election timer reset by every heartbeat): the entry already
      // queued comes up first and carries itself to the new deadline. No allocation, no push.
      existing.dueAt = dueAt;
      existing.armedAt = this.now;
      return;
    }
    const generation = ++this.timerGeneration;
    const timer = existing ?? node.timers.arm(key);
    timer.generation = generation;
    timer.dueAt = dueAt;
    timer.armedAt = this.now;
    timer.queuedAt = dueAt;
    const event = this.spareEvent();
    event.time = dueAt;
    event.kind = TIMER;
    event.node = node.index;
    event.from = -1;
    event.messageId = 0;
    event.message = null;
    event.messageType = '';
    event.messageTypeId = -1;
    event.sentAt = this.now;
    event.timerKey = key;
    event.generation = generation;
    this.push(event);
  }

  cancelTimer(node: NodeRuntime, key: string): void {
    node.timers.disarm(key);
  }

  note(node: NodeRuntime, text: string): void {
    this.traceEvent('state', node.id, null, 0, null, text);
  }

  record(node: NodeRuntime, type: HistoryType, f: string, key: string | null, value: PlainData): number {
    this.traceMessage(CLIENT_CODE, node.index, -1, 0, -1, this.clientDetail(type, f, key));
    return this.history.record(node.id, type, f, key, value, this.now);
  }

  // --- Dispatch -----------------------------------------------------------------------------

  /**
   * The next entry to run, without removing it. Drops cancelled and stale entries, and moves
   * a timer entry whose deadline was pushed back (re-armed later) to that deadline.
   */
  nextLive(): QueuedEvent | undefined {
    for (;;) {
      const event = this.queue.peek();
      if (event === undefined) return undefined;
      if (!event.cancelled) {
        if (event.kind === DELIVER) return event;
        const timer = (this.nodes[event.node] as NodeRuntime).timers.get(event.timerKey);
        if (timer !== undefined && timer.generation === event.generation) {
          if (timer.dueAt <= event.time) return event;
          this.queue.pop();
          event.time = timer.dueAt;
          timer.queuedAt = timer.dueAt;
          this.push(event);
          continue;
        }
      }
      this.recycle(this.queue.pop() as QueuedEvent);
    }
  }

  /** Runs one queue entry that nextLive() returned. Returns the index of the node that stepped, or -1. */
  dispatch(event: QueuedEvent): number {
    this.now = event.time;
    this.eventIndex++;
    return event.kind === DELIVER ? this.deliver(event) : this.fireTimer(event);
  }

  private deliver(event: QueuedEvent): number {
    const from = this.nodes[event.from] as NodeRuntime;
    const to = this.nodes[event.node] as NodeRuntime;
    if (this.network.isCut(event.from, event.node)) {
      this.dropMessage(event.from, event.node, event.messageId, event.messageTypeId, 'link cut');
      this.recycle(event);
      return -1;
    }
    if (!event.forced && this.network.isHeld(event.from, event.node)) {
      this.held.push(event);
      return -1;
    }
    if (to.status === 'crashed') {
      this.dropMessage(event.from, event.node, event.messageId, event.messageTypeId, `${to.id} is crashed`);
      this.recycle(event);
      return -1;
    }
    if (to.status === 'paused') {
      to.deferred.push(event);
      return -1;
    }
    this.stats.delivered++;
    this.traceMessage(DELIVER_CODE, event.node, event.from, event.messageId, event.messageTypeId, null);
    const message = event.message;
    this.recycle(event);
    this.module.onMessage(to.state, from.id, message, to.context);
    return to.index;
  }

  private fireTimer(event: QueuedEvent): number {
    const node = this.nodes[event.node] as NodeRuntime;
    if (node.status === 'paused') {
      node.deferred.push(event);
      return -1;
    }
    node.timers.disarm(event.timerKey);
    this.traceMessage(TIMER_CODE, node.index, -1, 0, -1, event.timerKey);
    const key = event.timerKey;
    this.recycle(event);
    this.module.onTimer(node.state, key, node.context);
    return node.index;
  }

  // --- Messages -----------------------------------------------------------------------------

  enqueueDelivery(id: number, from: number, to: number, message: unknown, type: string, delay: Microseconds, typeId = this.trace.intern(type)): QueuedEvent {
    const event = this.spareEvent();
    event.time = this.now + delay;
    event.kind = DELIVER;
    event.node = to;
    event.from = from;
    event.messageId = id;
    event.message = message;
    event.messageType = type;
    event.messageTypeId = typeId;
    event.sentAt = this.now;
    event.timerKey = '';
    event.generation = 0;
    if (this.network.isHeld(from, to)) {
      this.held.push(event);
    } else {
      this.push(event);
    }
    return event;
  }

  /** A second copy of a message, with its own id and its own delay. */
  duplicateMessage(originalId: number, from: number, to: number, message: unknown, type: string): number {
    const id = this.nextMessageId++;
    this.stats.duplicated++;
    const fromId = (this.nodes[from] as NodeRuntime).id;
    const toId = (this.nodes[to] as NodeRuntime).id;
    this.traceEvent('duplicate', fromId, toId, id, type, `copy of #${originalId}`);
    const delay = this.network.drawDelay(this.network.settings(from, to), this.networkRandom);
    this.enqueueDelivery(id, from, to, message, type, delay);
    return id;
  }

  drop(fromId: string, toId: string, id: number, type: string, reason: string): void {
    this.stats.dropped++;
    this.traceEvent('drop', fromId, toId, id, type, reason);
  }

  private dropMessage(from: number, to: number, id: number, typeId: number, reason: string): void {
    this.stats.dropped++;
    this.traceMessage(DROP, from, to, id, typeId, reason);
  }

  /** Traces a message event by node index and interned type: the hot path, no map lookups. */
  private traceMessage(code: number, node: number, peer: number, messageId: number, typeId: number, detail: string | null): void {
    const ids = this.nodeTraceIds;
    this.trace.appendInterned(this.eventIndex, this.now, code, ids[node] as number, peer < 0 ? -1 : (ids[peer] as number), messageId, typeId, detail);
  }

  /**
   * A message still in flight (queued, waiting on a held link, or waiting for a paused
   * node), or undefined once it arrived or was dropped. A scan, not an index: messages are
   * looked up by id only on a user's action, and keeping an index cost every message two
   * map operations in the hot loop.
   */
  findInFlight(id: number): QueuedEvent | undefined {
    for (const event of this.queue.items()) if (event.messageId === id && event.kind === DELIVER && !event.cancelled) return event;
    for (const event of this.held) if (event.messageId === id) return event;
    for (const node of this.nodes) for (const event of node.deferred) if (event.messageId === id) return event;
    return undefined;
  }

  /** Whether any message is still in flight anywhere (queued, held, or waiting for a paused node). */
  hasMessagesInFlight(): boolean {
    for (const event of this.queue.items()) if (event.kind === DELIVER && !event.cancelled) return true;
    return this.held.length > 0 || this.nodes.some((node) => node.deferred.some((event) => event.kind === DELIVER));
  }

  /** Removes a message from flight, wherever it waits. Returns it, or undefined if it already arrived. */
  takeInFlight(id: number): QueuedEvent | undefined {
    const event = this.findInFlight(id);
    if (event === undefined) return undefined;
    event.cancelled = true;
    this.held = this.held.filter((heldEvent) => heldEvent !== event);
    for (const node of this.nodes) {
      if (node.deferred.includes(event)) node.deferred = node.deferred.filter((deferred) => deferred !== event);
    }
    return event;
  }

  /** Puts a message back on the queue for delivery at `time` (deliver-by-hand forces it past a hold). */
  requeue(event: QueuedEvent, time: Microseconds, forced = false): void {
    const copy = copyQueuedEvent(event);
    copy.time = time;
    copy.cancelled = false;
    copy.forced = forced;
    this.push(copy);
  }

  /**
   * A queue entry to fill in: a consumed one when there is one, so the hot loop allocates no
   * entries in steady state. Every field but `seq` is set by the caller.
   */
  private spareEvent(): QueuedEvent {
    const spare = this.spare.pop();
    if (spare !== undefined) {
      spare.cancelled = false;
      spare.forced = false;
      return spare;
    }
    return { time: 0, seq: 0, kind: DELIVER, node: 0, from: -1, messageId: 0, message: null, messageType: '', messageTypeId: -1, sentAt: 0, timerKey: '', generation: 0, cancelled: false, forced: false };
  }

  /**
   * Takes back an entry that was consumed: popped and then dispatched or discarded, and
   * referenced nowhere else (held and deferred entries are not consumed; checkpoints and
   * requeue() hold copies, never the live entry).
   */
  private recycle(event: QueuedEvent): void {
    event.message = null;
    if (this.spare.length < SPARE_EVENTS_KEPT) this.spare.push(event);
  }

  push(event: QueuedEvent): void {
    event.seq = this.seq++;
    this.queue.push(event);
    if (this.queue.size > this.limits.queueLimit) {
      invariantBroken(`the event queue holds more than ${this.limits.queueLimit} events: a protocol is flooding the network or arming timers in a loop`);
    }
  }

  /** Every message in flight, by id; with `payloadOf` (a message id, or null for none), only that one carries its payload. */
  listInFlight(payloadOf?: number | null): InFlightMessage[] {
    const list: InFlightMessage[] = [];
    const describe = (event: QueuedEvent, waitingOnHold: boolean): void => {
      const entry: InFlightMessage = {
        id: event.messageId,
        from: (this.nodes[event.from] as NodeRuntime).id,
        to: (this.nodes[event.node] as NodeRuntime).id,
        type: event.messageType,
        label: this.module.describeMessage?.(event.message) ?? null,
        sentAtMs: microsecondsToMilliseconds(event.sentAt),
        deliverAtMs: waitingOnHold ? null : microsecondsToMilliseconds(event.time),
        held: waitingOnHold,
      };
      if (payloadOf === undefined || payloadOf === event.messageId) entry.message = event.message;
      list.push(entry);
    };
    for (const event of this.queue.items()) if (event.kind === DELIVER && !event.cancelled) describe(event, false);
    for (const event of this.held) describe(event, true);
    for (const node of this.nodes) for (const event of node.deferred) if (event.kind === DELIVER) describe(event, false);
    return list.sort((left, right) => left.id - right.id);
  }

  traceEvent(kind: TraceKind, node: string, peer: string | null, messageId: number, messageType: string | null, detail: string | null): void {
    this.trace.append(this.eventIndex, this.now, kind, node, peer, messageId, messageType, detail);
  }

  private countSent(typeId: number, message: unknown): void {
    this.stats.sent++;
    const size = this.module.messageSize?.(message);
    if (size !== undefined) {
      this.stats.bytesSent += size;
      this.bytesByTypeId[typeId] = (this.bytesByTypeId[typeId] ?? 0) + size;
    }
  }

  private clientDetail(type: HistoryType, f: string, key: string | null): string {
    let byFunction = this.clientDetails.get(type);
    if (byFunction === undefined) this.clientDetails.set(type, (byFunction = new Map()));
    let byKey = byFunction.get(f);
    if (byKey === undefined) byFunction.set(f, (byKey = new Map()));
    let detail = byKey.get(key);
    if (detail === undefined) byKey.set(key, (detail = `${type} ${f}${key === null ? '' : ' ' + key}`));
    return detail;
  }

  /** The network counters as a new plain object. */
  networkStats(): NetworkStats {
    const bytesByType: Record<string, number> = {};
    this.bytesByTypeId.forEach((bytes, typeId) => {
      if (bytes !== undefined) bytesByType[this.trace.internedText(typeId)] = bytes;
    });
    return { ...this.stats, bytesByType };
  }

  restoreNetworkStats(stats: NetworkStats): void {
    const { bytesByType, ...counters } = stats;
    Object.assign(this.stats, counters);
    this.bytesByTypeId = [];
    for (const [type, bytes] of Object.entries(bytesByType)) this.bytesByTypeId[this.trace.intern(type)] = bytes;
  }
}
