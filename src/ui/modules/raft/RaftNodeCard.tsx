/**
 * The Raft node card on the topology canvas, in the spirit of RaftScope: the term and
 * election-timer badge, the role, who voted (candidates) or who is caught up (leaders), the
 * log tail with committed and uncommitted entries, and the commit index. Compact enough
 * for fifteen servers on the canvas. Clients get a smaller card: the operation in progress,
 * the leader they believe in and how many operations completed.
 */
import type { NodeCardProps } from '../registry';
import { sameData } from '../../store/sameData';
import { LogTail } from './LogTail';
import { PeerDots, candidateDots, leaderDots } from './PeerDots';
import { displayRole, isRaftClientState, serverView, type RaftClientState, type ServerView } from './raftState';
import { TimerRing } from './TimerRing';
import type { NodeSnapshotView } from '../../../worker/api';

/**
 * Whether a Raft card draws the same from two snapshots of a node: everything it shows comes
 * from the status and the (persistent) state, except the election timer, which the ring
 * reads for itself (TimerRing).
 */
export function sameRaftCard(previous: NodeSnapshotView, next: NodeSnapshotView): boolean {
  return previous.id === next.id && previous.kind === next.kind && previous.status === next.status && sameData(previous.state, next.state) && sameData(previous.persistent, next.persistent);
}

export function RaftNodeCard({ node }: NodeCardProps) {
  if (node.kind === 'client') return <RaftClientCard node={node} />;
  const server = serverView(node);
  if (server === null) return <StatusLine node={node} role={null} />;
  return <RaftServerCard node={node} server={server} />;
}

function RaftServerCard({ node, server }: { node: NodeSnapshotView; server: ServerView }) {
  const role = displayRole(server);
  const live = server.live;
  const ring = live === null ? 'none' : role === 'leader' ? 'solid' : 'timer';
  return (
    <div className={`raft-card raft-card--${role}`} data-role={role} data-term={server.term}>
      <div className="raft-card__top">
        <TimerRing nodeId={node.id} term={server.term} ring={ring} />
        <div className="raft-card__who">
          <StatusLine node={node} role={role} />
          <Meta server={server} />
        </div>
      </div>
      <LogTail server={server} />
      {live !== null && (live.role === 'candidate' || live.role === 'precandidate') && (
        <PeerDots id={node.id} dots={candidateDots(node.id, live)} label={live.role === 'precandidate' ? 'pre-votes' : 'votes'} />
      )}
      {live !== null && live.role === 'leader' && <PeerDots id={node.id} dots={leaderDots(node.id, live, server.lastIndex)} label="replicas" />}
    </div>
  );
}

/** The second line of a server card: the commit index and whom the server follows, voted for or hands over to. */
function Meta({ server }: { server: ServerView }) {
  const live = server.live;
  if (live === null) {
    return <div className="raft-card__meta">{server.votedFor === null ? 'commit index lost' : <span title={`voted for ${server.votedFor} in term ${server.term}`}>voted {server.votedFor}</span>}</div>;
  }
  let relation: { text: string; title: string } | null = null;
  if (live.role === 'leader' && live.transferTarget !== null) relation = { text: `⇒${live.transferTarget}`, title: `handing leadership to ${live.transferTarget}` };
  else if (live.role === 'follower' && live.leaderHint !== null) relation = { text: `⇢${live.leaderHint}`, title: `follows ${live.leaderHint}` };
  else if (live.role === 'follower' && live.votedFor !== null) relation = { text: `✓${live.votedFor}`, title: `voted for ${live.votedFor} in term ${live.term}` };
  return (
    <div className="raft-card__meta">
      <span data-testid={`raft-commit-${server.id}`} title="commit index">
        commit {live.commitIndex}
      </span>
      {relation !== null && <span title={relation.title}>{relation.text}</span>}
    </div>
  );
}

/**
 * The id, the role badge and the node's status. The status element keeps the generic card's
 * test id; while the node is up it is only read out (the role says enough on screen).
 */
function StatusLine({ node, role }: { node: NodeSnapshotView; role: string | null }) {
  const showRole = role !== null && role !== 'crashed';
  return (
    <div className="raft-card__line">
      <span className="node-card__id">{node.id}</span>
      {showRole && (
        <span className={`raft-role raft-role--${role}`} data-testid={`raft-role-${node.id}`}>
          {role}
        </span>
      )}
      <span className={`status-badge status-badge--${node.status}${node.status === 'up' ? ' raft-visually-hidden' : ''}`} data-testid={`node-status-${node.id}`}>
        {node.status}
      </span>
    </div>
  );
}

function RaftClientCard({ node }: { node: NodeSnapshotView }) {
  const state = isRaftClientState(node.state) ? node.state : null;
  return (
    <div className="raft-card raft-card--client" data-testid={`raft-client-${node.id}`}>
      <StatusLine node={node} role={state === null ? null : 'client'} />
      {state === null ? (
        <div className="raft-card__meta">{node.status === 'crashed' ? 'crashed: operation lost' : ''}</div>
      ) : (
        <>
          <div className="raft-client__operation" data-testid={`raft-client-operation-${node.id}`}>
            {operationText(state)}
          </div>
          <div className="raft-card__meta">
            <span title="the leader this client believes in">⇢ {state.leaderHint ?? '?'}</span>
            <span data-testid={`raft-client-completed-${node.id}`} title="operations completed of those issued">
              ✓ {state.completed}/{state.issued}
            </span>
            {state.gaveUp > 0 && <span title="operations abandoned after too many attempts">✗ {state.gaveUp}</span>}
          </div>
        </>
      )}
    </div>
  );
}

export function operationText(state: RaftClientState): string {
  const operation = state.current;
  if (operation === null) return state.queued.length > 0 ? `${state.queued.length} queued` : 'idle';
  const operand = operation.f === 'get' ? '' : operation.f === 'cas' ? ` ${operation.expected ?? '∅'}→${operation.value ?? ''}` : ` ${operation.value ?? ''}`;
  const where = operation.awaitingReply ? ` → ${operation.target ?? '?'}` : ' (backing off)';
  const attempt = operation.attempts > 1 ? ` try ${operation.attempts}` : '';
  const queued = state.queued.length > 0 ? ` +${state.queued.length} queued` : '';
  return `${operation.f} ${operation.key}${operand}${where}${attempt}${queued}`;
}
