/**
 * The plain-data shapes of a CRDT replica and its messages.
 *
 * A node runs one replica of the chosen type. With `syncMode: 'all'` it runs three
 * independent copies of it — one per sync mode, each with its own payload, version vector
 * and bookkeeping — fed the very same local operations and sharing the same network, faults
 * and clock. That is the side-by-side comparison: same inputs, same partitions, three ways to
 * spread them, bytes counted per copy. The top-level `value`, `versionVector` and `internal`
 * mirror the first copy, so every replica has the `{ type, value, versionVector, internal }`
 * shape whatever the mode.
 */
import type { PlainData } from '../../core/plainData';
import type { CrdtTypeName, OperationName } from './types/common';
import type { VersionVector } from './versionVector';

export type SyncMode = 'state' | 'delta' | 'op';
export type SyncModeChoice = SyncMode | 'all';

export const SYNC_MODES: readonly SyncMode[] = ['state', 'delta', 'op'];

/** A local update as the intent checkers need it: what, and what its origin had seen. */
export type RecordedOperation = {
  counter: number;
  op: OperationName;
  element: string;
  amount: number;
  dependencies: VersionVector;
};

/** One join-decomposed delta group in the buffer of the delta-state algorithm (Almeida et al. 2018, Algorithm 2). */
export type DeltaBufferEntry = {
  sequence: number;
  payload: PlainData;
  /** The peer it came from (null for a local update): never sent back there. */
  from: string | null;
};

export type DeltaBookkeeping = {
  /** The next sequence number: the count of delta groups this replica has buffered so far. */
  sequence: number;
  /** Delta groups not yet acknowledged by every peer, oldest first (capped by deltaBufferLimit). */
  buffer: DeltaBufferEntry[];
  /** Per peer, the sequence up to which it acknowledged; below the oldest buffered sequence, a full state goes instead. */
  acknowledged: Record<string, number>;
  /** How many times a full state went out because the deltas a peer needed were gone. */
  fullStatesSent: number;
};

/** An operation as causal broadcast carries it: its dot, its causal past, its effect. */
export type OperationEnvelope = {
  origin: string;
  counter: number;
  /** The origin's version vector before the operation: what must be delivered first. */
  dependencies: VersionVector;
  effect: PlainData;
};

export type OperationBookkeeping = {
  /** Delivered operations kept for retransmission until causally stable. */
  log: OperationEnvelope[];
  /** Received operations waiting for their causal past. */
  pending: OperationEnvelope[];
};

export type ReplicaCopy = {
  mode: SyncMode;
  value: PlainData;
  versionVector: VersionVector;
  /** The type's payload: tags, tombstones, per-replica counts. */
  payload: PlainData;
  /** The latest version vector each peer reported, for causal stability. */
  peerVersions: Record<string, VersionVector>;
  /** Updates delivered at every replica (the causal stability frontier). */
  stable: VersionVector;
  tombstones: number;
  tombstonesCollected: number;
  bytesSent: number;
  messagesSent: number;
  lastOperation: RecordedOperation | null;
  delta: DeltaBookkeeping | null;
  operations: OperationBookkeeping | null;
};

export type NaiveEntry = { value: PlainData; timestamp: number; replica: string };

/** A write the naive store acknowledged, kept briefly for the lost-update checker. */
export type NaiveWrite = { sequence: number; key: string; value: PlainData; timestamp: number; replica: string };

export type NaiveStoreState = {
  entries: Record<string, NaiveEntry>;
  writes: number;
  recentWrites: NaiveWrite[];
  bytesSent: number;
  messagesSent: number;
};

export type IssuedTotals = { updates: number; increments: number; decrements: number; refused: number };

export type CrdtReplicaState = {
  type: CrdtTypeName;
  replicaId: string;
  syncMode: SyncModeChoice;
  /** Mirrors of copies[0]. */
  value: PlainData;
  versionVector: VersionVector;
  internal: PlainData;
  copies: ReplicaCopy[];
  /** What this replica's users asked for (the counter intent checker sums these). */
  issued: IssuedTotals;
  /** True while the random workload may still issue operations here. */
  workloadActive: boolean;
  naive: NaiveStoreState | null;
};

export type CrdtMessage =
  | { type: 'Gossip'; mode: 'state'; payload: PlainData; versionVector: VersionVector; sizeBytes: number }
  | { type: 'Delta'; mode: 'delta'; payload: PlainData; versionVector: VersionVector; sequence: number; full: boolean; sizeBytes: number }
  | { type: 'DeltaAck'; mode: 'delta'; sequence: number; versionVector: VersionVector; sizeBytes: number }
  | { type: 'Operations'; mode: 'op'; operations: OperationEnvelope[]; versionVector: VersionVector; sizeBytes: number }
  | { type: 'Version'; mode: 'op'; versionVector: VersionVector; sizeBytes: number }
  | { type: 'NaiveGossip'; mode: 'naive'; entries: Record<string, NaiveEntry>; sizeBytes: number };

/** Fixed per-message framing: type, mode, sender and receiver ids. */
export const MESSAGE_HEADER_BYTES = 16;
