/**
 * Draws a visible selection onto a 2D canvas. Canvas rather than SVG because a zoom frame
 * may redraw thousands of arrows: one path per colour is far cheaper than thousands of DOM
 * nodes. Returns hit indices so pointer handling finds exactly what was drawn.
 *
 * Colours come from CSS custom properties (timeline.css), resolved through a hidden probe
 * element because a canvas cannot read `var(...)`; the theme re-resolves them on change.
 */
import { messagePaletteSlot } from './messageColors';
import { cssColourResolver, messagePaletteColours } from './cssColours';
import { addHit, arrowSegment, createHitIndex, type ArrowGeometryContext, type HitIndex, type Segment } from './diagramGeometry';
import { crosses, type Rows } from './rowsOnScreen';
import { ALL_LANES, type DiagramArrow, type DiagramMark } from './traceToDiagram';
import type { AggregateCell, VisibleSelection } from './visibleWindow';

export interface DiagramTheme {
  messageColors: string[];
  fault: string;
  state: string;
  timer: string;
  client: string;
  lane: string;
  selection: string;
}

const THEME_VARIABLES = {
  fault: '--faultline-timeline-fault',
  state: '--faultline-timeline-state',
  timer: '--faultline-timeline-timer',
  client: '--faultline-timeline-client',
  lane: '--faultline-timeline-lane',
  selection: '--faultline-timeline-selection',
} as const;

export function resolveTheme(probe: HTMLElement): DiagramTheme {
  const resolve = cssColourResolver(probe);
  return {
    messageColors: messagePaletteColours(resolve),
    fault: resolve(THEME_VARIABLES.fault, '#dc2626'),
    state: resolve(THEME_VARIABLES.state, '#7c3aed'),
    timer: resolve(THEME_VARIABLES.timer, '#94a3b8'),
    client: resolve(THEME_VARIABLES.client, '#0f766e'),
    lane: resolve(THEME_VARIABLES.lane, '#cbd5e1'),
    selection: resolve(THEME_VARIABLES.selection, '#f59e0b'),
  };
}

export interface PaintRequest {
  selection: VisibleSelection;
  geometry: ArrowGeometryContext;
  theme: DiagramTheme;
  laneCount: number;
  plotLeft: number;
  plotRight: number;
  /** The rows to paint (those on screen, with a margin); lanes, arrows and marks outside them are skipped. */
  rows: Rows;
  selectedMessageId: number | null;
}

export interface PaintResult {
  arrowHits: HitIndex;
  markHits: HitIndex;
  cellHits: HitIndex;
}

export function paintDiagram(context: CanvasRenderingContext2D, request: PaintRequest): PaintResult {
  const { selection, geometry, theme } = request;
  context.save();
  context.beginPath();
  context.rect(request.plotLeft, request.rows.top, request.plotRight - request.plotLeft, request.rows.bottom - request.rows.top);
  context.clip();
  paintLanes(context, request);
  let arrowHits = createHitIndex(1024);
  let cellHits = createHitIndex(16);
  const messages = selection.messages;
  if (messages.mode === 'arrows') {
    arrowHits = paintArrows(context, messages.arrows, request, arrowHits);
  } else {
    cellHits = paintCells(context, messages.cells, request);
    arrowHits = paintArrows(context, messages.drops, request, arrowHits);
  }
  const markHits = paintMarks(context, selection.marks, geometry, theme, request.laneCount, request.rows);
  context.restore();
  return { arrowHits, markHits, cellHits };
}

function paintLanes(context: CanvasRenderingContext2D, request: PaintRequest): void {
  context.strokeStyle = request.theme.lane;
  context.lineWidth = 1;
  context.beginPath();
  for (let lane = 0; lane < request.laneCount; lane++) {
    const y = Math.round(request.geometry.laneY(lane)) + 0.5;
    if (!crosses(request.rows, y, y)) continue;
    context.moveTo(request.plotLeft, y);
    context.lineTo(request.plotRight, y);
  }
  context.stroke();
}

const ARROW_WIDTH_PX = 1;

