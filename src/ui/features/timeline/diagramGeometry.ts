/**
 * Where things go on screen: lane positions, the segment an arrow is drawn as, and which
 * drawn segment a pointer is on. Pure (numbers in, numbers out) so it is unit-tested without
 * a DOM; the painter and the pointer handling both use it, so what is hit is what is drawn.
 *
 * Time runs left to right; each node is a horizontal lane.
 */
import type { DiagramArrow } from './traceToDiagram';

export interface DiagramMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const DIAGRAM_MARGINS: DiagramMargins = { top: 10, right: 16, bottom: 26, left: 72 };
export const LANE_HEIGHT_PX = 34;

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ArrowGeometryContext {
  x: (timeUs: number) => number;
  laneY: (lane: number) => number;
  /** The latest time the trace knows: where in-flight arrows stop. */
  nowUs: number;
  typicalLatencyUs: number;
}

/** A message lost at its send still gets a short visible stub, this long in pixels. */
export const DROP_STUB_PX = 14;

export function laneCenterY(lane: number, margins: DiagramMargins = DIAGRAM_MARGINS, laneHeight = LANE_HEIGHT_PX): number {
  return margins.top + laneHeight * (lane + 0.5);
}

export function diagramHeight(laneCount: number, margins: DiagramMargins = DIAGRAM_MARGINS, laneHeight = LANE_HEIGHT_PX): number {
  return margins.top + margins.bottom + laneHeight * Math.max(1, laneCount);
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/**
 * The segment for one arrow. A delivered message goes from sender lane at send time to
 * receiver lane at delivery time. A dropped or in-flight one has no arrival, so it goes part
 * of the way towards the receiver, in proportion to how long it travelled compared with a
 * typical delivery (a loss at send time is a short stub; a drop at a crashed receiver
 * reaches its lane).
 */
export function arrowSegment(arrow: DiagramArrow, context: ArrowGeometryContext): Segment {
  const x1 = context.x(arrow.startTimeUs);
  const y1 = context.laneY(arrow.fromLane);
  const y2Full = context.laneY(arrow.toLane);
  if (arrow.outcome === 'delivered' && arrow.endTimeUs !== null) {
    return { x1, y1, x2: context.x(arrow.endTimeUs), y2: y2Full };
  }
  const endUs = arrow.endTimeUs ?? Math.max(arrow.startTimeUs, context.nowUs);
  const travelled = (endUs - arrow.startTimeUs) / Math.max(1, context.typicalLatencyUs);
  const fraction = arrow.outcome === 'dropped' ? clamp(travelled, 0.35, 1) : clamp(travelled, 0.1, 0.9);
  const x2 = arrow.outcome === 'dropped' ? Math.max(context.x(endUs), x1 + DROP_STUB_PX) : context.x(endUs);
  return { x1, y1, x2, y2: y1 + (y2Full - y1) * fraction };
}

/** Squared distance from a point to a segment. */
export function distanceToSegmentSquared(px: number, py: number, segment: Segment): number {
  const dx = segment.x2 - segment.x1;
  const dy = segment.y2 - segment.y1;
  const lengthSquared = dx * dx + dy * dy;
  const along = lengthSquared === 0 ? 0 : clamp(((px - segment.x1) * dx + (py - segment.y1) * dy) / lengthSquared, 0, 1);
  const cx = segment.x1 + along * dx - px;
  const cy = segment.y1 + along * dy - py;
  return cx * cx + cy * cy;
}

/**
 * Drawn segments packed as [x1, y1, x2, y2] per entry, with the id each one stands for.
 * Rebuilt on each draw, read on each pointer move.
 */
export interface HitIndex {
  coordinates: Float32Array;
  ids: Float64Array;
  count: number;
}

export function createHitIndex(capacity: number): HitIndex {
  return { coordinates: new Float32Array(capacity * 4), ids: new Float64Array(capacity), count: 0 };
}

export function addHit(index: HitIndex, segment: Segment, id: number): HitIndex {
  let target = index;
  if (index.count >= index.ids.length) {
    target = createHitIndex(Math.max(16, index.ids.length * 2));
    target.coordinates.set(index.coordinates);
    target.ids.set(index.ids);
    target.count = index.count;
  }
  const base = target.count * 4;
  target.coordinates[base] = segment.x1;
  target.coordinates[base + 1] = segment.y1;
  target.coordinates[base + 2] = segment.x2;
  target.coordinates[base + 3] = segment.y2;
  target.ids[target.count] = id;
  target.count++;
  return target;
}

/** The id of the segment nearest the point within `radius` pixels, or null. Later ones win ties (drawn on top). */
export function nearestHit(index: HitIndex, px: number, py: number, radius: number): number | null {
  let best: number | null = null;
  let bestDistance = radius * radius;
  const segment: Segment = { x1: 0, y1: 0, x2: 0, y2: 0 };
  for (let entry = 0; entry < index.count; entry++) {
    const base = entry * 4;
    segment.x1 = index.coordinates[base] as number;
    segment.y1 = index.coordinates[base + 1] as number;
    segment.x2 = index.coordinates[base + 2] as number;
    segment.y2 = index.coordinates[base + 3] as number;
    // Cheap reject by bounding box before the exact distance.
    if (px < Math.min(segment.x1, segment.x2) - radius || px > Math.max(segment.x1, segment.x2) + radius) continue;
    const distance = distanceToSegmentSquared(px, py, segment);
    if (distance <= bestDistance) {
      bestDistance = distance;
      best = index.ids[entry] as number;
    }
  }
  return best;
}
