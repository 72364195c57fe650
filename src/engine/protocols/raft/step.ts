/**
 * Message dispatch for servers, shaped like etcd's raft.go: a common step applies the term
 * rules every role shares (Figure 2, "All Servers"), answers vote requests, and then hands the
 * message to the step function of the current role, looked up by the role string.
 */
import type { NodeContext } from '../../protocol';
import { handleTimeoutNow, handleVoteRequest, handleVoteResponse, inLeaderLease, onCheckQuorum, onElectionTimeout } from './election';
import { onHeartbeat, handleAppendEntries, handleAppendResponse } from './replication';
import { leaderHandleClientRequest, redirectClientRequest } from './requests';
import { becomeFollower } from './roles';
import { raftSettings } from './settings';
import { handleInstallSnapshot, handleSnapshotResponse } from './snapshot';
import { onTransferTimeout } from './transfer';
import type { ClientRequest, PeerMessage, RaftMessage, RaftServerState, Role } from './types';

type Context = NodeContext<RaftMessage>;
type StepFunction = (state: RaftServerState, from: string, message: PeerMessage, context: Context) => void;

function stepFollower(state: RaftServerState, from: string, message: PeerMessage, context: Context): void {
  switch (message.type) {
    case 'AppendEntries':
      handleAppendEntries(state, from, message, context);
      return;
    case 'InstallSnapshot':
      handleInstallSnapshot(state, from, message, context);
      return;
    case 'TimeoutNow':
      handleTimeoutNow(state, context);
      return;
    default:
      // Late answers to a campaign or leadership this server no longer holds.
      return;
  }
}

function stepCandidate(state: RaftServerState, from: string, message: PeerMessage, context: Context): void {
  switch (message.type) {
    case 'RequestVoteResponse':
    case 'PreVoteResponse':
      handleVoteResponse(state, from, message, context);
      return;
    case 'AppendEntries':
    case 'InstallSnapshot':
      // A leader exists in this term (§5.2): return to follower and take its message.
      becomeFollower(state, message.term, from, context);
      stepFollower(state, from, message, context);
      return;
    default:
      return;
  }
}

function stepLeader(state: RaftServerState, from: string, message: PeerMessage, context: Context): void {
  switch (message.type) {
    case 'AppendEntriesResponse':
      handleAppendResponse(state, from, message, context);
      return;
    case 'InstallSnapshotResponse':
      handleSnapshotResponse(state, from, message, context);
      return;
    default:
      // Election Safety means no other leader shares this term, so no AppendEntries arrives here.
      return;
  }
}

const stepByRole: Record<Role, StepFunction> = {
  follower: stepFollower,
  precandidate: stepCandidate,
  candidate: stepCandidate,
  leader: stepLeader,
};

/** Client requests carry no term: the leader serves them, everyone else redirects (§8). */
const clientRequestByRole: Record<Role, (state: RaftServerState, from: string, request: ClientRequest, context: Context) => void> = {
  follower: redirectClientRequest,
  precandidate: redirectClientRequest,
  candidate: redirectClientRequest,
  leader: leaderHandleClientRequest,
};

export function stepServer(state: RaftServerState, from: string, message: RaftMessage, context: Context): void {
  if (message.type === 'ClientRequest') {
    clientRequestByRole[state.role](state, from, message, context);
    return;
  }
  if (message.type === 'ClientReply') return;
  if (!applyTermRules(state, from, message, context)) return;
  if (message.type === 'RequestVote' || message.type === 'PreVote') {
    handleVoteRequest(state, from, message, context);
    return;
  }
  stepByRole[state.role](state, from, message, context);
}

/** Figure 2, All Servers: a higher term makes us a follower in it; a lower one is refused. Returns whether to go on. */
function applyTermRules(state: RaftServerState, from: string, message: PeerMessage, context: Context): boolean {
  if (message.term > state.term) {
    if (message.type === 'PreVote' || (message.type === 'PreVoteResponse' && message.voteGranted)) return true;
    if (message.type === 'RequestVote' && !message.transfer && raftSettings(context.config).leaderStickiness && inLeaderLease(state, context)) {
      // Leader stickiness (dissertation §4.2.3, §6.4.1): ignore a disruptive candidate while a leader is alive.
      return false;
    }
    const leader = message.type === 'AppendEntries' || message.type === 'InstallSnapshot' ? from : null;
    becomeFollower(state, message.term, leader, context);
    return true;
  }
  if (message.term < state.term) {
    answerStaleTerm(state, from, message, context);
    return false;
  }
  return true;
}

/** A stale leader or candidate learns our term from the refusal and steps down. */
function answerStaleTerm(state: RaftServerState, from: string, message: PeerMessage, context: Context): void {
  const term = state.term;
  switch (message.type) {
    case 'AppendEntries':
    case 'InstallSnapshot':
      context.send(from, { type: 'AppendEntriesResponse', term, success: false, matchIndex: 0, conflictTerm: 0, conflictIndex: 0, round: 0, sentAt: -1 });
      return;
    case 'RequestVote':
      context.send(from, { type: 'RequestVoteResponse', term, voteGranted: false });
      return;
    case 'PreVote':
      context.send(from, { type: 'PreVoteResponse', term, voteGranted: false });
      return;
    default:
      return;
  }
}

const timerHandlers: Record<string, (state: RaftServerState, context: Context) => void> = {
  election: onElectionTimeout,
  heartbeat: onHeartbeat,
  checkQuorum: onCheckQuorum,
  transfer: onTransferTimeout,
};

export function serverTimer(state: RaftServerState, key: string, context: Context): void {
  timerHandlers[key]?.(state, context);
}
