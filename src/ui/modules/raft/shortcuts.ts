/**
 * Keyboard shortcuts in the spirit of RaftScope's: each becomes ordinary engine actions
 * through the same apply a click would use, so it lands in the schedule and in shared URLs.
 *   c  a client put to a random key, through the first client (or proposed at the leader)
 *   r  restart the leader (crash and recover from its persistent state)
 *   t  time out the selected server; with none selected, two followers at once (a split vote)
 *   l  isolate the leader from everyone
 */
import type { ModuleShortcut, ModuleShortcutContext } from '../registry';
import { currentLeader, serverViews } from './raftState';

/** Keys the 'c' shortcut writes, like the default workload's (k1 … k3). */
const SHORTCUT_KEYS = 3;

export function randomPut(random: () => number = Math.random): { key: string; value: string } {
  const key = `k${1 + Math.floor(random() * SHORTCUT_KEYS)}`;
  const value = `v${Math.floor(random() * 1000)}`;
  return { key, value };
}

function clientRequest(context: ModuleShortcutContext): void {
  const client = context.frame.nodes.find((node) => node.kind === 'client' && node.status === 'up');
  const { key, value } = randomPut();
  context.apply({ type: 'client', node: client?.id ?? '@leader', request: { f: 'put', key, value }, at: 0 });
}

function restartLeader(context: ModuleShortcutContext): void {
  if (currentLeader(context.frame) !== null) context.apply({ type: 'restart', node: '@leader', at: 0 });
}

function isolateLeader(context: ModuleShortcutContext): void {
  if (currentLeader(context.frame) !== null) context.apply({ type: 'isolate', node: '@leader', at: 0 });
}

/** The servers 't' times out: the selected server, or the first two running followers (a split vote). */
export function timeoutTargets(context: Pick<ModuleShortcutContext, 'frame' | 'selectedNodeId'>): string[] {
  const servers = serverViews(context.frame);
  const selected = servers.find((server) => server.id === context.selectedNodeId && server.status === 'up');
  if (selected !== undefined) return [selected.id];
  return servers.filter((server) => server.status === 'up' && server.live?.role === 'follower').slice(0, 2).map((server) => server.id);
}

function forceTimeout(context: ModuleShortcutContext): void {
  for (const node of timeoutTargets(context)) context.apply({ type: 'timeout', node, at: 0 });
}

export const RAFT_SHORTCUTS: readonly ModuleShortcut[] = [
  { key: 'c', description: 'Client request: put a random key through the first client', run: clientRequest },
  { key: 'r', description: 'Restart the leader (crash, then recover from persistent state)', run: restartLeader },
  { key: 't', description: 'Time out the selected server, or two followers at once (split vote)', run: forceTimeout },
  { key: 'l', description: 'Isolate the leader', run: isolateLeader },
];