/** Arrows batched by colour and style: one stroke call per batch, not per arrow. */
function paintArrows(context: CanvasRenderingContext2D, arrows: readonly DiagramArrow[], request: PaintRequest, hits: HitIndex): HitIndex {
  const { geometry, theme } = request;
  const batches = new Map<string, { segments: Segment[]; outcome: DiagramArrow['outcome']; color: string }>();
  let selected: Segment | null = null;
  for (const arrow of arrows) {
    const segment = arrowSegment(arrow, geometry);
    if (!crosses(request.rows, segment.y1, segment.y2)) continue;
    hits = addHit(hits, segment, arrow.messageId);
    if (arrow.messageId === request.selectedMessageId) selected = segment;
    const slot = messagePaletteSlot(arrow.messageType);
    const key = `${slot}:${arrow.outcome}`;
    let batch = batches.get(key);
    if (batch === undefined) {
      batch = { segments: [], outcome: arrow.outcome, color: theme.messageColors[slot] as string };
      batches.set(key, batch);
    }
    batch.segments.push(segment);
  }
  if (selected !== null) strokeSegments(context, [selected], theme.selection, 5, []);
  for (const batch of batches.values()) {
    // One pixel wide: the rasterizer draws such lines as hairlines. At 1.25 px, software
    // rendering (no GPU) took ~40 ms to draw the 9-node benchmark's arrows, every refresh.
    strokeSegments(context, batch.segments, batch.color, ARROW_WIDTH_PX, batch.outcome === 'inFlight' ? [4, 3] : []);
    if (batch.outcome === 'delivered') fillArrowHeads(context, batch.segments, batch.color);
    if (batch.outcome === 'dropped') strokeCrosses(context, batch.segments, theme.fault);
  }
  return hits;
}

function strokeSegments(context: CanvasRenderingContext2D, segments: readonly Segment[], color: string, width: number, dash: number[]): void {
  context.strokeStyle = color;
  context.lineWidth = width;
  context.setLineDash(dash);
  context.beginPath();
  for (const segment of segments) {
    context.moveTo(segment.x1, segment.y1);
    context.lineTo(segment.x2, segment.y2);
  }
  context.stroke();
  context.setLineDash([]);
}

/**
 * Each head is a triangle left open: fill() closes every subpath itself, and an explicit
 * closePath per head (like Math.hypot per head) was most of a refresh's painting time with
 * two thousand arrows.
 */
function fillArrowHeads(context: CanvasRenderingContext2D, segments: readonly Segment[], color: string): void {
  context.fillStyle = color;
  context.beginPath();
  for (const segment of segments) {
    const dx = segment.x2 - segment.x1;
    const dy = segment.y2 - segment.y1;
    const length = Math.sqrt(dx * dx + dy * dy);
    // Heads on arrows shorter than a head would hide the arrow itself.
    if (length < 8) continue;
    const ux = dx / length;
    const uy = dy / length;
    context.moveTo(segment.x2, segment.y2);
    context.lineTo(segment.x2 - ux * 6 - uy * 3, segment.y2 - uy * 6 + ux * 3);
    context.lineTo(segment.x2 - ux * 6 + uy * 3, segment.y2 - uy * 6 - ux * 3);
  }
  context.fill();
}

function strokeCrosses(context: CanvasRenderingContext2D, segments: readonly Segment[], color: string): void {
  const size = 4;
  context.strokeStyle = color;
  context.lineWidth = 2;
  context.beginPath();
  for (const segment of segments) {
    context.moveTo(segment.x2 - size, segment.y2 - size);
    context.lineTo(segment.x2 + size, segment.y2 + size);
    context.moveTo(segment.x2 + size, segment.y2 - size);
    context.lineTo(segment.x2 - size, segment.y2 + size);
  }
  context.stroke();
}

/**
 * Aggregated messages: one line per (bucket, lane pair), more opaque the more it stands for.
 * Opacity is quantized to a few levels so cells batch into one stroke per (colour, level).
 */
