import { describe, expect, it } from 'vitest';
import type { InFlightMessage } from '../../../worker/api';
import { LANE_OFFSET, laneBetween, type NodeRect } from './laneGeometry';
import { messageMarks, tripFraction } from './messagePositions';

const rects = new Map<string, NodeRect>([
  ['n1', { x: 0, y: 0, width: 100, height: 60 }],
  ['n2', { x: 400, y: 0, width: 100, height: 60 }],
]);

function message(id: number, sentAtMs: number, deliverAtMs: number | null, from = 'n1', to = 'n2'): InFlightMessage {
  return { id, from, to, type: 'Ping', label: null, sentAtMs, deliverAtMs, held: deliverAtMs === null, message: null };
}

describe('lane geometry', () => {
  it('runs each direction border to border on its own side of the centre line', () => {
    const forward = laneBetween(rects.get('n1') as NodeRect, rects.get('n2') as NodeRect);
    const backward = laneBetween(rects.get('n2') as NodeRect, rects.get('n1') as NodeRect);
    expect(forward?.start.x).toBeGreaterThan(100);
    expect(forward?.end.x).toBeLessThan(400);
    // Travelling right, the lane sits below the centre line (y = 30); travelling left, above.
    expect(forward?.start.y).toBeCloseTo(30 + LANE_OFFSET);
    expect(backward?.start.y).toBeCloseTo(30 - LANE_OFFSET);
    expect(laneBetween(rects.get('n1') as NodeRect, rects.get('n1') as NodeRect)).toBeNull();
  });
});

describe('messageMarks', () => {
  it('interpolates between sending and delivery at the frame time, clamped to the trip', () => {
    expect(tripFraction(message(1, 100, 200), 150)).toBe(0.5);
    expect(tripFraction(message(1, 100, 200), 50)).toBe(0);
    expect(tripFraction(message(1, 100, 200), 250)).toBe(1);
    const [early] = messageMarks([message(1, 100, 200)], 110, rects, false);
    const [late] = messageMarks([message(1, 100, 200)], 190, rects, false);
    expect(late!.x).toBeGreaterThan(early!.x);
  });

  it('parks held messages in a queue at the sender end, in arrival order', () => {
    const marks = messageMarks([message(1, 0, null), message(2, 5, null), message(3, 0, 100)], 50, rects, false);
    const [first, second, travelling] = marks;
    expect(first!.held).toBe(true);
    expect(first!.x).toBeLessThan(second!.x);
    expect(second!.x).toBeLessThan(travelling!.x);
    expect(first!.x).toBeLessThan(130);
  });

  it('with reduced motion draws the same markers wherever the clock stands', () => {
    const messages = [message(1, 0, 100), message(2, 10, 100)];
    const at = (time: number) => messageMarks(messages, time, rects, true).map((mark) => [mark.x, mark.y]);
    expect(at(20)).toEqual(at(90));
    expect(at(20)[0]).not.toEqual(at(20)[1]);
  });

  it('skips messages whose nodes are not on the canvas', () => {
    expect(messageMarks([message(1, 0, 10, 'n1', 'x9')], 5, rects, false)).toEqual([]);
  });
});
