/**
 * The last few log entries of a server as small boxes in their term's colour, with the term
 * number inside. Committed entries are solid; entries not yet committed are outlined with a
 * dashed border (they may still be overwritten, paper §5.3). For a crashed server the commit
 * index is unknown (it is volatile), so its entries are drawn muted.
 */
import { describeEntry } from './commandText';
import { entryAt, type ServerView } from './raftState';
import { termStyle } from './termColor';

export const LOG_TAIL_LENGTH = 6;

export function LogTail({ server }: { server: ServerView }) {
  const commitIndex = server.live?.commitIndex ?? null;
  const first = Math.max(server.snapshotIndex + 1, server.lastIndex - LOG_TAIL_LENGTH + 1);
  const hidden = first - 1;
  const boxes = [];
  for (let index = first; index <= server.lastIndex; index++) {
    const entry = entryAt(server, index);
    if (entry === undefined) continue;
    const committed = commitIndex === null ? null : index <= commitIndex;
    const state = committed === null ? 'unknown' : committed ? 'committed' : 'uncommitted';
    boxes.push(
      // Keyed by position in the tail, not by log index: as the log grows, each box keeps its
      // element and only its attributes change (usually not its term or size), instead of
      // one element removed and one inserted per new entry on every frame of a busy run.
      <li key={index - first} className={`raft-entry raft-entry--${state}`} style={termStyle(entry.term)} title={describeEntry(entry, committed)} data-index={index} data-term={entry.term} data-state={state}>
        {entry.term}
      </li>,
    );
  }
  const label = `log of ${server.id}: ${server.lastIndex} entries${commitIndex === null ? '' : `, ${commitIndex} committed`}`;
  return (
    <div className="raft-tail" data-testid={`raft-log-tail-${server.id}`} aria-label={label} role="group">
      {hidden > 0 && (
        <span className="raft-tail__hidden" title={server.snapshotIndex >= hidden ? `entries 1–${hidden} are in the snapshot` : `${hidden} earlier entries`}>
          {server.snapshotIndex >= hidden && server.snapshotIndex > 0 ? '▦' : '…'}
          {hidden}
        </span>
      )}
      {boxes.length === 0 && hidden === 0 ? <span className="raft-tail__empty">empty log</span> : <ol className="raft-tail__entries">{boxes}</ol>}
    </div>
  );
}
