/**
 * The badge at the top left of a server card: a disc in the term's colour with the term
 * number, wrapped in the election-timer ring (RaftScope's picture of a server). The ring
 * drains from the moment the timer was armed to the moment it fires, read at the frame's
 * virtual time; a leader has no election timer and gets a solid ring, a crashed server none.
 *
 * The ring reads the clock and the node's timer from the store itself, in steps
 * (electionTimer.ts ringShare), so a frame re-renders the ring when it moves by a step and
 * the rest of the card not at all. While playing, it reads them at most as often as the card
 * takes a snapshot (PLAYING_CARD_INTERVAL_MS): with heartbeats every 10 ms a follower's timer
 * is re-armed between almost every two frames, and the ring flickered by a step each time,
 * re-rendering and repainting some card on nearly every frame.
 */
import { useCallback } from 'react';
import { useLab } from '../../store/LabContext';
import type { LabState } from '../../store/labStore';
import { selectPlaying } from '../../store/selectors';
import { useLabThrottled } from '../../store/useLabThrottled';
import { PLAYING_CARD_INTERVAL_MS } from '../../features/topology/cardSnapshot';
import { ringShare } from './electionTimer';
import { termStyle } from './termColor';
import { useReducedMotion } from './useReducedMotion';

const SIZE = 40;
const STROKE = 3.5;
const RADIUS = (SIZE - STROKE) / 2;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

export interface TimerRingProps {
  nodeId: string;
  term: number;
  /** 'timer': draw the election timer; 'solid': a full ring (leaders); 'none': no ring (crashed). */
  ring: 'timer' | 'solid' | 'none';
}

export function TimerRing({ nodeId, term, ring }: TimerRingProps) {
  const reducedMotion = useReducedMotion();
  const playing = useLab(selectPlaying);
  // The share in steps, or -1 without a timer: a number, so the ring re-renders only on a step.
  const selectReading = useCallback(
    (state: LabState): number => {
      if (ring !== 'timer' || state.frame === null) return -1;
      const node = state.frame.nodes.find((candidate) => candidate.id === nodeId);
      return node === undefined ? -1 : (ringShare(node.timers, state.frame.timeMs, reducedMotion) ?? -1);
    },
    [nodeId, ring, reducedMotion],
  );
  const reading = useLabThrottled(selectReading, Object.is, playing ? PLAYING_CARD_INTERVAL_MS : 0);
  const share = ring === 'solid' ? 1 : Math.max(0, reading);
  // In steps like the ring, not in milliseconds: those would change the title on every frame.
  const timerText = reading < 0 ? null : `election timer ${Math.round(reading * 100)}% left`;
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
