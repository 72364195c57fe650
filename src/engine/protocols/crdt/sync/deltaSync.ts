/**
 * Delta-state anti-entropy with causal delta-merging (Almeida, Shoker and Baquero 2018,
 * Algorithm 2). Each local update buffers its delta, and so does every delta group received
 * that was new here, so deltas spread transitively. On a sync tick a replica sends one peer
 * the join of the delta groups that peer has not acknowledged; if some of them were dropped
 * from the buffer (it is capped), it sends the full state instead. The receiver joins, buffers
 * and acknowledges. Because a peer only ever receives intervals that start where it
 * acknowledged, it always holds whole causal prefixes and its version vector stays
 * contiguous. Lost deltas are simply sent again: the unacknowledged interval only grows.
 */
import type { NodeContext } from '../../../protocol';
import { mergeRemote, peersOf, sendCounted, type LocalUpdate } from '../replica';
import type { CrdtMessage, CrdtReplicaState, DeltaBookkeeping, ReplicaCopy } from '../state';
import type { CrdtType } from '../types/common';

function bookkeeping(copy: ReplicaCopy): DeltaBookkeeping {
  return copy.delta as DeltaBookkeeping;
}

function bufferDelta(copy: ReplicaCopy, payload: ReplicaCopy['payload'], from: string | null, limit: number): void {
  const delta = bookkeeping(copy);
  delta.buffer.push({ sequence: delta.sequence++, payload, from });
  // The cap is what forces the fallback: a peer that fell behind the oldest group gets the full state.
  if (delta.buffer.length > limit) delta.buffer.splice(0, delta.buffer.length - limit);
}

export function deltaLocalUpdate(copy: ReplicaCopy, update: LocalUpdate, context: NodeContext<CrdtMessage>): void {
  bufferDelta(copy, update.delta, null, context.config.params.deltaBufferLimit as number);
}

export function deltaTick(_state: CrdtReplicaState, copy: ReplicaCopy, type: CrdtType, context: NodeContext<CrdtMessage>): void {
  const peers = peersOf(context);
  if (peers.length === 0) return;
  const peer = context.random.pick(peers);
  const delta = bookkeeping(copy);
  const acknowledged = delta.acknowledged[peer] ?? 0;
  if (acknowledged >= delta.sequence) return;
  const oldest = delta.buffer[0]?.sequence ?? delta.sequence;
  if (oldest > acknowledged) {
    delta.fullStatesSent++;
    const message: CrdtMessage = { type: 'Delta', mode: 'delta', payload: copy.payload, versionVector: copy.versionVector, sequence: delta.sequence, full: true, sizeBytes: 0 };
    sendCounted(context, copy, peer, message);
    return;
  }
  let interval = null as ReplicaCopy['payload'] | null;
  for (const entry of delta.buffer) {
    // Groups that came from this peer are already there.
    if (entry.sequence < acknowledged || entry.from === peer) continue;
    interval = interval === null ? entry.payload : type.merge(interval, entry.payload);
  }
  if (interval === null) {
    delta.acknowledged[peer] = delta.sequence;
    return;
  }
  sendCounted(context, copy, peer, { type: 'Delta', mode: 'delta', payload: interval, versionVector: copy.versionVector, sequence: delta.sequence, full: false, sizeBytes: 0 });
}

/** Returns true when the replica's version vector moved. */
export function deltaReceive(state: CrdtReplicaState, copy: ReplicaCopy, type: CrdtType, from: string, message: CrdtMessage, context: NodeContext<CrdtMessage>): boolean {
  const delta = bookkeeping(copy);
  if (message.type === 'DeltaAck') {
    delta.acknowledged[from] = Math.max(delta.acknowledged[from] ?? 0, message.sequence);
    dropAcknowledgedByAll(copy, context);
    return false;
  }
  if (message.type !== 'Delta') return false;
  const before = copy.payload;
  const changed = mergeRemote(state, copy, type, message.payload, message.versionVector);
  // Buffer only what was new here (Enes et al. 2019, "remove redundant"): forwarding the rest would resend what peers already got.
  if (changed) bufferDelta(copy, type.difference(type.discardCollected(message.payload, before, copy.stable), before), from, context.config.params.deltaBufferLimit as number);
  sendCounted(context, copy, from, { type: 'DeltaAck', mode: 'delta', sequence: message.sequence, versionVector: copy.versionVector, sizeBytes: 0 });
  return changed;
}

/** Delta groups every peer acknowledged are garbage (Algorithm 2, line "garbage collect Dᵢ"). */
function dropAcknowledgedByAll(copy: ReplicaCopy, context: NodeContext<CrdtMessage>): void {
  const delta = bookkeeping(copy);
  let lowest = delta.sequence;
  for (const peer of peersOf(context)) lowest = Math.min(lowest, delta.acknowledged[peer] ?? 0);
  const keepFrom = delta.buffer.findIndex((entry) => entry.sequence >= lowest);
  if (keepFrom > 0) delta.buffer.splice(0, keepFrom);
  else if (keepFrom === -1) delta.buffer.length = 0;
}
