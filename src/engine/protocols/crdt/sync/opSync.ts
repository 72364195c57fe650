/**
 * Operation-based sync over reliable causal broadcast (Shapiro et al. 2011 §2.2.2; Birman et
 * al. 1991). A local operation's effect is sent at once to every peer, tagged with its dot and
 * the origin's version vector. A receiver delivers it only when causally ready — the next
 * operation of its origin, with everything the origin had seen already delivered — and
 * buffers it otherwise. Effects are not idempotent, so the version vector also filters
 * duplicates. For loss and partitions, every sync tick sends one random peer this replica's
 * version vector, and the peer answers with the logged operations it lacks. An operation
 * leaves the log once it is causally stable: every replica has it.
 */
import type { NodeContext } from '../../../protocol';
import { applyRemoteOperation, peersOf, sendCounted, type LocalUpdate } from '../replica';
import type { CrdtMessage, CrdtReplicaState, OperationBookkeeping, OperationEnvelope, ReplicaCopy } from '../state';
import type { CrdtType } from '../types/common';
import { covers, type VersionVector } from '../versionVector';

function bookkeeping(copy: ReplicaCopy): OperationBookkeeping {
  return copy.operations as OperationBookkeeping;
}

export function opLocalUpdate(copy: ReplicaCopy, update: LocalUpdate, context: NodeContext<CrdtMessage>): void {
  bookkeeping(copy).log.push(update.envelope);
  for (const peer of peersOf(context)) {
    sendCounted(context, copy, peer, { type: 'Operations', mode: 'op', operations: [update.envelope], versionVector: copy.versionVector, sizeBytes: 0 });
  }
}

export function opTick(_state: CrdtReplicaState, copy: ReplicaCopy, _type: CrdtType, context: NodeContext<CrdtMessage>): void {
  const peers = peersOf(context);
  if (peers.length === 0) return;
  sendCounted(context, copy, context.random.pick(peers), { type: 'Version', mode: 'op', versionVector: copy.versionVector, sizeBytes: 0 });
}

function causallyReady(envelope: OperationEnvelope, delivered: VersionVector): boolean {
  if ((delivered[envelope.origin] ?? 0) !== envelope.counter - 1) return false;
  for (const replica of Object.keys(envelope.dependencies)) {
    if (replica !== envelope.origin && (envelope.dependencies[replica] as number) > (delivered[replica] ?? 0)) return false;
  }
  return true;
}

/** Returns true when the replica's version vector moved. */
export function opReceive(state: CrdtReplicaState, copy: ReplicaCopy, type: CrdtType, from: string, message: CrdtMessage, context: NodeContext<CrdtMessage>): boolean {
  const operations = bookkeeping(copy);
  if (message.type === 'Version') {
    const missing = operations.log.filter((envelope) => !covers(message.versionVector, envelope.origin, envelope.counter));
    if (missing.length > 0) {
      sendCounted(context, copy, from, { type: 'Operations', mode: 'op', operations: missing, versionVector: copy.versionVector, sizeBytes: 0 });
    }
    return false;
  }
  if (message.type !== 'Operations') return false;
  for (const envelope of message.operations) {
    if (covers(copy.versionVector, envelope.origin, envelope.counter)) continue;
    if (operations.pending.some((waiting) => waiting.origin === envelope.origin && waiting.counter === envelope.counter)) continue;
    operations.pending.push(envelope);
  }
  return deliverReady(state, copy, type);
}

function deliverReady(state: CrdtReplicaState, copy: ReplicaCopy, type: CrdtType): boolean {
  const operations = bookkeeping(copy);
  let delivered = false;
  for (;;) {
    const index = operations.pending.findIndex((envelope) => causallyReady(envelope, copy.versionVector));
    if (index < 0) return delivered;
    const [envelope] = operations.pending.splice(index, 1) as [OperationEnvelope];
    applyRemoteOperation(state, copy, type, envelope);
    operations.log.push(envelope);
    delivered = true;
  }
}

/** Drops stable operations from the log: no replica can still need them. */
export function trimOperationLog(copy: ReplicaCopy): void {
  const operations = bookkeeping(copy);
  operations.log = operations.log.filter((envelope) => !covers(copy.stable, envelope.origin, envelope.counter));
}
