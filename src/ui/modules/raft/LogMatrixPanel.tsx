/**
 * The log matrix panel: every server's log aligned by index, the cell colour the entry's
 * term and its text the command, solid when committed on that server and dashed when not.
 * A bar marks each server's commit index; on the leader's followers, "m" and "n" mark the
 * leader's matchIndex and nextIndex for them. The view follows the tail of the log unless
 * the user has scrolled back.
 */
import { memo, useLayoutEffect, useRef } from 'react';
import { useLab } from '../../store/LabContext';
import { logMatrix, type MatrixCell, type MatrixMark, type MatrixRow } from './logMatrix';
import { termStyle } from './termColor';

const ROLE_SHORT: Record<MatrixRow['role'], string> = { follower: 'fol', precandidate: 'pre', candidate: 'cand', leader: 'lead', crashed: 'down' };
const MARK_TEXT: Record<MatrixMark, string | null> = { commit: null, match: 'm', next: 'n' };
const MARK_TITLE: Record<MatrixMark, string> = { commit: 'commit index', match: "leader's matchIndex", next: "leader's nextIndex" };

export function LogMatrixPanel() {
  const frame = useLab((state) => state.frame);
  const scroller = useRef<HTMLDivElement>(null);
  const followTail = useRef(true);
  const matrix = frame === null ? null : logMatrix(frame);
  const lastIndex = matrix?.lastIndex ?? 0;
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element !== null && followTail.current) element.scrollLeft = element.scrollWidth;
  }, [lastIndex]);
  if (matrix === null) return <p className="muted">No run loaded.</p>;
  if (matrix.rows.length === 0) return <p className="muted">No servers.</p>;
  const columns: number[] = [];
  for (let index = matrix.firstIndex; index <= matrix.lastIndex; index++) columns.push(index);
  const hasBefore = matrix.firstIndex > 1;
  const onScroll = () => {
    const element = scroller.current;
    if (element !== null) followTail.current = element.scrollLeft + element.clientWidth >= element.scrollWidth - 8;
  };
  return (
    <div className="raft-matrix" data-testid="raft-log-matrix" data-first-index={matrix.firstIndex} data-last-index={matrix.lastIndex} data-leader={matrix.leaderId ?? ''}>
      <div className="raft-matrix__scroller" ref={scroller} onScroll={onScroll} tabIndex={0} role="region" aria-label="Logs of all servers by index">
        <table className="raft-matrix__table">
          <caption className="raft-visually-hidden">
            Log entries by server and index; {matrix.leaderId === null ? 'no leader' : `leader ${matrix.leaderId}`}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="raft-matrix__corner">
                server
              </th>
              {hasBefore && (
                <th scope="col" className="raft-matrix__index" title={`indexes 1–${matrix.firstIndex - 1}`}>
                  ≤{matrix.firstIndex - 1}
                </th>
              )}
              {columns.map((index) => (
                <th scope="col" key={index} className="raft-matrix__index">
                  {index}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <MatrixRowView key={row.id} row={row} hasBefore={hasBefore} leaderId={matrix.leaderId} />
            ))}
          </tbody>
        </table>
      </div>
      <MatrixLegend />
    </div>
  );
}

const MatrixRowView = memo(
  function MatrixRowView({ row, hasBefore, leaderId }: { row: MatrixRow; hasBefore: boolean; leaderId: string | null }) {
    return (
      <tr className={`raft-matrix__row raft-matrix__row--${row.role}`} data-testid={`raft-matrix-row-${row.id}`} data-commit-index={row.commitIndex ?? ''} data-last-index={row.lastIndex}>
        <th scope="row" className="raft-matrix__server">
          <span className="raft-matrix__server-id">{row.id}</span>
          <span className={`raft-role raft-role--${row.role} raft-role--small`}>{ROLE_SHORT[row.role]}</span>
          <span className="raft-matrix__server-detail" title={row.progress === null ? undefined : `${leaderId ?? 'the leader'}'s view: matchIndex ${row.progress.matchIndex}, nextIndex ${row.progress.nextIndex}`}>
            ci {row.commitIndex ?? '?'}
            {row.progress !== null && ` · m${row.progress.matchIndex} n${row.progress.nextIndex}`}
          </span>
        </th>
        {hasBefore && <BeforeCell row={row} />}
        {row.cells.map((cell) => (
          <CellView key={cell.kind === 'compacted' ? `s${cell.from}` : cell.index} cell={cell} />
        ))}
      </tr>
    );
  },
  (previous, next) => previous.row.signature === next.row.signature && previous.hasBefore === next.hasBefore && previous.leaderId === next.leaderId,
);

