/**
 * Raft's plain-data state and messages (Ongaro & Ousterhout, "In Search of an Understandable
 * Consensus Algorithm", Figure 2; extensions from Ongaro's dissertation). Everything here is
 * plain data: checkpoints copy it and inspect() prints it. Log entries and snapshots are
 * immutable once created, so a message may share them with the sender's log.
 */

export type Role = 'follower' | 'precandidate' | 'candidate' | 'leader';

export type KvOperation = 'put' | 'get' | 'append' | 'cas';

/** A client command for the replicated key-value store. */
export interface KvCommand {
  type: 'kv';
  f: KvOperation;
  key: string;
  /** put: the written value; append: the suffix; cas: the new value; get: null. */
  value: string | null;
  /** cas only: the value expected (null = the key is absent). */
  expected: string | null;
  /** The client session (null for a proposal made directly at a server: no deduplication). */
  clientId: string | null;
  sequence: number;
}

export type Command =
  | { type: 'noop' }
  | KvCommand
  /** A single-server membership change: the complete new configuration (dissertation §4.1). */
  | { type: 'config'; members: string[] };

export interface Entry {
  index: number;
  term: number;
  command: Command;
}

/** The latest result per client session, for exactly-once writes (dissertation §6.3). */
export interface Session {
  sequence: number;
  outcome: 'ok' | 'fail';
  value: string | null;
}

/** A state-machine snapshot replacing the log prefix up to lastIncludedIndex (paper §7). */
export interface Snapshot {
  lastIncludedIndex: number;
  lastIncludedTerm: number;
  kv: Record<string, string>;
  sessions: Record<string, Session>;
  members: string[];
}

/** The leader's view of one follower (etcd's tracker.Progress). Invariant: matchIndex < nextIndex. */
export interface Progress {
  nextIndex: number;
  matchIndex: number;
  /** True after a rejection: send one batch at a time until the follower's log matches. */
  probing: boolean;
  /** Heard from since the last CheckQuorum round. */
  recentActive: boolean;
  /** The highest heartbeat round this follower acknowledged (ReadIndex confirmation). */
  acknowledgedRound: number;
  /** The leader's local send time of the latest message this follower acknowledged (leases). */
  acknowledgedSentAt: number;
  /** An InstallSnapshot is on its way; wait for its answer or the next heartbeat. */
  snapshotInFlight: boolean;
}

/** A read waiting for its ReadIndex confirmation (dissertation §6.4). */
export interface PendingRead {
  clientId: string;
  sequence: number;
  key: string;
  /** Served once a quorum acknowledged this heartbeat round and lastApplied ≥ readIndex. */
  round: number;
  readIndex: number;
}

export interface RaftServerState {
  kind: 'server';
  role: Role;
  // Persistent (Figure 2): survives crashes. `term` is the paper's currentTerm.
  term: number;
  votedFor: string | null;
  /** Entries after the snapshot: log[k].index === snapshotIndex + 1 + k. */
  log: Entry[];
  snapshot: Snapshot | null;
  // Volatile.
  commitIndex: number;
  lastApplied: number;
  leaderHint: string | null;
  /** The latest configuration in the log (used as soon as appended, dissertation §4.1). */
  members: string[];
  /** The index of the entry that defined `members` (0 for the initial configuration). */
  configIndex: number;
  votesGranted: string[];
  votesRejected: string[];
  /** Leader only: one entry per other member. */
  progress: Record<string, Progress>;
  /** Leader only: index of the no-op this leader appended on election. */
  termStartIndex: number;
  kv: Record<string, string>;
  sessions: Record<string, Session>;
  readRound: number;
  pendingReads: PendingRead[];
  /** Local time this node last heard from a current leader (stickiness, PreVote, leases); null = never. */
  heardFromLeaderAt: number | null;
  /** Leader only: the server leadership is being handed to (dissertation §3.10). */
  transferTarget: string | null;
  /** Log entries removed by conflict truncation over this node's life (for the views and tests). */
  truncatedEntries: number;
}

export interface ClientOperation {
  sequence: number;
  f: KvOperation;
  key: string;
  value: string | null;
  expected: string | null;
  attempts: number;
  invokedAt: number;
  /** True while an attempt is on the wire; false while backing off before the next one. */
  awaitingReply: boolean;
  /** Where the current attempt went. */
  target: string | null;
}

export interface ClientInput {
  f: KvOperation;
  key: string;
  value: string | null;
  expected: string | null;
}

export interface RaftClientState {
  kind: 'client';
  nextSequence: number;
  leaderHint: string | null;
  current: ClientOperation | null;
  /** Requests sent from the lab while an operation was in progress. */
  queued: ClientInput[];
  /** The last value this client saw per key (cas expects it). */
  lastSeen: Record<string, string | null>;
  issued: number;
  completed: number;
  gaveUp: number;
  lastGaveUpAt: number | null;
}

export type RaftState = RaftServerState | RaftClientState;

export interface VoteRequest {
  type: 'RequestVote' | 'PreVote';
  /** For PreVote: the term the sender would campaign in (its currentTerm + 1). */
  term: number;
  lastLogIndex: number;
  lastLogTerm: number;
  /** Sent because of TimeoutNow: voters ignore their leader stickiness (dissertation §3.10). */
  transfer: boolean;
}

export interface VoteResponse {
  type: 'RequestVoteResponse' | 'PreVoteResponse';
  term: number;
  voteGranted: boolean;
}

export interface AppendEntries {
  type: 'AppendEntries';
  term: number;
  leaderId: string;
  prevLogIndex: number;
  prevLogTerm: number;
  entries: readonly Entry[];
  leaderCommit: number;
  round: number;
  sentAt: number;
}

export interface AppendEntriesResponse {
  type: 'AppendEntriesResponse';
  term: number;
  success: boolean;
  /** On success: the last index known to match the leader. On rejection: the prevLogIndex rejected. */
  matchIndex: number;
  /** Fast backtracking hints (dissertation §5.3 footnote; 6.824 style). conflictTerm -1 = log too short. */
  conflictTerm: number;
  conflictIndex: number;
  round: number;
  sentAt: number;
}

export interface InstallSnapshot {
  type: 'InstallSnapshot';
  term: number;
  leaderId: string;
  snapshot: Snapshot;
  round: number;
  sentAt: number;
}

export interface InstallSnapshotResponse {
  type: 'InstallSnapshotResponse';
  term: number;
  matchIndex: number;
  round: number;
  sentAt: number;
}

export interface TimeoutNow {
  type: 'TimeoutNow';
  term: number;
}

export interface ClientRequest {
  type: 'ClientRequest';
  clientId: string | null;
  sequence: number;
  f: KvOperation;
  key: string;
  value: string | null;
  expected: string | null;
}

export interface ClientReply {
  type: 'ClientReply';
  sequence: number;
  /** redirect: not the leader (or busy); try leaderHint, or another server when null. */
  outcome: 'ok' | 'fail' | 'redirect';
  value: string | null;
  leaderHint: string | null;
}

export type RaftMessage =
  | VoteRequest
  | VoteResponse
  | AppendEntries
  | AppendEntriesResponse
  | InstallSnapshot
  | InstallSnapshotResponse
  | TimeoutNow
  | ClientRequest
  | ClientReply;

/** Messages that carry a term and go through the common term rules. */
export type PeerMessage = Exclude<RaftMessage, ClientRequest | ClientReply>;
