/**
 * Reading Raft state out of the lab's frame. The frame carries each node's state as
 * `unknown` (the shell is generic); these accessors narrow it to the Raft engine's types
 * and give every view the same answer to "what does this server hold right now": a live
 * server shows its state, a crashed one only what survives the crash (Figure 2's
 * persistent state: currentTerm, votedFor, log[], plus the snapshot, paper §7).
 */
import type { Frame, NodeSnapshotView } from '../../../worker/api';
import type { Entry, RaftClientState, RaftServerState, Role, Snapshot } from '../../../engine/protocols/raft/types';

export type { Entry, RaftClientState, RaftServerState, Role, Snapshot };

/** What the persistent state of a crashed server looks like (module.ts persistentState). */
interface PersistentServer {
  currentTerm: number;
  votedFor: string | null;
  log: Entry[];
  snapshot: Snapshot | null;
}

/** Set by the engine module's frameState when a frame carries only the log's tail. */
interface LogTailFields {
  logOffset?: number;
}

/**
 * One server as the views draw it. `live` is null while the server is crashed: then only
 * the persistent fields are known, and commitIndex is unknown (it is volatile).
 */
export interface ServerView {
  id: string;
  status: NodeSnapshotView['status'];
  term: number;
  votedFor: string | null;
  log: readonly Entry[];
  snapshot: Snapshot | null;
  /** The snapshot's last included index, or 0: entries up to it are compacted (paper §7). */
  snapshotIndex: number;
  /**
   * The index just before log[0]. Frames carry only the log's tail (the engine module's
   * frameState), so this is at least snapshotIndex and may be more; entries between the two
   * exist on the server but are not in this frame.
   */
  logOffset: number;
  lastIndex: number;
  live: RaftServerState | null;
}

export function isRaftServerState(value: unknown): value is RaftServerState {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'server' && Array.isArray((value as { log?: unknown }).log);
}

export function isRaftClientState(value: unknown): value is RaftClientState {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'client' && 'completed' in value;
}

function isPersistentServer(value: unknown): value is PersistentServer {
  return typeof value === 'object' && value !== null && typeof (value as { currentTerm?: unknown }).currentTerm === 'number' && Array.isArray((value as { log?: unknown }).log);
}

/** The server's view, or null for a client (or a node whose state is not Raft's). */
export function serverView(node: NodeSnapshotView): ServerView | null {
  if (node.kind !== 'server') return null;
  if (isRaftServerState(node.state)) {
    const state = node.state;
    return withIndexes({ id: node.id, status: node.status, term: state.term, votedFor: state.votedFor, log: state.log, snapshot: state.snapshot, live: state }, (state as LogTailFields).logOffset);
  }
  if (isPersistentServer(node.persistent)) {
    const persistent = node.persistent;
    return withIndexes({ id: node.id, status: node.status, term: persistent.currentTerm, votedFor: persistent.votedFor, log: persistent.log, snapshot: persistent.snapshot, live: null }, (persistent as LogTailFields).logOffset);
  }
  return null;
}

function withIndexes(view: Omit<ServerView, 'snapshotIndex' | 'logOffset' | 'lastIndex'>, tailOffset: number | undefined): ServerView {
  const snapshotIndex = view.snapshot?.lastIncludedIndex ?? 0;
  const logOffset = Math.max(snapshotIndex, tailOffset ?? 0);
  return { ...view, snapshotIndex, logOffset, lastIndex: logOffset + view.log.length };
}

export function serverViews(frame: Frame): ServerView[] {
  const servers: ServerView[] = [];
  for (const node of frame.nodes) {
    const view = serverView(node);
    if (view !== null) servers.push(view);
  }
  return servers;
}

/** The entry at `index`, if this frame holds it (compacted entries and those before the frame's tail are not). */
export function entryAt(server: Pick<ServerView, 'log' | 'logOffset'>, index: number): Entry | undefined {
  // Invariant (types.ts): log[k].index === logOffset + 1 + k.
  if (index <= server.logOffset) return undefined;
  return server.log[index - server.logOffset - 1];
}

/**
 * The leader the lab points at: the up server leading the highest term (the same rule as
 * the engine's `@leader` selector and the run summary), or null when there is none.
 */
export function currentLeader(frame: Frame): ServerView | null {
  let best: ServerView | null = null;
  for (const server of serverViews(frame)) {
    if (server.status !== 'up' || server.live?.role !== 'leader') continue;
    if (best === null || server.term > best.term) best = server;
  }
  return best;
}

/** The role shown for a server: its Raft role while it runs, 'crashed' while it does not. */
export function displayRole(server: ServerView): Role | 'crashed' {
  return server.live === null ? 'crashed' : server.live.role;
}
