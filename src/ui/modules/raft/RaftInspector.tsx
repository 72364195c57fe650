/**
 * The inspector's Raft detail for the selected node. A server: its persistent state (term,
 * vote, log), its volatile state (commit and applied indexes, the leader it follows, the
 * configuration), the leader's progress per follower (Figure 2: nextIndex and matchIndex)
 * and the client sessions used for exactly-once writes (dissertation §6.3), then the whole
 * log. A client: the operation in progress and its counters.
 */
import { useLayoutEffect, useRef } from 'react';
import type { NodeSnapshotView } from '../../../worker/api';
import { describeCommand } from './commandText';
import { isRaftClientState, serverView, type ServerView } from './raftState';
import { operationText } from './RaftNodeCard';
import { termStyle } from './termColor';

/** Rows of the full log drawn at once; beyond this the oldest are summarised. */
const LOG_ROW_LIMIT = 500;

export function RaftInspector({ node }: { node: NodeSnapshotView }) {
  if (node.kind === 'client') return <ClientDetail node={node} />;
  const server = serverView(node);
  if (server === null) return <p className="muted">No Raft state.</p>;
  return (
    <div className="raft-inspector" data-testid="raft-inspector">
      <ServerFacts server={server} />
      {server.live !== null && server.live.role === 'leader' && <ProgressTable server={server} />}
      {server.live !== null && <Sessions server={server} />}
      <FullLog server={server} />
    </div>
  );
}

