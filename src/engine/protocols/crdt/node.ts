/**
 * A replica's behaviour: local operations (workload timer and client requests), the sync
 * tick, and incoming messages, each routed to the copy of its sync mode. The sync modes'
 * rules live in sync/; this file only dispatches, so a mode is one entry in SYNC_HANDLERS.
 */
import type { PlainData } from '../../core/plainData';
import type { NodeContext } from '../../protocol';
import { createNaiveStore, naiveMerge, naiveTick, naiveWrite, naiveWriteFor } from './naiveStore';
import { advanceStability, applyLocalOperation, createCopy, learnPeerVersion, refresh, type LocalUpdate } from './replica';
import { SYNC_MODES, type CrdtMessage, type CrdtReplicaState, type ReplicaCopy, type SyncMode, type SyncModeChoice } from './state';
import { deltaLocalUpdate, deltaReceive, deltaTick } from './sync/deltaSync';
import { opLocalUpdate, opReceive, opTick, trimOperationLog } from './sync/opSync';
import { stateLocalUpdate, stateReceive, stateTick } from './sync/stateSync';
import type { CrdtOperation, CrdtType, CrdtTypeName } from './types/common';
import { crdtType } from './types/index';
import { randomOperation } from './workload';

type Context = NodeContext<CrdtMessage>;

interface SyncHandlers {
  tick(state: CrdtReplicaState, copy: ReplicaCopy, type: CrdtType, context: Context): void;
  localUpdate(copy: ReplicaCopy, update: LocalUpdate, context: Context): void;
  /** Returns true when the copy's version vector moved. */
  receive(state: CrdtReplicaState, copy: ReplicaCopy, type: CrdtType, from: string, message: CrdtMessage, context: Context): boolean;
}

const SYNC_HANDLERS: Record<SyncMode, SyncHandlers> = {
  state: { tick: stateTick, localUpdate: stateLocalUpdate, receive: stateReceive },
  delta: { tick: deltaTick, localUpdate: deltaLocalUpdate, receive: deltaReceive },
  op: { tick: opTick, localUpdate: opLocalUpdate, receive: opReceive },
};

export function typeOf(state: CrdtReplicaState): CrdtType {
  return crdtType(state.type);
}

export function modesOf(choice: SyncModeChoice): SyncMode[] {
  return choice === 'all' ? [...SYNC_MODES] : [choice];
}

function armSync(context: Context): void {
  const interval = (context.config.params.syncIntervalMs as number) * 1000;
  context.setTimer('sync', interval / 2 + context.random.below(interval + 1));
}

function armOperation(context: Context): void {
  const interval = (context.config.workload.operationIntervalMs as number) * 1000;
  context.setTimer('operation', interval / 2 + context.workloadRandom.below(interval + 1));
}

export function createReplica(context: Context): CrdtReplicaState {
  const typeName = context.config.params.type as CrdtTypeName;
  const type = crdtType(typeName);
  const syncMode = context.config.variants.syncMode as SyncModeChoice;
  const copies = modesOf(syncMode).map((mode) => createCopy(mode, type));
  const first = copies[0] as ReplicaCopy;
  const workloadOn = (context.config.workload.operationIntervalMs as number) > 0;
  const state: CrdtReplicaState = {
    type: typeName,
    replicaId: context.nodeId,
    syncMode,
    value: first.value,
    versionVector: first.versionVector,
    internal: first.payload,
    copies,
    issued: { updates: 0, increments: 0, decrements: 0, refused: 0 },
    workloadActive: workloadOn,
    naive: context.config.variants.naiveStore ? createNaiveStore() : null,
  };
  armSync(context);
  if (workloadOn) armOperation(context);
  return state;
}

