/**
 * Log compaction and InstallSnapshot (paper §7). Each server snapshots its own applied state
 * once enough entries follow its last snapshot; a leader whose follower needs a compacted
 * entry sends the whole snapshot in one message (no chunking: the simulator has no size limit).
 */
import type { NodeContext } from '../../protocol';
import { appendOnly } from '../../core/plainData';
import { entryAt, lastIndex, snapshotIndex, termAt } from './log';
import { membersAt, refreshMembers } from './membership';
import { advanceCommitIndex, onCommitAdvanced } from './quorum';
import { acknowledge, sendAppend } from './replication';
import { armElectionTimer } from './roles';
import { raftSettings } from './settings';
import { copySessions } from './stateMachine';
import type { InstallSnapshot, InstallSnapshotResponse, Progress, RaftMessage, RaftServerState, Snapshot } from './types';

type Context = NodeContext<RaftMessage>;

/** Snapshots the applied prefix once `snapshotThreshold` applied entries follow the last snapshot. */
export function maybeCompact(state: RaftServerState, context: Context): void {
  const settings = raftSettings(context.config);
  if (!settings.compaction) return;
  const base = snapshotIndex(state);
  if (state.lastApplied - base < settings.snapshotThreshold) return;
  const index = state.lastApplied;
  const snapshot = freezeSnapshot({
    lastIncludedIndex: index,
    lastIncludedTerm: termAt(state, index),
    kv: { ...state.kv },
    sessions: copySessions(state.sessions),
    members: membersAt(state, index, context),
  });
  state.log = appendOnly(state.log.slice(index - base));
  state.snapshot = snapshot;
  context.note(`snapshot through index ${index}`);
}

/** Snapshots are immutable once taken: frozen, so messages and checkpoints share them. */
function freezeSnapshot(snapshot: Snapshot): Snapshot {
  for (const clientId in snapshot.sessions) Object.freeze(snapshot.sessions[clientId]);
  Object.freeze(snapshot.sessions);
  Object.freeze(snapshot.kv);
  Object.freeze(snapshot.members);
  return Object.freeze(snapshot);
}

export function sendSnapshot(state: RaftServerState, peer: string, progress: Progress, context: Context): void {
  // One snapshot at a time per follower; the heartbeat clears the flag so a lost one is resent.
  if (progress.snapshotInFlight || state.snapshot === null) return;
  progress.snapshotInFlight = true;
  progress.probing = true;
  const message: InstallSnapshot = {
    type: 'InstallSnapshot',
    term: state.term,
    leaderId: context.nodeId,
    snapshot: state.snapshot,
    round: state.readRound,
    sentAt: context.now(),
  };
  context.send(peer, message);
}

/**
 * Receiver implementation (Figure 13): a snapshot behind our commit index is old news; else
 * keep any log suffix that follows the snapshot's last entry, discard the rest, and reset the
 * state machine from the snapshot.
 */
export function handleInstallSnapshot(state: RaftServerState, from: string, request: InstallSnapshot, context: Context): void {
  state.leaderHint = from;
  state.heardFromLeaderAt = context.now();
  armElectionTimer(context);
  const snapshot = request.snapshot;
  const index = snapshot.lastIncludedIndex;
  if (index > state.commitIndex) {
    const base = snapshotIndex(state);
    if (termAt(state, index) === snapshot.lastIncludedTerm && entryAt(state, index) !== undefined) {
      state.log = appendOnly(state.log.slice(index - base));
    } else {
      state.truncatedEntries += Math.max(0, lastIndex(state) - state.commitIndex);
      state.log = appendOnly([]);
    }
    // The snapshot is shared with the message and the leader: never mutated, so the live state copies it.
    state.snapshot = snapshot;
    state.kv = { ...snapshot.kv };
    state.sessions = copySessions(snapshot.sessions);
    state.commitIndex = index;
    state.lastApplied = index;
    refreshMembers(state, context);
    context.note(`installed snapshot through index ${index} from ${from}`);
    onCommitAdvanced(state, context);
  }
  const response: InstallSnapshotResponse = {
    type: 'InstallSnapshotResponse',
    term: state.term,
    matchIndex: Math.max(index, state.commitIndex),
    round: request.round,
    sentAt: request.sentAt,
  };
  context.send(from, response);
}

/** The leader's side: the follower now holds everything through the snapshot. */
export function handleSnapshotResponse(state: RaftServerState, from: string, response: InstallSnapshotResponse, context: Context): void {
  const progress = state.progress[from];
  if (progress === undefined) return;
  acknowledge(progress, response.round, response.sentAt);
  progress.snapshotInFlight = false;
  if (response.matchIndex > progress.matchIndex) {
    progress.matchIndex = response.matchIndex;
    advanceCommitIndex(state, context);
  }
  progress.nextIndex = progress.matchIndex + 1;
  progress.probing = false;
  if (state.role === 'leader' && progress.nextIndex <= lastIndex(state)) sendAppend(state, from, progress, context);
}