function ServerFacts({ server }: { server: ServerView }) {
  const live = server.live;
  const facts: Array<[string, string]> = [
    ['role', live?.role ?? 'crashed (persistent state only)'],
    ['term', String(server.term)],
    ['voted for', server.votedFor ?? '—'],
    ['log', `${server.lastIndex} entries${server.snapshotIndex > 0 ? `, ${server.snapshotIndex} in the snapshot` : ''}`],
  ];
  if (live !== null) {
    facts.push(
      ['commit index', String(live.commitIndex)],
      ['last applied', String(live.lastApplied)],
      ['leader hint', live.leaderHint ?? '—'],
      ['members', live.members.join(', ')],
    );
    if (live.role === 'candidate' || live.role === 'precandidate') facts.push(['votes', `granted ${live.votesGranted.join(', ') || '—'}; refused ${live.votesRejected.join(', ') || '—'}`]);
    if (live.transferTarget !== null) facts.push(['transferring to', live.transferTarget]);
    if (live.pendingReads.length > 0) facts.push(['pending reads', String(live.pendingReads.length)]);
    if (live.truncatedEntries > 0) facts.push(['entries truncated', String(live.truncatedEntries)]);
  }
  return (
    <dl className="raft-facts" style={termStyle(server.term)}>
      {facts.map(([name, value]) => (
        <div key={name} className="raft-facts__row">
          <dt>{name}</dt>
          <dd data-testid={`raft-fact-${name.replace(/ /g, '-')}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ProgressTable({ server }: { server: ServerView }) {
  const progress = server.live?.progress ?? {};
  const peers = Object.keys(progress).sort((left, right) => left.localeCompare(right, 'en', { numeric: true }));
  return (
    <table className="raft-table" data-testid="raft-progress">
      <caption>Progress of each follower (leader's view)</caption>
      <thead>
        <tr>
          <th scope="col">peer</th>
          <th scope="col" title="nextIndex: the next entry the leader sends">next</th>
          <th scope="col" title="matchIndex: the highest entry known to be replicated">match</th>
          <th scope="col">state</th>
        </tr>
      </thead>
      <tbody>
        {peers.map((peer) => {
          const entry = progress[peer];
          if (entry === undefined) return null;
          const state = entry.snapshotInFlight ? 'snapshot' : entry.probing ? 'probe' : 'ok';
          const stateTitle = entry.snapshotInFlight ? 'an InstallSnapshot is on its way' : entry.probing ? 'probing: one batch at a time until the logs match' : 'replicating';
          return (
            <tr key={peer} className={entry.matchIndex >= (server.live?.commitIndex ?? 0) ? '' : 'raft-table__row--lagging'}>
              <th scope="row">{peer}</th>
              <td>{entry.nextIndex}</td>
              <td>{entry.matchIndex}</td>
              <td title={`${stateTitle}${entry.recentActive ? '' : '; not heard from since the last CheckQuorum round'}`}>
                {state}
                {entry.recentActive ? '' : ' · quiet'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Sessions({ server }: { server: ServerView }) {
  const sessions = Object.entries(server.live?.sessions ?? {});
  if (sessions.length === 0) return null;
  return (
    <table className="raft-table">
      <caption>Client sessions (latest applied)</caption>
      <thead>
        <tr>
          <th scope="col">client</th>
          <th scope="col">#</th>
          <th scope="col">result</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map(([client, session]) => (
          <tr key={client}>
            <th scope="row">{client}</th>
            <td>{session.sequence}</td>
            <td className="raft-table__value" title={`${session.outcome}: ${session.value ?? 'no value'}`}>
              {session.outcome} {session.value ?? '∅'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FullLog({ server }: { server: ServerView }) {
  const list = useRef<HTMLOListElement>(null);
  const followTail = useRef(true);
  useLayoutEffect(() => {
    const element = list.current;
    if (element !== null && followTail.current) element.scrollTop = element.scrollHeight;
  }, [server.lastIndex, server.id]);
  const onScroll = () => {
    const element = list.current;
    if (element !== null) followTail.current = element.scrollTop + element.clientHeight >= element.scrollHeight - 8;
  };
  const commitIndex = server.live?.commitIndex ?? null;
  const hidden = Math.max(0, server.log.length - LOG_ROW_LIMIT);
  const shown = server.log.slice(hidden);
  return (
    <div className="raft-full-log">
      <h3 className="raft-full-log__title">Log</h3>
      {server.snapshot !== null && (
        <p className="raft-full-log__snapshot">
          Snapshot through index {server.snapshot.lastIncludedIndex} (term {server.snapshot.lastIncludedTerm}), {Object.keys(server.snapshot.kv).length} keys
        </p>
      )}
      {hidden > 0 && <p className="muted">{hidden} older entries not shown.</p>}
      {shown.length === 0 ? (
        <p className="muted">Empty.</p>
      ) : (
        <ol className="raft-full-log__entries" data-testid="raft-full-log" ref={list} onScroll={onScroll} tabIndex={0} aria-label={`log of ${server.id}`}>
          {shown.map((entry) => {
            const state = commitIndex === null ? 'unknown' : entry.index <= commitIndex ? 'committed' : 'uncommitted';
            return (
              <li key={entry.index} className={`raft-full-log__entry raft-full-log__entry--${state}`} data-index={entry.index}>
                <span className="raft-full-log__index">{entry.index}</span>
                <span className={`raft-entry raft-entry--${state} raft-entry--inline`} style={termStyle(entry.term)}>
                  {entry.term}
                </span>
                <span className="raft-full-log__command">{describeCommand(entry.command)}</span>
                {state === 'uncommitted' && <span className="raft-full-log__flag">not committed</span>}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

function ClientDetail({ node }: { node: NodeSnapshotView }) {
  const state = isRaftClientState(node.state) ? node.state : null;
  if (state === null) return <p className="muted">{node.status === 'crashed' ? 'Crashed: the client keeps only its next sequence number.' : 'No client state.'}</p>;
  const facts: Array<[string, string]> = [
    ['operation', operationText(state)],
    ['leader hint', state.leaderHint ?? '—'],
    ['issued', String(state.issued)],
    ['completed', String(state.completed)],
    ['gave up', String(state.gaveUp)],
    ['next sequence', String(state.nextSequence)],
    ['queued', String(state.queued.length)],
  ];
  return (
    <dl className="raft-facts" data-testid="raft-inspector">
      {facts.map(([name, value]) => (
        <div key={name} className="raft-facts__row">
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
