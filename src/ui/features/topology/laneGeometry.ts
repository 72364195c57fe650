/**
 * Geometry of links on the canvas, in flow coordinates. Each direction of a link is its own
 * lane, offset to the right of travel (like traffic), so a → b and b → a never overlap and
 * a message's lane says which way it goes. Lanes run from card border to card border, so
 * a message is visible for its whole trip and a held one can park just outside its sender.
 */

export interface NodeRect {
  /** Top-left corner and size, as React Flow measures the node. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Lane {
  start: Point;
  end: Point;
  /** Unit vector from start to end. */
  direction: Point;
  length: number;
}

/** Half the distance between the two lanes of a link. */
export const LANE_OFFSET = 5;
/** Gap between a card's border and where its lanes start. */
const BORDER_GAP = 6;

function centre(rect: NodeRect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** Distance from a rectangle's centre to its border along a unit vector. */
function borderDistance(rect: NodeRect, direction: Point): number {
  const horizontal = Math.abs(direction.x) < 1e-9 ? Infinity : rect.width / 2 / Math.abs(direction.x);
  const vertical = Math.abs(direction.y) < 1e-9 ? Infinity : rect.height / 2 / Math.abs(direction.y);
  return Math.min(horizontal, vertical);
}

/** The lane for messages from `from` to `to`; null when the nodes coincide. */
export function laneBetween(from: NodeRect, to: NodeRect): Lane | null {
  const a = centre(from);
  const b = centre(to);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const distance = Math.hypot(dx, dy);
  if (distance < 1e-6) return null;
  const direction = { x: dx / distance, y: dy / distance };
  // Right of travel with y pointing down.
  const normal = { x: -direction.y, y: direction.x };
  const startAt = borderDistance(from, direction) + BORDER_GAP;
  const endAt = Math.max(startAt, distance - borderDistance(to, direction) - BORDER_GAP);
  const offset = (point: Point, along: number): Point => ({
    x: point.x + direction.x * along + normal.x * LANE_OFFSET,
    y: point.y + direction.y * along + normal.y * LANE_OFFSET,
  });
  return { start: offset(a, startAt), end: offset(a, endAt), direction, length: endAt - startAt };
}

export function pointAlong(lane: Lane, fraction: number): Point {
  const clamped = Math.min(1, Math.max(0, fraction));
  return { x: lane.start.x + (lane.end.x - lane.start.x) * clamped, y: lane.start.y + (lane.end.y - lane.start.y) * clamped };
}

/** Where the `rank`-th message waiting on a held lane parks: a queue growing from the sender. */
export function parkedPoint(lane: Lane, rank: number): Point {
  const spacing = 11;
  const along = Math.min(lane.length, 6 + rank * spacing);
  return { x: lane.start.x + lane.direction.x * along, y: lane.start.y + lane.direction.y * along };
}

export function lanePath(lane: Lane): string {
  return `M ${lane.start.x.toFixed(1)} ${lane.start.y.toFixed(1)} L ${lane.end.x.toFixed(1)} ${lane.end.y.toFixed(1)}`;
}
