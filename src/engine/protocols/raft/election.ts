/**
 * Leader election (paper §5.2, §5.4.1) with PreVote and CheckQuorum (dissertation §9.6) and
 * the receiving end of leadership transfer (§3.10).
 */
import type { NodeContext } from '../../protocol';
import { isUpToDate } from './log';
import { quorumSize } from './quorum';
import { armElectionTimer, becomeCandidate, becomeFollower, becomeLeader, becomePreCandidate } from './roles';
import { raftSettings } from './settings';
import type { Progress, RaftMessage, RaftServerState, Role, VoteRequest, VoteResponse } from './types';

type Context = NodeContext<RaftMessage>;

/** Heard from a current leader within the minimum election timeout (or is the leader). */
export function inLeaderLease(state: RaftServerState, context: Context): boolean {
  if (state.role === 'leader') return true;
  const heard = state.heardFromLeaderAt;
  return heard !== null && state.leaderHint !== null && context.now() - heard < raftSettings(context.config).electionTimeoutMinimumUs;
}

/**
 * RequestVote receiver (Figure 2) and PreVote. A vote goes to at most one candidate per term,
 * and only to one whose log is at least as up to date as ours (§5.4.1), unless the
 * voteWithoutLogCheck bug is on. A pre-vote changes nothing here; it is granted when a real
 * vote would be and we have not heard from a leader lately.
 */
export function handleVoteRequest(state: RaftServerState, from: string, request: VoteRequest, context: Context): void {
  const settings = raftSettings(context.config);
  const logOk = settings.voteWithoutLogCheck || isUpToDate(state, request.lastLogIndex, request.lastLogTerm);
  let granted: boolean;
  if (request.type === 'PreVote') {
    granted = request.term > state.term && logOk && (request.transfer || !inLeaderLease(state, context));
  } else {
    granted = request.term === state.term && (state.votedFor === null || state.votedFor === from) && logOk;
    if (granted) {
      state.votedFor = from;
      // Granting a vote resets the election timer (Figure 2, Followers).
      armElectionTimer(context);
    }
  }
  const response: VoteResponse = {
    type: request.type === 'PreVote' ? 'PreVoteResponse' : 'RequestVoteResponse',
    // A granted pre-vote answers in the proposed term; anything else carries our own term.
    term: request.type === 'PreVote' && granted ? request.term : state.term,
    voteGranted: granted,
  };
  context.send(from, response);
}

/** A (pre-)candidate counts answers: a quorum of grants wins, a quorum of refusals gives up. */
export function handleVoteResponse(state: RaftServerState, from: string, response: VoteResponse, context: Context): void {
  const expectedType = state.role === 'precandidate' ? 'PreVoteResponse' : 'RequestVoteResponse';
  const expectedTerm = state.role === 'precandidate' ? state.term + 1 : state.term;
  if (response.type !== expectedType || !state.members.includes(from)) return;
  if (response.voteGranted && response.term !== expectedTerm) return;
  const tally = response.voteGranted ? state.votesGranted : state.votesRejected;
  if (state.votesGranted.includes(from) || state.votesRejected.includes(from)) return;
  tally.push(from);
  const quorum = quorumSize(state.members);
  if (state.votesGranted.length >= quorum) {
    if (state.role === 'precandidate') becomeCandidate(state, context, false);
    else becomeLeader(state, context);
  } else if (state.votesRejected.length >= quorum) {
    becomeFollower(state, state.term, null, context);
  }
}

/** Election timeout behaviour per role; the leader has none (a forced one is ignored). */
const electionTimeoutByRole: Record<Role, (state: RaftServerState, context: Context) => void> = {
  follower: campaign,
  precandidate: campaign,
  candidate: campaign,
  leader: (_state, context) => context.note('election timeout ignored: already the leader'),
};

export function onElectionTimeout(state: RaftServerState, context: Context): void {
  electionTimeoutByRole[state.role](state, context);
}

function campaign(state: RaftServerState, context: Context): void {
  if (!state.members.includes(context.nodeId)) {
    // A server outside the configuration never campaigns; it waits to be added (dissertation §4.2.3).
    armElectionTimer(context);
    return;
  }
  if (raftSettings(context.config).preVote) becomePreCandidate(state, context);
  else becomeCandidate(state, context, false);
}

/** TimeoutNow: the leader handed over leadership; campaign now, skipping PreVote (§3.10). */
export function handleTimeoutNow(state: RaftServerState, context: Context): void {
  if (!state.members.includes(context.nodeId)) return;
  becomeCandidate(state, context, true);
}

/** CheckQuorum: a leader that did not hear from a quorum during the last election timeout steps down. */
export function onCheckQuorum(state: RaftServerState, context: Context): void {
  const settings = raftSettings(context.config);
  let active = 0;
  for (const member of state.members) {
    if (member === context.nodeId) active++;
    else if ((state.progress[member] as Progress | undefined)?.recentActive === true) active++;
  }
  for (const peer in state.progress) (state.progress[peer] as Progress).recentActive = false;
  if (active < quorumSize(state.members)) {
    context.note(`lost contact with a quorum (${active} of ${state.members.length}): stepping down`);
    becomeFollower(state, state.term, null, context);
    return;
  }
  context.setTimer('checkQuorum', settings.electionTimeoutMinimumUs);
}
