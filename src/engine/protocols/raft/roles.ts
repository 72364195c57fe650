/**
 * Server state construction and role transitions (paper Figure 2, "Rules for Servers";
 * etcd raft.go becomeFollower/becomeCandidate/becomeLeader). A transition sets the role string
 * that indexes the step table in step.ts and arms the timers that role runs on.
 */
import type { NodeContext } from '../../protocol';
import { appendOnly } from '../../core/plainData';
import { lastIndex, lastTerm, newEntry } from './log';
import { advanceCommitIndex, quorumSize } from './quorum';
import { broadcastAppend } from './replication';
import { raftSettings } from './settings';
import { copySessions } from './stateMachine';
import { refreshMembers } from './membership';
import type { Entry, Progress, RaftMessage, RaftServerState, Snapshot } from './types';

type Context = NodeContext<RaftMessage>;

export interface PersistentServerState {
  currentTerm: number;
  votedFor: string | null;
  log: Entry[];
  snapshot: Snapshot | null;
}

/** A server's volatile state around what survived (paper §5.1: commitIndex and roles do not survive). */
export function serverState(persistent: PersistentServerState, context: Context): RaftServerState {
  const snapshot = persistent.snapshot;
  const state: RaftServerState = {
    kind: 'server',
    role: 'follower',
    term: persistent.currentTerm,
    votedFor: persistent.votedFor,
    log: appendOnly(persistent.log.slice()),
    snapshot,
    commitIndex: snapshot === null ? 0 : snapshot.lastIncludedIndex,
    lastApplied: snapshot === null ? 0 : snapshot.lastIncludedIndex,
    leaderHint: null,
    members: [],
    configIndex: 0,
    votesGranted: [],
    votesRejected: [],
    progress: {},
    termStartIndex: 0,
    kv: snapshot === null ? {} : { ...snapshot.kv },
    sessions: snapshot === null ? {} : copySessions(snapshot.sessions),
    readRound: 0,
    pendingReads: [],
    heardFromLeaderAt: null,
    transferTarget: null,
    truncatedEntries: 0,
  };
  refreshMembers(state, context);
  armElectionTimer(context);
  return state;
}

export function armElectionTimer(context: Context): void {
  const settings = raftSettings(context.config);
  context.setTimer('election', context.random.between(settings.electionTimeoutMinimumUs, settings.electionTimeoutMaximumUs));
}

/** Leaves whatever role this was; a leader's bookkeeping and timers go with it. */
function leaveRole(state: RaftServerState, context: Context): void {
  if (state.role === 'leader') {
    context.cancelTimer('heartbeat');
    context.cancelTimer('checkQuorum');
    context.cancelTimer('transfer');
    state.progress = {};
    // Waiting reads are dropped: their clients time out and retry elsewhere (dissertation §6.4).
    state.pendingReads = [];
    state.transferTarget = null;
  }
}

export function becomeFollower(state: RaftServerState, term: number, leader: string | null, context: Context): void {
  const changed = state.role !== 'follower' || term !== state.term;
  leaveRole(state, context);
  if (term > state.term) {
    state.term = term;
    state.votedFor = null;
  }
  state.role = 'follower';
  state.leaderHint = leader;
  armElectionTimer(context);
  if (changed) context.note(`became follower in term ${state.term}${leader === null ? '' : ` (leader ${leader})`}`);
}

/** PreVote (dissertation §9.6): ask whether we could win before disturbing anyone's term. */
export function becomePreCandidate(state: RaftServerState, context: Context): void {
  leaveRole(state, context);
  state.role = 'precandidate';
  state.leaderHint = null;
  state.votesGranted = [context.nodeId];
  state.votesRejected = [];
  armElectionTimer(context);
  context.note(`became pre-candidate for term ${state.term + 1}`);
  if (state.votesGranted.length >= quorumSize(state.members)) {
    becomeCandidate(state, context, false);
    return;
  }
  requestVotes(state, 'PreVote', state.term + 1, false, context);
}

/** Paper §5.2: increment currentTerm, vote for self, reset the election timer, send RequestVote. */
export function becomeCandidate(state: RaftServerState, context: Context, transfer: boolean): void {
  leaveRole(state, context);
  state.role = 'candidate';
  state.term++;
  state.votedFor = context.nodeId;
  state.leaderHint = null;
  state.votesGranted = [context.nodeId];
  state.votesRejected = [];
  armElectionTimer(context);
  context.note(`became candidate in term ${state.term}${transfer ? ' (leadership transfer)' : ''}`);
  if (state.votesGranted.length >= quorumSize(state.members)) {
    becomeLeader(state, context);
    return;
  }
  requestVotes(state, 'RequestVote', state.term, transfer, context);
}

function requestVotes(state: RaftServerState, type: 'RequestVote' | 'PreVote', term: number, transfer: boolean, context: Context): void {
  const lastLogIndex = lastIndex(state);
  const lastLogTerm = lastTerm(state);
  for (const member of state.members) {
    if (member === context.nodeId) continue;
    context.send(member, { type, term, lastLogIndex, lastLogTerm, transfer });
  }
}

/**
 * Paper §5.2/§5.3 and §8: a new leader sets nextIndex to its last index + 1 for every follower
 * and appends a no-op of its own term, so that entries of earlier terms become committed with
 * it (§5.4.2) and ReadIndex has a current-term commit to wait for.
 */
export function becomeLeader(state: RaftServerState, context: Context): void {
  const settings = raftSettings(context.config);
  context.cancelTimer('election');
  state.role = 'leader';
  state.leaderHint = context.nodeId;
  state.heardFromLeaderAt = context.now();
  const next = lastIndex(state) + 1;
  state.progress = {};
  for (const member of state.members) if (member !== context.nodeId) state.progress[member] = newProgress(next);
  state.log.push(newEntry(next, state.term, { type: 'noop' }));
  state.termStartIndex = next;
  context.note(`became leader in term ${state.term}`);
  context.setTimer('heartbeat', settings.heartbeatIntervalUs);
  if (settings.checkQuorum) context.setTimer('checkQuorum', settings.electionTimeoutMinimumUs);
  broadcastAppend(state, context, true);
  advanceCommitIndex(state, context);
}

export function newProgress(nextIndex: number): Progress {
  return {
    nextIndex,
    matchIndex: 0,
    probing: true,
    recentActive: false,
    acknowledgedRound: 0,
    acknowledgedSentAt: -1,
    snapshotInFlight: false,
  };
}
