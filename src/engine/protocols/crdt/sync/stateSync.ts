/**
 * State-based anti-entropy (Shapiro et al. 2011 §2.2.1; Demers et al. 1987): on every sync
 * tick a replica sends its whole payload to one peer chosen at random; the peer joins it.
 * Joins are idempotent, commutative and associative, so loss, duplication and reordering do
 * no harm, and the cost is the full state every time, even when nothing changed.
 */
import type { NodeContext } from '../../../protocol';
import { mergeRemote, peersOf, sendCounted } from '../replica';
import type { CrdtMessage, CrdtReplicaState, ReplicaCopy } from '../state';
import type { CrdtType } from '../types/common';
import type { LocalUpdate } from '../replica';

export function stateTick(_state: CrdtReplicaState, copy: ReplicaCopy, _type: CrdtType, context: NodeContext<CrdtMessage>): void {
  const peers = peersOf(context);
  if (peers.length === 0) return;
  const peer = context.random.pick(peers);
  sendCounted(context, copy, peer, { type: 'Gossip', mode: 'state', payload: copy.payload, versionVector: copy.versionVector, sizeBytes: 0 });
}

/** A local update needs nothing more: the next gossip carries it. */
export function stateLocalUpdate(_copy: ReplicaCopy, _update: LocalUpdate, _context: NodeContext<CrdtMessage>): void {}

/** Returns true when the replica's version vector moved. */
export function stateReceive(state: CrdtReplicaState, copy: ReplicaCopy, type: CrdtType, _from: string, message: CrdtMessage): boolean {
  if (message.type !== 'Gossip') return false;
  return mergeRemote(state, copy, type, message.payload, message.versionVector);
}
