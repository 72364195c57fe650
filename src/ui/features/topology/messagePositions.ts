/**
 * Where each message in flight is drawn at a frame's time (pure, flow coordinates).
 *
 * A travelling message sits at the fraction of its trip that has passed:
 *   (timeMs − sentAtMs) / (deliverAtMs − sentAtMs), clamped to [0, 1].
 * A message waiting on a held link has no delivery time; it parks at the sender's end of
 * its lane, queued in arrival order. With reduced motion, messages do not glide: each lane
 * shows its messages as evenly spaced static markers, in send order.
 */
import type { InFlightMessage } from '../../../worker/api';
import { laneBetween, parkedPoint, pointAlong, type Lane, type NodeRect } from './laneGeometry';

export interface MessageMark {
  id: number;
  x: number;
  y: number;
  type: string;
  held: boolean;
}

export function tripFraction(message: Pick<InFlightMessage, 'sentAtMs' | 'deliverAtMs'>, timeMs: number): number {
  if (message.deliverAtMs === null) return 0;
  const duration = message.deliverAtMs - message.sentAtMs;
  if (duration <= 0) return 1;
  return Math.min(1, Math.max(0, (timeMs - message.sentAtMs) / duration));
}

export function messageMarks(
  messages: readonly InFlightMessage[],
  timeMs: number,
  rects: ReadonlyMap<string, NodeRect>,
  reducedMotion: boolean,
): MessageMark[] {
  const lanes = new Map<string, Lane | null>();
  const laneOf = (from: string, to: string): Lane | null => {
    const key = `${from}>${to}`;
    if (!lanes.has(key)) {
      const source = rects.get(from);
      const target = rects.get(to);
      lanes.set(key, source === undefined || target === undefined ? null : laneBetween(source, target));
    }
    return lanes.get(key) ?? null;
  };
  const staticCounts = reducedMotion ? countTravelling(messages) : null;
  const ranks = new Map<string, number>();
  const marks: MessageMark[] = [];
  for (const message of messages) {
    const lane = laneOf(message.from, message.to);
    if (lane === null) continue;
    const rankKey = `${message.held ? 'held' : 'moving'}:${message.from}>${message.to}`;
    const rank = ranks.get(rankKey) ?? 0;
    ranks.set(rankKey, rank + 1);
    let point;
    if (message.held) point = parkedPoint(lane, rank);
    else if (staticCounts !== null) point = pointAlong(lane, (rank + 1) / ((staticCounts.get(`${message.from}>${message.to}`) ?? 1) + 1));
    else point = pointAlong(lane, tripFraction(message, timeMs));
    marks.push({ id: message.id, x: point.x, y: point.y, type: message.type, held: message.held });
  }
  return marks;
}

function countTravelling(messages: readonly InFlightMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of messages) {
    if (message.held) continue;
    const key = `${message.from}>${message.to}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
