/**
 * Read paths that skip the log (dissertation §6.4). ReadIndex: note the commit index, confirm
 * leadership with a heartbeat round acknowledged by a quorum, wait until applied, answer.
 * Lease: a leader that a quorum acknowledged within the last election timeout (minimum) answers
 * at once, trusting that no one else can have been elected meanwhile (followers ignore votes
 * while they hear from it; unsafe with clock drift). Unsafe: any server answers from its own
 * state, so a lagging follower returns stale values.
 */
import type { NodeContext } from '../../protocol';
import { quorumSize } from './quorum';
import { sendAppend } from './replication';
import { raftSettings } from './settings';
import type { ClientRequest, Progress, RaftMessage, RaftServerState } from './types';

type Context = NodeContext<RaftMessage>;

export function replyRead(state: RaftServerState, clientId: string, sequence: number, key: string, context: Context): void {
  context.send(clientId, { type: 'ClientReply', sequence, outcome: 'ok', value: state.kv[key] ?? null, leaderHint: state.leaderHint });
}

/** A get at the leader, by the configured read path (not 'log': those go through the log). */
export function leaderRead(state: RaftServerState, clientId: string, request: ClientRequest, context: Context): void {
  const settings = raftSettings(context.config);
  if (settings.readPath === 'unsafe-any-node' || (settings.readPath === 'lease' && leaseHolds(state, context))) {
    replyRead(state, clientId, request.sequence, request.key, context);
    return;
  }
  // The read index is at least this leader's no-op: until that commits, commitIndex may lag the cluster's.
  state.readRound++;
  state.pendingReads.push({
    clientId,
    sequence: request.sequence,
    key: request.key,
    round: state.readRound,
    readIndex: Math.max(state.commitIndex, state.termStartIndex),
  });
  for (const peer in state.progress) sendAppend(state, peer, state.progress[peer] as Progress, context);
  confirmReads(state, context);
}

/** Answers every waiting read whose round a quorum acknowledged and whose read index is applied, in order. */
export function confirmReads(state: RaftServerState, context: Context): void {
  const reads = state.pendingReads;
  const quorum = quorumSize(state.members);
  let served = 0;
  while (served < reads.length) {
    const read = reads[served]!;
    if (read.readIndex > state.lastApplied || acknowledgedRound(state, context.nodeId, read.round) < quorum) break;
    replyRead(state, read.clientId, read.sequence, read.key, context);
    served++;
  }
  if (served > 0) reads.splice(0, served);
}

function acknowledgedRound(state: RaftServerState, self: string, round: number): number {
  let count = 0;
  for (const member of state.members) {
    if (member === self) count++;
    else if ((state.progress[member]?.acknowledgedRound ?? 0) >= round) count++;
  }
  return count;
}

// Scratch space for lease computation; never part of any state.
const sentTimes: number[] = [];

/**
 * The lease starts at the send time of the newest message a quorum has acknowledged and lasts
 * one minimum election timeout. It also needs this term's no-op committed, so the leader's
 * state machine is current.
 */
export function leaseHolds(state: RaftServerState, context: Context): boolean {
  if (state.commitIndex < state.termStartIndex || state.lastApplied < state.commitIndex) return false;
  const now = context.now();
  sentTimes.length = 0;
  for (const member of state.members) {
    sentTimes.push(member === context.nodeId ? now : (state.progress[member]?.acknowledgedSentAt ?? -1));
  }
  sentTimes.sort((left, right) => right - left);
  const start = sentTimes[quorumSize(state.members) - 1] ?? -1;
  return start >= 0 && now < start + raftSettings(context.config).electionTimeoutMinimumUs;
}
