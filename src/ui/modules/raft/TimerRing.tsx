/**
 * The badge at the top left of a server card: a disc in the term's colour with the term
 * number, wrapped in the election-timer ring (RaftScope's picture of a server). The ring
 * drains from the moment the timer was armed to the moment it fires, read at the frame's
 * virtual time; a leader has no election timer and gets a solid ring, a crashed server none.
 */
import { REDUCED_MOTION_STEPS, steppedShare, type TimerReading } from './electionTimer';
import { termStyle } from './termColor';
import { useReducedMotion } from './useReducedMotion';

const SIZE = 40;
const STROKE = 3.5;
const RADIUS = (SIZE - STROKE) / 2;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

export interface TimerRingProps {
  nodeId: string;
  term: number;
  /** 'timer': draw the reading; 'solid': a full ring (leaders); 'none': no ring (crashed). */
  ring: 'timer' | 'solid' | 'none';
  timer: TimerReading | null;
}

export function TimerRing({ nodeId, term, ring, timer }: TimerRingProps) {
  const reducedMotion = useReducedMotion();
  const share = ring === 'solid' ? 1 : ring === 'timer' && timer !== null ? (reducedMotion ? steppedShare(timer.remaining, REDUCED_MOTION_STEPS) : timer.remaining) : 0;
  const timerText = ring === 'timer' && timer !== null ? `election timeout in ${Math.round(timer.remainingMs)} ms` : null;
  return (
    <div
      className={`raft-ring raft-ring--${ring}`}
      style={termStyle(term)}
      data-testid={`raft-ring-${nodeId}`}
      data-remaining={share.toFixed(3)}
      title={timerText === null ? `term ${term}` : `term ${term}, ${timerText}`}
    >
      <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} aria-hidden="true">
        <circle className="raft-ring__disc" cx={SIZE / 2} cy={SIZE / 2} r={RADIUS - STROKE / 2} />
        <circle className="raft-ring__track" cx={SIZE / 2} cy={SIZE / 2} r={RADIUS} strokeWidth={STROKE} fill="none" />
        {share > 0 && (
          <circle
            className="raft-ring__timer"
            cx={SIZE / 2}
            cy={SIZE / 2}
            r={RADIUS}
            strokeWidth={STROKE}
            fill="none"
            strokeDasharray={`${CIRCUMFERENCE * share} ${CIRCUMFERENCE}`}
            transform={`rotate(-90 ${SIZE / 2} ${SIZE / 2})`}
          />
        )}
      </svg>
      <span className="raft-ring__term" data-testid={`raft-term-${nodeId}`} aria-label={`term ${term}`}>
        {term}
      </span>
    </div>
  );
}
