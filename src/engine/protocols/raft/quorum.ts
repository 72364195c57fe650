/**
 * Quorums and the commit rule. A quorum is a majority of the current configuration; the
 * leader counts itself only while it is a member (dissertation §4.2.2: a leader removing
 * itself manages a cluster it is not part of until the change commits).
 */
import type { NodeContext } from '../../protocol';
import { lastIndex, termAt } from './log';
import { onConfigurationCommitted } from './membership';
import { confirmReads } from './reads';
import { raftSettings } from './settings';
import { maybeCompact } from './snapshot';
import { applyCommitted } from './stateMachine';
import type { Progress, RaftMessage, RaftServerState } from './types';

type Context = NodeContext<RaftMessage>;

export function quorumSize(members: readonly string[]): number {
  return Math.floor(members.length / 2) + 1;
}

// Scratch space for the match indexes of one commit computation; never part of any state.
const scratch: number[] = [];

/**
 * The largest index stored on a quorum of the configuration: sort the members' matchIndex
 * (the leader's own is its last index) in descending order and take the quorum-th.
 */
export function quorumMatchIndex(state: RaftServerState, self: string): number {
  // Insertion sort, descending, into a reused scratch array: clusters are small, and sort()
  // with a comparator cost a leader a tenth of its time (it runs on every AppendEntries reply).
  let count = 0;
  for (const member of state.members) {
    const match = member === self ? lastIndex(state) : ((state.progress[member] as Progress | undefined)?.matchIndex ?? 0);
    let position = count++;
    while (position > 0 && (scratch[position - 1] as number) < match) {
      scratch[position] = scratch[position - 1] as number;
      position--;
    }
    scratch[position] = match;
  }
  const quorum = quorumSize(state.members);
  return quorum <= count ? (scratch[quorum - 1] as number) : 0;
}

/**
 * Paper §5.3 and §5.4.2: the leader commits index N once a majority stores it and
 * log[N].term === currentTerm; earlier-term entries commit only along with such an entry.
 * The figure8Bug variant drops the term test and commits by counting replicas alone.
 */
export function advanceCommitIndex(state: RaftServerState, context: Context): void {
  const candidate = quorumMatchIndex(state, context.nodeId);
  if (candidate <= state.commitIndex) return;
  if (termAt(state, candidate) !== state.term && !raftSettings(context.config).figure8Bug) return;
  state.commitIndex = candidate;
  onCommitAdvanced(state, context);
}

/** Everything that follows a higher commitIndex, on any server. */
export function onCommitAdvanced(state: RaftServerState, context: Context): void {
  applyCommitted(state, context);
  if (state.role === 'leader') {
    confirmReads(state, context);
    onConfigurationCommitted(state, context);
  }
  maybeCompact(state, context);
}

/** How many members (the leader counting itself) satisfy `acknowledged`. */
export function countAcknowledged(state: RaftServerState, self: string, acknowledged: (progress: Progress) => boolean): number {
  let count = 0;
  for (const member of state.members) {
    if (member === self) count++;
    else {
      const progress = state.progress[member];
      if (progress !== undefined && acknowledged(progress)) count++;
    }
  }
  return count;
}