/** Re-arms timers and forgets what is volatile: peers' progress, pending operations, unsent deltas. */
export function restartReplica(persistent: PlainData, context: Context): CrdtReplicaState {
  const state = persistent as unknown as CrdtReplicaState;
  for (const copy of state.copies) {
    copy.peerVersions = {};
    if (copy.delta !== null) copy.delta = { ...copy.delta, buffer: [], acknowledged: {} };
    if (copy.operations !== null) copy.operations = { ...copy.operations, pending: [] };
  }
  armSync(context);
  if (state.workloadActive) armOperation(context);
  return state;
}

/** Applies one user operation to every copy (and to the naive store), then lets each mode spread it. */
export function issueOperation(state: CrdtReplicaState, operation: CrdtOperation, context: Context): void {
  const type = typeOf(state);
  if (!type.operations.includes(operation.op)) {
    state.issued.refused++;
    context.note(`${operation.op} refused: a ${type.title} takes ${type.operations.join(', ')}`);
    return;
  }
  const timestamp = context.now();
  let applied = 0;
  for (const copy of state.copies) {
    const update = applyLocalOperation(state, copy, type, operation, timestamp);
    if (update === null) continue;
    applied++;
    SYNC_HANDLERS[copy.mode].localUpdate(copy, update, context);
  }
  if (applied === 0) {
    state.issued.refused++;
    context.note(`${describeOperation(operation)} changes nothing here`);
    return;
  }
  state.issued.updates++;
  if (operation.op === 'increment') state.issued.increments += operation.amount;
  if (operation.op === 'decrement') state.issued.decrements += operation.amount;
  if (state.naive !== null) {
    const write = naiveWriteFor(state.naive, operation);
    naiveWrite(state.naive, write.key, write.value, timestamp, state.replicaId);
  }
  context.note(describeOperation(operation));
}

export function describeOperation(operation: CrdtOperation): string {
  switch (operation.op) {
    case 'increment':
    case 'decrement':
      return `${operation.op} ${operation.amount}`;
    case 'set':
      return `set ${JSON.stringify(operation.value)}`;
    case 'insert':
      return `insert ${JSON.stringify(operation.text)} at ${operation.position}`;
    case 'delete':
      return `delete ${operation.amount} at ${operation.position}`;
    case 'cart-add':
      return `cart-add ${operation.amount} ${operation.element}${operation.price > 0 ? ` at ${operation.price}` : ''}`;
    default:
      return `${operation.op} ${operation.element}`;
  }
}

export function onReplicaTimer(state: CrdtReplicaState, key: string, context: Context): void {
  if (key === 'sync') {
    const type = typeOf(state);
    for (const copy of state.copies) SYNC_HANDLERS[copy.mode].tick(state, copy, type, context);
    if (state.naive !== null) naiveTick(state.naive, context);
    armSync(context);
    return;
  }
  if (key !== 'operation') return;
  const stopAtMs = context.config.workload.stopAtMs as number;
  // The workload runs on the replica's own clock, as a real client process would.
  if (stopAtMs > 0 && context.now() >= stopAtMs * 1000) {
    state.workloadActive = false;
    return;
  }
  const operation = randomOperation(state.type, context.workloadRandom, state.value, context.config.workload.elementCount as number, state.replicaId);
  issueOperation(state, operation, context);
  armOperation(context);
}

export function onReplicaMessage(state: CrdtReplicaState, from: string, message: CrdtMessage, context: Context): void {
  if (message.mode === 'naive') {
    if (state.naive !== null && message.type === 'NaiveGossip') naiveMerge(state.naive, message.entries);
    return;
  }
  const copy = state.copies.find((candidate) => candidate.mode === message.mode);
  if (copy === undefined) return;
  const type = typeOf(state);
  const moved = SYNC_HANDLERS[copy.mode].receive(state, copy, type, from, message, context);
  const learned = learnPeerVersion(copy, from, message.versionVector);
  if (!moved && !learned) return;
  const collect = context.config.variants.garbageCollection as boolean;
  if (advanceStability(state, copy, type, context.serverIds, collect) && copy.operations !== null) trimOperationLog(copy);
  refresh(state, copy, type);
}
