import { describe, expect, it } from 'vitest';
import { addHit, arrowSegment, createHitIndex, DROP_STUB_PX, nearestHit, type ArrowGeometryContext } from './diagramGeometry';
import type { DiagramArrow } from './traceToDiagram';

const context: ArrowGeometryContext = { x: (timeUs) => timeUs / 10, laneY: (lane) => lane * 100, nowUs: 5_000, typicalLatencyUs: 1_000 };
const arrow = (overrides: Partial<DiagramArrow>): DiagramArrow => ({
  messageId: 1,
  messageType: 'Ping',
  fromLane: 0,
  toLane: 2,
  startTimeUs: 1_000,
  endTimeUs: 2_000,
  outcome: 'delivered',
  dropReason: null,
  copyOf: null,
  traceIndex: 0,
  ...overrides,
});

describe('diagram geometry', () => {
  it('draws a delivered message from sender at send time to receiver at delivery time', () => {
    expect(arrowSegment(arrow({}), context)).toEqual({ x1: 100, y1: 0, x2: 200, y2: 200 });
  });

  it('draws a message lost at its send as a short stub part of the way to the receiver', () => {
    const segment = arrowSegment(arrow({ outcome: 'dropped', endTimeUs: 1_000, dropReason: 'lost' }), context);
    expect(segment.x2).toBe(100 + DROP_STUB_PX);
    expect(segment.y2).toBeCloseTo(70);
  });

  it('draws an in-flight message up to the trace end, never all the way to the receiver', () => {
    const segment = arrowSegment(arrow({ outcome: 'inFlight', endTimeUs: null }), context);
    expect(segment.x2).toBe(500);
    expect(segment.y2).toBeCloseTo(180);
  });

  it('finds the drawn segment nearest a point, within the radius only', () => {
    let hits = createHitIndex(1);
    hits = addHit(hits, { x1: 0, y1: 0, x2: 100, y2: 0 }, 7);
    hits = addHit(hits, { x1: 0, y1: 10, x2: 100, y2: 10 }, 8);
    expect(hits.count).toBe(2);
    expect(nearestHit(hits, 50, 2, 5)).toBe(7);
    expect(nearestHit(hits, 50, 8, 5)).toBe(8);
    expect(nearestHit(hits, 50, 40, 5)).toBeNull();
  });
});
