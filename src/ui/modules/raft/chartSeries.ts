/**
 * Raft's figures for the charts, read from one frame. Names are the charts' labels.
 */
import type { Frame } from '../../../worker/api';
import { currentLeader, isRaftClientState, serverViews } from './raftState';

export const RAFT_SERIES = {
  commitIndex: 'Commit index (highest)',
  leaderTerm: 'Leader term',
  completed: 'Client operations completed',
  abandoned: 'Client operations abandoned',
  uncommitted: 'Uncommitted entries on the leader',
  lagging: 'Servers behind the leader',
} as const;

export function raftChartSeries(frame: Frame): Record<string, number> {
  let commitIndex = 0;
  for (const server of serverViews(frame)) commitIndex = Math.max(commitIndex, server.live?.commitIndex ?? 0);
  let completed = 0;
  let abandoned = 0;
  for (const node of frame.nodes) {
    if (!isRaftClientState(node.state)) continue;
    completed += node.state.completed;
    abandoned += node.state.gaveUp;
  }
  const leader = currentLeader(frame);
  const leaderState = leader?.live ?? null;
  let lagging = 0;
  if (leader !== null && leaderState !== null) for (const progress of Object.values(leaderState.progress)) if (progress.matchIndex < leader.lastIndex) lagging++;
  return {
    [RAFT_SERIES.commitIndex]: commitIndex,
    [RAFT_SERIES.leaderTerm]: leader?.term ?? 0,
    [RAFT_SERIES.completed]: completed,
    [RAFT_SERIES.abandoned]: abandoned,
    [RAFT_SERIES.uncommitted]: leader === null || leaderState === null ? 0 : leader.lastIndex - leaderState.commitIndex,
    [RAFT_SERIES.lagging]: lagging,
  };
}
