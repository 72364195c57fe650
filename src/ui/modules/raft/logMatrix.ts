/**
 * The log matrix's model: every server's log aligned by index (rows = servers, columns =
 * indexes), pure and testable. Only a window of the most recent indexes gets columns (a long
 * run's log has thousands of entries); everything before the window is one summary cell per
 * row, and entries folded into a snapshot (paper §7) become one compacted block.
 *
 * The leader's view of each follower (Figure 2: nextIndex and matchIndex) is attached to the
 * follower's row as markers, so the gap between what the leader believes and what the
 * follower holds is visible.
 */
import type { Frame } from '../../../worker/api';
import { abbreviateCommand, describeEntry } from './commandText';
import { currentLeader, displayRole, entryAt, serverViews, type ServerView } from './raftState';

/** How many indexes get their own column. */
export const MATRIX_WINDOW = 40;

export type MatrixCell =
  | { kind: 'entry'; index: number; term: number; text: string; title: string; committed: boolean | null; marks: MatrixMark[] }
  | { kind: 'compacted'; from: number; to: number; term: number; title: string; marks: MatrixMark[] }
  | { kind: 'empty'; index: number; marks: MatrixMark[] };

/** 'commit': the row's commitIndex is here; 'match' / 'next': the leader's matchIndex / nextIndex for this follower. */
export type MatrixMark = 'commit' | 'match' | 'next';

export interface MatrixRow {
  id: string;
  role: ReturnType<typeof displayRole>;
  term: number;
  commitIndex: number | null;
  lastIndex: number;
  /** The leader's view of this follower, when there is a leader and this is one of its followers. */
  progress: { matchIndex: number; nextIndex: number } | null;
  /** Indexes before the window this row holds, and how they stand. */
  before: { count: number; compacted: boolean; committed: boolean | null; marks: MatrixMark[] } | null;
  cells: MatrixCell[];
  /** Changes whenever anything drawn in the row changes (rows re-render only then). */
  signature: string;
}

export interface LogMatrix {
  /** The first and last index with a column (firstIndex > lastIndex when no server has entries). */
  firstIndex: number;
  lastIndex: number;
  leaderId: string | null;
  rows: MatrixRow[];
}

export function logMatrix(frame: Frame, window: number = MATRIX_WINDOW): LogMatrix {
  const servers = serverViews(frame);
  const leader = currentLeader(frame);
  let lastIndex = 0;
  for (const server of servers) lastIndex = Math.max(lastIndex, server.lastIndex);
  // The leader's nextIndex may point one past the end: give it a column so the marker shows.
  if (leader?.live) for (const progress of Object.values(leader.live.progress)) lastIndex = Math.max(lastIndex, progress.nextIndex);
  const firstIndex = Math.max(1, lastIndex - window + 1);
  const rows = servers.map((server) => matrixRow(server, leader, firstIndex, lastIndex));
  return { firstIndex, lastIndex, leaderId: leader?.id ?? null, rows };
}

function matrixRow(server: ServerView, leader: ServerView | null, firstIndex: number, lastIndex: number): MatrixRow {
  const commitIndex = server.live?.commitIndex ?? null;
  const progressEntry = leader !== null && leader.id !== server.id ? leader.live?.progress[server.id] : undefined;
  const progress = progressEntry === undefined ? null : { matchIndex: progressEntry.matchIndex, nextIndex: progressEntry.nextIndex };
  const marksAt = (index: number): MatrixMark[] => {
    const marks: MatrixMark[] = [];
    if (commitIndex !== null && commitIndex > 0 && index === commitIndex) marks.push('commit');
    if (progress !== null && progress.matchIndex > 0 && index === progress.matchIndex) marks.push('match');
    if (progress !== null && index === progress.nextIndex) marks.push('next');
    return marks;
  };
  const cells = windowCells(server, firstIndex, lastIndex, commitIndex, marksAt);
  const before = beforeWindow(server, firstIndex, commitIndex, progress);
  const row: Omit<MatrixRow, 'signature'> = { id: server.id, role: displayRole(server), term: server.term, commitIndex, lastIndex: server.lastIndex, progress, before, cells };
  return { ...row, signature: rowSignature(row) };
}

function windowCells(server: ServerView, firstIndex: number, lastIndex: number, commitIndex: number | null, marksAt: (index: number) => MatrixMark[]): MatrixCell[] {
  const cells: MatrixCell[] = [];
  let index = firstIndex;
  if (server.snapshotIndex >= firstIndex) {
    // Entries folded into the snapshot are gone from the log: one block stands for them.
    const to = Math.min(server.snapshotIndex, lastIndex);
    const marks: MatrixMark[] = [];
    for (let inside = firstIndex; inside <= to; inside++) for (const mark of marksAt(inside)) if (!marks.includes(mark)) marks.push(mark);
    const term = server.snapshot?.lastIncludedTerm ?? 0;
    cells.push({ kind: 'compacted', from: firstIndex, to, term, title: `entries up to ${server.snapshotIndex} (term ${term}) are compacted into a snapshot`, marks });
    index = to + 1;
  }
  for (; index <= lastIndex; index++) {
    const entry = index <= server.lastIndex ? entryAt(server, index) : undefined;
    if (entry === undefined) {
      cells.push({ kind: 'empty', index, marks: marksAt(index) });
      continue;
    }
    const committed = commitIndex === null ? null : index <= commitIndex;
    cells.push({ kind: 'entry', index, term: entry.term, text: abbreviateCommand(entry.command), title: `${server.id} ${describeEntry(entry, committed)}`, committed, marks: marksAt(index) });
  }
  return cells;
}

function beforeWindow(server: ServerView, firstIndex: number, commitIndex: number | null, progress: MatrixRow['progress']): MatrixRow['before'] {
  const hidden = firstIndex - 1;
  if (hidden <= 0) return null;
  const count = Math.min(hidden, server.lastIndex);
  // A mark left of the window shows on the summary cell.
  const marks: MatrixMark[] = [];
  if (commitIndex !== null && commitIndex > 0 && commitIndex <= hidden) marks.push('commit');
  if (progress !== null && progress.matchIndex > 0 && progress.matchIndex <= hidden) marks.push('match');
  if (progress !== null && progress.nextIndex <= hidden) marks.push('next');
  return { count, compacted: server.snapshotIndex >= hidden, committed: commitIndex === null ? null : count <= commitIndex, marks };
}

function rowSignature(row: Omit<MatrixRow, 'signature'>): string {
  const cells = row.cells
    .map((cell) => (cell.kind === 'entry' ? `${cell.index}:${cell.term}:${cell.text}:${cell.committed}` : cell.kind === 'compacted' ? `s${cell.from}-${cell.to}:${cell.term}` : `e${cell.index}`) + cell.marks.join(''))
    .join('|');
  const before = row.before === null ? '' : `${row.before.count}:${row.before.compacted}:${row.before.committed}:${row.before.marks.join('')}`;
  const progress = row.progress === null ? '' : `${row.progress.matchIndex}/${row.progress.nextIndex}`;
  return `${row.id}:${row.role}:${row.term}:${row.commitIndex}:${row.lastIndex}:${progress}:${before}:${cells}`;
}
