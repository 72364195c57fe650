/**
 * Log replication (paper §5.3): AppendEntries with the consistency check, conflict
 * truncation, commit propagation, heartbeats, and fast backtracking with conflict hints.
 *
 * Flow control follows etcd's Progress: a follower in probe mode gets one batch at a time
 * (from nextIndex, resent each heartbeat) until its log matches; then it switches to
 * replicate mode, where new entries are pipelined and nextIndex advances optimistically.
 */
import { invariantBroken } from '../../core/assert';
import type { NodeContext } from '../../protocol';
import { NO_ENTRIES, entriesBetween, firstIndexOfTerm, lastIndex, lastIndexOfTerm, snapshotIndex, termAt, truncateFrom } from './log';
import { refreshMembers } from './membership';
import { advanceCommitIndex, onCommitAdvanced } from './quorum';
import { confirmReads } from './reads';
import { armElectionTimer } from './roles';
import { raftSettings } from './settings';
import { sendSnapshot } from './snapshot';
import { sendTimeoutNowIfCaughtUp } from './transfer';
import type { AppendEntries, AppendEntriesResponse, Entry, Progress, RaftMessage, RaftServerState } from './types';

type Context = NodeContext<RaftMessage>;

/** Sends what `peer` needs next: a snapshot when its next entry is compacted, else a batch from nextIndex. */
export function sendAppend(state: RaftServerState, peer: string, progress: Progress, context: Context): void {
  const next = progress.nextIndex;
  if (next <= snapshotIndex(state)) {
    sendSnapshot(state, peer, progress, context);
    return;
  }
  const last = lastIndex(state);
  const maximum = raftSettings(context.config).maxEntriesPerAppend;
  const entries = next <= last ? entriesBetween(state, next, Math.min(last, next + maximum - 1)) : NO_ENTRIES;
  const message: AppendEntries = {
    type: 'AppendEntries',
    term: state.term,
    leaderId: context.nodeId,
    prevLogIndex: next - 1,
    prevLogTerm: termAt(state, next - 1),
    entries,
    leaderCommit: state.commitIndex,
    round: state.readRound,
    sentAt: context.now(),
  };
  context.send(peer, message);
  if (!progress.probing) progress.nextIndex = next + entries.length;
}

/**
 * New entries (or, with `everyone`, a heartbeat round) to each follower. Followers still
 * probing wait for their answer or the next heartbeat rather than receive a second batch.
 */
export function broadcastAppend(state: RaftServerState, context: Context, everyone: boolean): void {
  for (const peer in state.progress) {
    const progress = state.progress[peer] as Progress;
    if (everyone || (!progress.probing && progress.nextIndex <= lastIndex(state))) sendAppend(state, peer, progress, context);
  }
}

/** The heartbeat (paper §5.2): AppendEntries to every follower, resending whatever has not been acknowledged. */
export function onHeartbeat(state: RaftServerState, context: Context): void {
  context.setTimer('heartbeat', raftSettings(context.config).heartbeatIntervalUs);
  state.heardFromLeaderAt = context.now();
  for (const peer in state.progress) {
    const progress = state.progress[peer] as Progress;
    // Entries sent but unacknowledged for a whole interval may be lost: resend from the last match.
    if (!progress.probing) progress.nextIndex = progress.matchIndex + 1;
    progress.snapshotInFlight = false;
    sendAppend(state, peer, progress, context);
  }
}

function reply(context: Context, to: string, state: RaftServerState, request: AppendEntries, success: boolean, matchIndex: number, conflictTerm: number, conflictIndex: number): void {
  const response: AppendEntriesResponse = {
    type: 'AppendEntriesResponse',
    term: state.term,
    success,
    matchIndex,
    conflictTerm,
    conflictIndex,
    round: request.round,
    sentAt: request.sentAt,
  };
  context.send(to, response);
}

