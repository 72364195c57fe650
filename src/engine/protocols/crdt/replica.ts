/**
 * What every sync mode does to a replica copy: apply a local operation, merge what arrived,
 * learn how far peers have got, and collect tombstones once removals are causally stable.
 *
 * Causal stability (Baquero et al. 2014, "Making operation-based CRDTs operation-based"):
 * an update is stable at replica i once every replica has delivered it, so no update
 * concurrent with it can arrive any more. i learns peers' version vectors from the messages
 * they send. A report from j counts only once i has delivered every update of j's that j had
 * issued by then (VV_i[j] ≥ report_j[j]); otherwise an insertion j made before it saw a
 * deletion could still be on its way to i and anchor on a collected tombstone.
 */
import type { PlainData } from '../../core/plainData';
import type { NodeContext } from '../../protocol';
import type { CrdtOperation, CrdtType, OperationOrigin } from './types/common';
import type { CrdtMessage, CrdtReplicaState, OperationEnvelope, ReplicaCopy, SyncMode } from './state';
import { MESSAGE_HEADER_BYTES } from './state';
import { estimateBytes } from './types/common';
import { mergeVectors, minimumVector, sortVector, vectorLessOrEqual, type VersionVector } from './versionVector';

export function createCopy(mode: SyncMode, type: CrdtType): ReplicaCopy {
  const payload = type.initial();
  return {
    mode,
    value: type.value(payload),
    versionVector: {},
    payload,
    peerVersions: {},
    stable: {},
    tombstones: 0,
    tombstonesCollected: 0,
    bytesSent: 0,
    messagesSent: 0,
    lastOperation: null,
    delta: mode === 'delta' ? { sequence: 0, buffer: [], acknowledged: {}, fullStatesSent: 0 } : null,
    operations: mode === 'op' ? { log: [], pending: [] } : null,
  };
}

/** Recomputes what is derived from the payload, and the top-level mirror of the first copy. */
export function refresh(state: CrdtReplicaState, copy: ReplicaCopy, type: CrdtType): void {
  copy.value = type.value(copy.payload);
  copy.tombstones = type.tombstoneCount(copy.payload);
  if (state.copies[0] === copy) {
    state.value = copy.value;
    state.versionVector = copy.versionVector;
    state.internal = copy.payload;
  }
}

export interface LocalUpdate {
  envelope: OperationEnvelope;
  /** The join-decomposed delta of the update (Almeida et al. 2018 §3). */
  delta: PlainData;
}

/** Prepares and applies a local operation. Returns the update for the sync mode, or null when it changes nothing. */
export function applyLocalOperation(
  state: CrdtReplicaState,
  copy: ReplicaCopy,
  type: CrdtType,
  operation: CrdtOperation,
  timestamp: number,
): LocalUpdate | null {
  const replica = state.replicaId;
  const dependencies = copy.versionVector;
  const origin: OperationOrigin = { replica, counter: (dependencies[replica] ?? 0) + 1, timestamp, versionVector: dependencies };
  const effect = type.prepare(copy.payload, operation, origin);
  if (effect === null) return null;
  const delta = type.delta(copy.payload, effect);
  copy.payload = type.effect(copy.payload, effect);
  copy.versionVector = sortVector({ ...dependencies, [replica]: origin.counter });
  copy.lastOperation = { counter: origin.counter, op: operation.op, element: operation.element, amount: operation.amount, dependencies };
  refresh(state, copy, type);
  return { envelope: { origin: replica, counter: origin.counter, dependencies, effect }, delta };
}

/**
 * Joins a payload that covers the causal prefix `versionVector` (a full state or a causal
 * delta interval). Returns false when it brought nothing new.
 */
export function mergeRemote(state: CrdtReplicaState, copy: ReplicaCopy, type: CrdtType, payload: PlainData, versionVector: VersionVector): boolean {
  if (vectorLessOrEqual(versionVector, copy.versionVector)) return false;
  const fresh = type.discardCollected(payload, copy.payload, copy.stable);
  copy.payload = type.merge(copy.payload, fresh);
  copy.versionVector = mergeVectors(copy.versionVector, versionVector);
  refresh(state, copy, type);
  return true;
}

/** Applies a causally ready operation from another replica. Invariant: it is the next one from its origin. */
export function applyRemoteOperation(state: CrdtReplicaState, copy: ReplicaCopy, type: CrdtType, envelope: OperationEnvelope): void {
  copy.payload = type.effect(copy.payload, envelope.effect);
  copy.versionVector = sortVector({ ...copy.versionVector, [envelope.origin]: envelope.counter });
  refresh(state, copy, type);
}

/** Records a peer's reported version vector. Returns true when it told something new. */
export function learnPeerVersion(copy: ReplicaCopy, peer: string, reported: VersionVector): boolean {
  const known = copy.peerVersions[peer];
  if (known !== undefined && vectorLessOrEqual(reported, known)) return false;
  copy.peerVersions[peer] = known === undefined ? reported : mergeVectors(known, reported);
  return true;
}

/**
 * Advances the causal stability frontier and collects the tombstones it covers. Call after
 * the replica delivered something or learned a peer's progress. Returns true when it moved.
 */
export function advanceStability(state: CrdtReplicaState, copy: ReplicaCopy, type: CrdtType, serverIds: readonly string[], collect: boolean): boolean {
  const vectors: VersionVector[] = [copy.versionVector];
  for (const replica of serverIds) {
    if (replica === state.replicaId) continue;
    const report = copy.peerVersions[replica];
    if (report === undefined) return false;
    // Every update `replica` issued before this report must be delivered here first.
    if ((copy.versionVector[replica] ?? 0) < (report[replica] ?? 0)) return false;
    vectors.push(report);
  }
  // Only components where this replica is ahead of the frontier can move; the rest are settled.
  let candidate: VersionVector | null = null;
  for (const replica of Object.keys(copy.versionVector)) {
    const settled = copy.stable[replica] ?? 0;
    if ((copy.versionVector[replica] as number) <= settled) continue;
    const lowest = minimumVector(vectors, [replica])[replica] ?? 0;
    if (lowest > settled) candidate = { ...(candidate ?? copy.stable), [replica]: lowest };
  }
  if (candidate === null) return false;
  copy.stable = sortVector(candidate);
  if (!collect) return true;
  const before = copy.tombstones;
  copy.payload = type.collectGarbage(copy.payload, copy.stable);
  refresh(state, copy, type);
  copy.tombstonesCollected += before - copy.tombstones;
  return true;
}

/** Sends a message, counting its bytes against the copy (or naive store) that sent it. */
export function sendCounted(context: NodeContext<CrdtMessage>, counter: { bytesSent: number; messagesSent: number }, to: string, message: CrdtMessage): void {
  message.sizeBytes = MESSAGE_HEADER_BYTES + estimateBytes({ ...message, type: undefined, mode: undefined, sizeBytes: undefined });
  counter.bytesSent += message.sizeBytes;
  counter.messagesSent++;
  context.send(to, message);
}

export function peersOf(context: NodeContext<CrdtMessage>): string[] {
  return context.serverIds.filter((id) => id !== context.nodeId);
}
