/**
 * What to draw for a time window: the arrows and marks that touch it, found by binary search,
 * and a level of detail that keeps the drawing bounded however long the run. Beyond
 * `maxArrows` visible messages, arrows are aggregated into cells (a time bucket × a pair of
 * lanes) drawn as one line each, whose opacity says how many messages it stands for; drops
 * are still drawn one by one while there are few enough to read, because they are what
 * people look for; beyond that, each cell counts its drops.
 *
 * Pure and DOM-free, so the selection is unit-tested and benchmarked in Node.
 */
import { ARROW_BLOCK_SIZE, type Diagram, type DiagramArrow, type DiagramMark, type MarkKind } from './traceToDiagram';

export interface TimeWindow {
  fromUs: number;
  toUs: number;
}

export interface AggregateCell {
  bucketStartUs: number;
  bucketEndUs: number;
  fromLane: number;
  toLane: number;
  count: number;
  droppedCount: number;
  /** The cell's majority message type (see aggregateArrows). */
  dominantType: string;
}

export type VisibleMessages =
  | { mode: 'arrows'; arrows: DiagramArrow[] }
  | { mode: 'aggregate'; cells: AggregateCell[]; drops: DiagramArrow[]; messageCount: number };

export interface VisibleSelection {
  messages: VisibleMessages;
  marks: DiagramMark[];
  /** Marks left out by the cap (timers go first, faults last). */
  hiddenMarkCount: number;
}

export interface SelectionLimits {
  maxArrows: number;
  maxMarks: number;
  /** Number of time buckets across the window when aggregating (about one per 6 pixels). */
  bucketCount: number;
  /** When aggregating, at most this many cells (default maxArrows). */
  maxCells?: number;
  /** When aggregating, drops are drawn one by one only up to this many (else only counted in cells). */
  maxDrops?: number;
  /** Mark kinds to leave out entirely (for example timers, which are frequent). */
  hiddenMarkKinds?: readonly MarkKind[];
}

