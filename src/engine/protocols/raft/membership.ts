/**
 * Single-server membership change (dissertation §4.1–§4.2). A configuration is an ordinary log
 * entry holding the complete member list; every server uses the latest configuration in its
 * log, committed or not, and falls back to an earlier one if that entry is truncated away.
 * The leader allows one change at a time, and only after it has committed an entry in its own
 * term (the fix to the single-server algorithm Ongaro published in 2015).
 */
import type { NodeContext } from '../../protocol';
import { lastIndex, newEntry, snapshotIndex } from './log';
import { newProgress, becomeFollower } from './roles';
import { broadcastAppend, sendAppend } from './replication';
import { advanceCommitIndex } from './quorum';
import { raftSettings } from './settings';
import type { Entry, RaftMessage, RaftServerState } from './types';

type Context = NodeContext<RaftMessage>;

/** The configuration in force at `index`: the latest config entry at or before it, else the snapshot's, else the initial one. */
export function membersAt(state: RaftServerState, index: number, context: Context): string[] {
  const base = snapshotIndex(state);
  for (let position = Math.min(index, lastIndex(state)) - base - 1; position >= 0; position--) {
    const command = (state.log[position] as Entry).command;
    if (command.type === 'config') return command.members;
  }
  return state.snapshot !== null ? state.snapshot.members : raftSettings(context.config).initialMembers;
}

/** Recomputes `members` from the log; a leader also adds and drops follower progress to match. */
export function refreshMembers(state: RaftServerState, context: Context): void {
  const base = snapshotIndex(state);
  let members: string[] | null = null;
  let configIndex = 0;
  for (let position = state.log.length - 1; position >= 0 && members === null; position--) {
    const entry = state.log[position] as Entry;
    if (entry.command.type === 'config') {
      members = entry.command.members;
      configIndex = entry.index;
    }
  }
  if (members === null) {
    members = state.snapshot !== null ? state.snapshot.members : raftSettings(context.config).initialMembers;
    configIndex = state.snapshot !== null ? base : 0;
  }
  state.members = members;
  state.configIndex = configIndex;
  if (state.role !== 'leader') return;
  for (const member of members) {
    if (member !== context.nodeId && state.progress[member] === undefined) state.progress[member] = newProgress(lastIndex(state) + 1);
  }
  // A removed server keeps receiving entries until its removal commits, so it learns of it and
  // stops campaigning instead of disrupting the cluster with ever higher terms (§4.2.3).
  if (configIndex <= state.commitIndex) dropRemovedFollowers(state);
}

function dropRemovedFollowers(state: RaftServerState): void {
  for (const peer in state.progress) if (!state.members.includes(peer)) delete state.progress[peer];
}

/**
 * Once the latest configuration commits, the leader stops replicating to servers it removed,
 * and a leader that removed itself steps down (dissertation §4.2.2).
 */
export function onConfigurationCommitted(state: RaftServerState, context: Context): void {
  if (state.commitIndex < state.configIndex) return;
  dropRemovedFollowers(state);
  if (state.members.includes(context.nodeId)) return;
  context.note(`removed from the configuration: stepping down`);
  becomeFollower(state, state.term, null, context);
}

/** The leader's add-server / remove-server. Returns why the change was refused, or null. */
export function proposeMembershipChange(state: RaftServerState, change: 'add' | 'remove', server: string, context: Context): string | null {
  if (state.role !== 'leader') return `${context.nodeId} is not the leader`;
  if (!context.serverIds.includes(server)) return `unknown server '${server}'`;
  if (state.configIndex > state.commitIndex) return 'a membership change is already in progress';
  if (state.commitIndex < state.termStartIndex) return 'the leader has not yet committed an entry in its term';
  const present = state.members.includes(server);
  if (change === 'add' && present) return `${server} is already a member`;
  if (change === 'remove' && !present) return `${server} is not a member`;
  if (change === 'remove' && state.members.length === 1) return 'cannot remove the last member';
  const members = change === 'add' ? [...state.members, server].sort(byServerNumber) : state.members.filter((member) => member !== server);
  state.log.push(newEntry(lastIndex(state) + 1, state.term, { type: 'config', members }));
  refreshMembers(state, context);
  context.note(`${change === 'add' ? 'adding' : 'removing'} ${server}: configuration ${members.join(',')}`);
  broadcastAppend(state, context, false);
  const added = state.progress[server];
  if (change === 'add' && added !== undefined) sendAppend(state, server, added, context);
  advanceCommitIndex(state, context);
  return null;
}

function byServerNumber(left: string, right: string): number {
  return Number(left.slice(1)) - Number(right.slice(1));
}
