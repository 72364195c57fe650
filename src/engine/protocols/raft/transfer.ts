/**
 * Leadership transfer (dissertation §3.10): the leader stops taking new requests, brings the
 * target's log up to date, then sends TimeoutNow; the target starts an election at once, and
 * voters set aside their leader stickiness for it. If the transfer has not happened within an
 * election timeout, the leader gives up and resumes.
 */
import type { NodeContext } from '../../protocol';
import { lastIndex } from './log';
import { sendAppend } from './replication';
import { raftSettings } from './settings';
import type { Progress, RaftMessage, RaftServerState } from './types';

type Context = NodeContext<RaftMessage>;

/** Starts a transfer to `target`. Returns why it was refused, or null. */
export function startLeadershipTransfer(state: RaftServerState, target: string, context: Context): string | null {
  if (state.role !== 'leader') return `${context.nodeId} is not the leader`;
  if (target === context.nodeId) return `${target} is already the leader`;
  const progress = state.progress[target];
  if (progress === undefined) return `${target} is not a member`;
  state.transferTarget = target;
  context.setTimer('transfer', raftSettings(context.config).electionTimeoutMaximumUs);
  context.note(`transferring leadership to ${target}`);
  if (!sendTimeoutNowIfCaughtUp(state, target, progress, context)) sendAppend(state, target, progress, context);
  return null;
}

/** Sends TimeoutNow once the transfer target's log matches ours. Returns whether it did. */
export function sendTimeoutNowIfCaughtUp(state: RaftServerState, peer: string, progress: Progress, context: Context): boolean {
  if (state.transferTarget !== peer || progress.matchIndex < lastIndex(state)) return false;
  context.send(peer, { type: 'TimeoutNow', term: state.term });
  return true;
}

export function onTransferTimeout(state: RaftServerState, context: Context): void {
  if (state.transferTarget === null) return;
  context.note(`leadership transfer to ${state.transferTarget} timed out`);
  state.transferTarget = null;
}