function BeforeCell({ row }: { row: MatrixRow }) {
  const before = row.before;
  if (before === null || before.count === 0) return <td className="raft-matrix__cell raft-matrix__cell--empty" />;
  const state = before.compacted ? 'compacted' : before.committed === null ? 'unknown' : before.committed ? 'committed' : 'uncommitted';
  return (
    <td className={`raft-matrix__cell raft-matrix__cell--before raft-matrix__cell--${state}${markClasses(before.marks)}`} title={`${before.count} earlier entries${before.compacted ? ', compacted into a snapshot' : ''}`}>
      <span className="raft-matrix__text">{before.compacted ? '▦' : '…'}</span>
      <Marks marks={before.marks} />
    </td>
  );
}

function CellView({ cell }: { cell: MatrixCell }) {
  if (cell.kind === 'empty') {
    return (
      <td className={`raft-matrix__cell raft-matrix__cell--empty${markClasses(cell.marks)}`} data-index={cell.index}>
        <Marks marks={cell.marks} />
      </td>
    );
  }
  if (cell.kind === 'compacted') {
    return (
      <td colSpan={cell.to - cell.from + 1} className={`raft-matrix__cell raft-matrix__cell--compacted${markClasses(cell.marks)}`} style={termStyle(cell.term)} title={cell.title} data-index={cell.from}>
        <span className="raft-matrix__text">snapshot ≤{cell.to}</span>
        <Marks marks={cell.marks} />
      </td>
    );
  }
  const state = cell.committed === null ? 'unknown' : cell.committed ? 'committed' : 'uncommitted';
  return (
    <td className={`raft-matrix__cell raft-matrix__cell--${state}${markClasses(cell.marks)}`} style={termStyle(cell.term)} title={cell.title} data-index={cell.index} data-term={cell.term} data-state={state}>
      <span className="raft-matrix__term">t{cell.term}</span>
      <span className="raft-matrix__text">{cell.text}</span>
      <Marks marks={cell.marks} />
    </td>
  );
}

function markClasses(marks: readonly MatrixMark[]): string {
  return marks.map((mark) => ` raft-matrix__cell--${mark}`).join('');
}

function Marks({ marks }: { marks: readonly MatrixMark[] }) {
  return (
    <>
      {marks.map((mark) =>
        MARK_TEXT[mark] === null ? null : (
          <span key={mark} className={`raft-matrix__mark raft-matrix__mark--${mark}`} title={MARK_TITLE[mark]}>
            {MARK_TEXT[mark]}
          </span>
        ),
      )}
    </>
  );
}

function MatrixLegend() {
  return (
    <ul className="raft-legend" aria-label="Legend">
      <li>
        <span className="raft-legend__swatch raft-matrix__cell--committed" style={termStyle(1)} /> committed
      </li>
      <li>
        <span className="raft-legend__swatch raft-matrix__cell--uncommitted" style={termStyle(1)} /> not committed
      </li>
      <li>
        <span className="raft-legend__swatch raft-legend__swatch--commit" /> commit index
      </li>
      <li>
        <span className="raft-matrix__mark raft-matrix__mark--match raft-legend__mark">m</span>
        <span className="raft-matrix__mark raft-matrix__mark--next raft-legend__mark">n</span> leader's matchIndex / nextIndex
      </li>
      <li>
        <span className="raft-legend__swatch raft-matrix__cell--compacted" /> snapshot
      </li>
    </ul>
  );
}
