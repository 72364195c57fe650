/**
 * The node snapshot a card on the canvas draws. A new snapshot that the card would draw the
 * same (ModuleView.sameCard) keeps the previous one, so the card does not re-render.
 *
 * While playing, a busy cluster changes every card on every frame (each log grows, commit
 * indexes move), and re-rendering nine cards sixty times a second cost more than anything
 * else the frame does in React. Nobody reads a log tail at that rate: while playing, a card
 * takes a new snapshot at most every PLAYING_CARD_INTERVAL_MS, except when the node's status
 * changes (a crash shows at once). Paused, and the moment playback pauses, it shows the
 * latest. The election-timer ring reads the clock for itself (TimerRing) and keeps moving.
 */
import { useRef } from 'react';
import type { NodeSnapshotView } from '../../../worker/api';
import { useLab } from '../../store/LabContext';

export const PLAYING_CARD_INTERVAL_MS = 100;

type SameCard = (previous: NodeSnapshotView, next: NodeSnapshotView) => boolean;

export interface Shown {
  node: NodeSnapshotView | undefined;
  atMs: number;
}

export function useCardSnapshot(nodeId: string, sameCard: SameCard | undefined): NodeSnapshotView | undefined {
  const shown = useRef<Shown | null>(null);
  return useLab((state) => {
    const next = state.frame?.nodes.find((node) => node.id === nodeId);
    const previous = shown.current;
    const nowMs = performance.now();
    if (previous !== null && keepsPrevious(previous, next, sameCard, state.playing, nowMs)) return previous.node;
    shown.current = { node: next, atMs: nowMs };
    return next;
  });
}

/** Whether the card keeps drawing `previous` rather than `next` (exported for tests). */
export function keepsPrevious(previous: Shown, next: NodeSnapshotView | undefined, sameCard: SameCard | undefined, playing: boolean, nowMs: number): boolean {
  if (previous.node === next) return true;
  if (previous.node === undefined || next === undefined || previous.node.id !== next.id) return false;
  // The cheap test first: while playing, most frames fall within the interval, and comparing
  // the snapshots (sameCard walks the card's data) for every card on every frame cost more.
  if (playing && previous.node.status === next.status && nowMs - previous.atMs < PLAYING_CARD_INTERVAL_MS) return true;
  return sameCard?.(previous.node, next) === true;
}