/** Receiver implementation of AppendEntries (Figure 2), for a follower whose term equals the request's. */
export function handleAppendEntries(state: RaftServerState, from: string, request: AppendEntries, context: Context): void {
  state.leaderHint = from;
  state.heardFromLeaderAt = context.now();
  armElectionTimer(context);
  const entries = request.entries;
  let previous = request.prevLogIndex;
  let previousTerm = request.prevLogTerm;
  let start = 0;
  if (previous < state.commitIndex) {
    // Entries up to commitIndex are committed, so they already match the leader's (§5.4.3); skip them.
    start = Math.min(entries.length, state.commitIndex - previous);
    if (start === entries.length) {
      reply(context, from, state, request, true, state.commitIndex, 0, 0);
      return;
    }
    previousTerm = (entries[start - 1] as Entry).term;
    previous += start;
  }
  const last = lastIndex(state);
  if (previous > last) {
    // Rule 2: no entry at prevLogIndex. Hint: retry from our end.
    reply(context, from, state, request, false, request.prevLogIndex, -1, last + 1);
    return;
  }
  const ourTerm = termAt(state, previous);
  if (ourTerm !== previousTerm) {
    // Rule 2: the terms differ. Hint: the first index of our conflicting term, so the leader skips it whole.
    reply(context, from, state, request, false, request.prevLogIndex, ourTerm, firstIndexOfTerm(state, ourTerm, previous));
    return;
  }
  const lastNew = appendNewEntries(state, entries, start, previous, context);
  // Rule 5: commitIndex = min(leaderCommit, index of last new entry).
  const commit = Math.min(request.leaderCommit, lastNew);
  if (commit > state.commitIndex) {
    state.commitIndex = commit;
    onCommitAdvanced(state, context);
  }
  reply(context, from, state, request, true, lastNew, 0, 0);
}

/** Rules 3 and 4: drop a conflicting suffix, append what is new. Returns the index of the last entry sent. */
function appendNewEntries(state: RaftServerState, entries: readonly Entry[], start: number, previous: number, context: Context): number {
  let index = previous;
  let membershipChanged = false;
  for (let position = start; position < entries.length; position++) {
    const entry = entries[position] as Entry;
    index++;
    if (index <= lastIndex(state)) {
      if (termAt(state, index) === entry.term) continue;
      // Invariant: a committed entry never conflicts with the current leader (Leader Completeness);
      // entries up to commitIndex were skipped above, so none is truncated here.
      if (index <= state.commitIndex) invariantBroken(`${context.nodeId} would truncate committed entry ${index}`);
      truncateFrom(state, index);
      membershipChanged = true;
    }
    state.log.push(entry);
    if (entry.command.type === 'config') membershipChanged = true;
  }
  if (membershipChanged) refreshMembers(state, context);
  return index;
}

/** The leader's side: advance matchIndex and commit on success, back up nextIndex on rejection. */
export function handleAppendResponse(state: RaftServerState, from: string, response: AppendEntriesResponse, context: Context): void {
  const progress = state.progress[from];
  if (progress === undefined) return;
  acknowledge(progress, response.round, response.sentAt);
  if (response.success) {
    // Clamped: only a broken variant lets a follower claim more than the leader holds.
    const matchIndex = Math.min(response.matchIndex, lastIndex(state));
    if (matchIndex > progress.matchIndex) {
      progress.matchIndex = matchIndex;
      advanceCommitIndex(state, context);
    }
    if (progress.nextIndex <= progress.matchIndex) progress.nextIndex = progress.matchIndex + 1;
    progress.probing = false;
    if (state.role !== 'leader') return;
    sendTimeoutNowIfCaughtUp(state, from, progress, context);
    if (progress.nextIndex <= lastIndex(state)) sendAppend(state, from, progress, context);
  } else {
    // A rejection of an index we already know matches is stale (reordered); ignore it.
    if (response.matchIndex < progress.matchIndex) return;
    progress.nextIndex = backtrack(state, progress, response);
    progress.probing = true;
    sendAppend(state, from, progress, context);
  }
  if (state.pendingReads.length > 0) confirmReads(state, context);
}

/**
 * Fast backtracking: with the follower's conflicting term and its first index, the leader
 * skips a whole term per round trip instead of one entry (paper §5.3, last paragraphs).
 * Invariant kept: matchIndex < nextIndex ≤ the rejected prevLogIndex.
 */
function backtrack(state: RaftServerState, progress: Progress, response: AppendEntriesResponse): number {
  let next = response.conflictIndex;
  if (response.conflictTerm > 0) {
    const ours = lastIndexOfTerm(state, response.conflictTerm);
    if (ours > 0) next = ours + 1;
  }
  return Math.max(progress.matchIndex + 1, Math.min(next, response.matchIndex));
}

export function acknowledge(progress: Progress, round: number, sentAt: number): void {
  progress.recentActive = true;
  if (round > progress.acknowledgedRound) progress.acknowledgedRound = round;
  if (sentAt > progress.acknowledgedSentAt) progress.acknowledgedSentAt = sentAt;
}