/** First position in [0, length) whose key is greater than `value` (keys non-decreasing). */
export function upperBound(length: number, keyAt: (position: number) => number, value: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyAt(middle) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** First position in [0, length) whose key is at least `value` (keys non-decreasing). */
export function lowerBound(length: number, keyAt: (position: number) => number, value: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyAt(middle) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Positions of arrows that overlap the window: started by its end and not ended before its
 * start. Arrows are sorted by start, so the end of the range is a binary search; blocks whose
 * latest end precedes the window are skipped whole, which keeps early long-lived arrows
 * (held or in-flight messages) visible without scanning every arrow.
 */
export function visibleArrowPositions(diagram: Diagram, window: TimeWindow): number[] {
  const { arrows, blockLatestEndUs } = diagram;
  const end = upperBound(arrows.length, (position) => (arrows[position] as DiagramArrow).startTimeUs, window.toUs);
  const positions: number[] = [];
  for (let block = 0; block * ARROW_BLOCK_SIZE < end; block++) {
    if ((blockLatestEndUs[block] as number) < window.fromUs) continue;
    const blockEnd = Math.min(end, (block + 1) * ARROW_BLOCK_SIZE);
    for (let position = block * ARROW_BLOCK_SIZE; position < blockEnd; position++) {
      const arrow = arrows[position] as DiagramArrow;
      if ((arrow.endTimeUs ?? Infinity) >= window.fromUs) positions.push(position);
    }
  }
  return positions;
}

/** Marks with time in the window, by binary search on both ends. */
export function visibleMarkRange(marks: readonly DiagramMark[], window: TimeWindow): [number, number] {
  const keyAt = (position: number): number => (marks[position] as DiagramMark).timeUs;
  return [lowerBound(marks.length, keyAt, window.fromUs), upperBound(marks.length, keyAt, window.toUs)];
}

export function selectVisible(diagram: Diagram, window: TimeWindow, limits: SelectionLimits): VisibleSelection {
  const positions = visibleArrowPositions(diagram, window);
  const arrows = positions.map((position) => diagram.arrows[position] as DiagramArrow);
  const messages: VisibleMessages =
    arrows.length <= limits.maxArrows
      ? { mode: 'arrows', arrows }
      : {
          mode: 'aggregate',
          cells: aggregateArrows(arrows, window, limits.bucketCount, limits.maxCells ?? limits.maxArrows),
          drops: dropsWorthDrawing(arrows, limits.maxDrops ?? DEFAULT_MAX_DROPS),
          messageCount: arrows.length,
        };
  const [markStart, markEnd] = visibleMarkRange(diagram.marks, window);
  const { marks, hiddenCount } = capMarks(diagram.marks.slice(markStart, markEnd), limits);
  return { messages, marks, hiddenMarkCount: hiddenCount };
}

const DEFAULT_MAX_DROPS = 300;

/** All drops if few enough to read; none when they would cover the view (cells still count them). */
function dropsWorthDrawing(arrows: readonly DiagramArrow[], maxDrops: number): DiagramArrow[] {
  const drops: DiagramArrow[] = [];
  for (const arrow of arrows) {
    if (arrow.outcome !== 'dropped') continue;
    if (drops.length === maxDrops) return [];
    drops.push(arrow);
  }
  return drops;
}

/**
 * Groups arrows by the time bucket of their start and by (sender lane, receiver lane). The
 * bucket count is lowered so that there are at most `maxCells` cells. Runs on every zoom frame
 * over up to every arrow of the run, hence flat typed arrays instead of maps of objects.
 */
export function aggregateArrows(arrows: readonly DiagramArrow[], window: TimeWindow, bucketCount: number, maxCells = Infinity): AggregateCell[] {
  let laneStride = 1;
  for (const arrow of arrows) laneStride = Math.max(laneStride, arrow.fromLane + 1, arrow.toLane + 1);
  const pairCount = laneStride * laneStride;
  const pairSeen = new Uint8Array(pairCount);
  let distinctPairs = 0;
  for (const arrow of arrows) {
    const pair = arrow.fromLane * laneStride + arrow.toLane;
    if (pairSeen[pair] === 0) {
      pairSeen[pair] = 1;
      distinctPairs++;
    }
  }
  const buckets = Math.max(1, Math.min(Math.floor(bucketCount), Math.floor(maxCells / Math.max(1, distinctPairs))));
  const bucketWidthUs = Math.max(1, (window.toUs - window.fromUs) / buckets);
  const counts = new Int32Array(buckets * pairCount);
  const dropped = new Int32Array(buckets * pairCount);
  // Dominant type by the Boyer–Moore majority vote: exact when one type is the majority of
  // the cell (the usual case), otherwise some frequent type; it only picks a colour.
  const candidates: (string | undefined)[] = new Array<string | undefined>(buckets * pairCount);
  const votes = new Int32Array(buckets * pairCount);
  for (const arrow of arrows) {
    const bucket = Math.min(buckets - 1, Math.max(0, Math.floor((arrow.startTimeUs - window.fromUs) / bucketWidthUs)));
    const cell = bucket * pairCount + arrow.fromLane * laneStride + arrow.toLane;
    counts[cell]!++;
    if (arrow.outcome === 'dropped') dropped[cell]!++;
    if (votes[cell] === 0) {
      candidates[cell] = arrow.messageType;
      votes[cell] = 1;
    } else {
      votes[cell]! += candidates[cell] === arrow.messageType ? 1 : -1;
    }
  }
  const cells: AggregateCell[] = [];
  for (let cell = 0; cell < counts.length; cell++) {
    const count = counts[cell] as number;
    if (count === 0) continue;
    const bucket = Math.floor(cell / pairCount);
    const pair = cell % pairCount;
    const bucketStartUs = window.fromUs + bucket * bucketWidthUs;
    cells.push({
      bucketStartUs,
      bucketEndUs: bucketStartUs + bucketWidthUs,
      fromLane: Math.floor(pair / laneStride),
      toLane: pair % laneStride,
      count,
      droppedCount: dropped[cell] as number,
      dominantType: candidates[cell] ?? 'message',
    });
  }
  return cells;
}

const MARK_PRIORITY: readonly MarkKind[] = ['fault', 'state', 'client', 'timer'];

/** Keeps at most maxMarks, dropping whole kinds from the least important up, in time order. */
function capMarks(marks: DiagramMark[], limits: SelectionLimits): { marks: DiagramMark[]; hiddenCount: number } {
  const hidden = new Set<MarkKind>(limits.hiddenMarkKinds ?? []);
  let kept = marks.filter((mark) => !hidden.has(mark.kind));
  for (let priority = MARK_PRIORITY.length - 1; kept.length > limits.maxMarks && priority > 0; priority--) {
    const kind = MARK_PRIORITY[priority] as MarkKind;
    kept = kept.filter((mark) => mark.kind !== kind);
  }
  if (kept.length > limits.maxMarks) kept = kept.slice(0, limits.maxMarks);
  return { marks: kept, hiddenCount: marks.length - kept.length };
}