function paintCells(context: CanvasRenderingContext2D, cells: readonly AggregateCell[], request: PaintRequest): HitIndex {
  const { geometry, theme } = request;
  let hits = createHitIndex(Math.max(16, cells.length));
  let busiest = 1;
  for (const cell of cells) busiest = Math.max(busiest, cell.count);
  const batches = new Map<number, Segment[]>();
  cells.forEach((cell, position) => {
    const x1 = geometry.x(cell.bucketStartUs);
    const x2 = Math.max(x1 + 2, geometry.x(Math.min(cell.bucketEndUs, cell.bucketStartUs + geometry.typicalLatencyUs)));
    const segment = { x1, y1: geometry.laneY(cell.fromLane), x2, y2: geometry.laneY(cell.toLane) };
    if (!crosses(request.rows, segment.y1, segment.y2)) return;
    hits = addHit(hits, segment, position);
    const level = Math.min(OPACITY_LEVELS - 1, Math.floor(Math.sqrt(cell.count / busiest) * OPACITY_LEVELS));
    const key = messagePaletteSlot(cell.dominantType) * OPACITY_LEVELS + level;
    let batch = batches.get(key);
    if (batch === undefined) batches.set(key, (batch = []));
    batch.push(segment);
  });
  for (const [key, segments] of batches) {
    context.globalAlpha = 0.25 + (0.75 * ((key % OPACITY_LEVELS) + 1)) / OPACITY_LEVELS;
    strokeSegments(context, segments, theme.messageColors[Math.floor(key / OPACITY_LEVELS)] as string, 1.5, []);
  }
  context.globalAlpha = 1;
  return hits;
}

const OPACITY_LEVELS = 4;
const MARK_SPACING_PX = 4;

/** How far a mark's shape reaches above or below its lane's centre line (a fault's triangle). */
const MARK_REACH_PX = 12;

function paintMarks(context: CanvasRenderingContext2D, marks: readonly DiagramMark[], geometry: ArrowGeometryContext, theme: DiagramTheme, laneCount: number, rows: Rows): HitIndex {
  let hits = createHitIndex(Math.max(16, marks.length));
  // Level of detail for marks: of several marks of one kind on one lane within the same few
  // pixels, draw the first only (they would cover each other anyway).
  const lastDrawnX = new Map<number, number>();
  const points: Record<DiagramMark['kind'], [number, number][]> = { fault: [], state: [], timer: [], client: [] };
  const wholeCluster: number[] = [];
  const top = geometry.laneY(0) - 12;
  const bottom = geometry.laneY(Math.max(0, laneCount - 1)) + 12;
  marks.forEach((mark, position) => {
    const x = geometry.x(mark.timeUs);
    const key = (mark.lane + 1) * 4 + MARK_KINDS.indexOf(mark.kind);
    if (x - (lastDrawnX.get(key) ?? -Infinity) < MARK_SPACING_PX) return;
    lastDrawnX.set(key, x);
    if (mark.lane === ALL_LANES) {
      wholeCluster.push(x);
      hits = addHit(hits, { x1: x, y1: top, x2: x, y2: bottom }, position);
      return;
    }
    const y = geometry.laneY(mark.lane);
    if (!crosses(rows, y - MARK_REACH_PX, y + MARK_REACH_PX)) return;
    points[mark.kind].push([x, y]);
    hits = addHit(hits, { x1: x, y1: y, x2: x, y2: y }, position);
  });
  strokeSegments(context, wholeCluster.map((x) => ({ x1: x, y1: top, x2: x, y2: bottom })), theme.fault, 1.5, [3, 3]);
  for (const kind of MARK_KINDS) paintMarkShapes(context, kind, points[kind], theme);
  return hits;
}

const MARK_KINDS: readonly DiagramMark['kind'][] = ['timer', 'client', 'state', 'fault'];

/** One path per kind: a triangle above the lane for faults, a dot for state changes, a tick for timers, a square for client events. */
function paintMarkShapes(context: CanvasRenderingContext2D, kind: DiagramMark['kind'], points: readonly [number, number][], theme: DiagramTheme): void {
  if (points.length === 0) return;
  context.beginPath();
  for (const [x, y] of points) {
    if (kind === 'fault') {
      context.moveTo(x - 6, y - 11);
      context.lineTo(x + 6, y - 11);
      context.lineTo(x, y - 1);
      context.closePath();
    } else if (kind === 'state') {
      context.moveTo(x + 4, y);
      context.arc(x, y, 4, 0, Math.PI * 2);
    } else if (kind === 'timer') {
      context.moveTo(x + 0.5, y - 5);
      context.lineTo(x + 0.5, y + 5);
    } else {
      context.rect(x - 3.5, y - 3.5, 7, 7);
    }
  }
  if (kind === 'timer') {
    context.strokeStyle = theme.timer;
    context.lineWidth = 1;
    context.stroke();
    return;
  }
  context.fillStyle = kind === 'fault' ? theme.fault : kind === 'state' ? theme.state : theme.client;
  context.fill();
}
