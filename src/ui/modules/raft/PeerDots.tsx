/**
 * A row of small dots, one per other member, under a server card:
 *  - for a (pre)candidate: who granted its vote (filled), who refused (crossed), who has not
 *    answered (hollow) — a majority of filled dots wins the election (paper §5.2);
 *  - for a leader: from its matchIndex per follower (Figure 2, "Volatile state on leaders"),
 *    who holds its whole log (filled), who holds everything committed and is receiving the
 *    rest (half filled: the normal pipeline), and who lags behind the commit index (hollow).
 */
import type { RaftServerState } from './raftState';

type DotState = 'granted' | 'rejected' | 'waiting' | 'matched' | 'replicating' | 'lagging' | 'self';

interface Dot {
  peer: string;
  state: DotState;
  title: string;
}

export function candidateDots(id: string, state: RaftServerState): Dot[] {
  return state.members.map((peer) => {
    if (peer === id) return { peer, state: 'self', title: `${peer} (itself): votes for itself` };
    if (state.votesGranted.includes(peer)) return { peer, state: 'granted', title: `${peer} granted its vote` };
    if (state.votesRejected.includes(peer)) return { peer, state: 'rejected', title: `${peer} refused its vote` };
    return { peer, state: 'waiting', title: `${peer} has not answered` };
  });
}

export function leaderDots(id: string, state: RaftServerState, lastIndex: number): Dot[] {
  return state.members
    .filter((peer) => peer !== id)
    .map((peer) => {
      const progress = state.progress[peer];
      const matchIndex = progress?.matchIndex ?? 0;
      if (matchIndex >= lastIndex) return { peer, state: 'matched', title: `${peer} holds the whole log (match ${matchIndex})` };
      if (matchIndex >= state.commitIndex) return { peer, state: 'replicating', title: `${peer} holds ${matchIndex} of ${lastIndex}, everything committed` };
      return { peer, state: 'lagging', title: `${peer} holds ${matchIndex} of ${lastIndex}, behind the commit index ${state.commitIndex}` };
    });
}

export function PeerDots({ id, dots, label }: { id: string; dots: Dot[]; label: string }) {
  const description = `${label}: ${dots.map((dot) => dot.title).join('; ')}`;
  return (
    <div className="raft-dots" data-testid={`raft-dots-${id}`} role="img" aria-label={description} title={description}>
      <span className="raft-dots__label">{label}</span>
      <ul className="raft-dots__list" aria-hidden="true">
        {dots.map((dot) => (
          <li key={dot.peer} className={`raft-dot raft-dot--${dot.state}`} data-peer={dot.peer} data-state={dot.state} />
        ))}
      </ul>
    </div>
  );
}
