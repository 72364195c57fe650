/**
 * Pure mapper from trace events to what a space-time diagram draws: one arrow per message
 * and one mark per fault, state change, timer or client event, each on a lane (a node).
 *
 * A message's arrow starts at its 'send' event (node = sender, peer = receiver) or, for a
 * copy made by the network or by the user, at its 'duplicate' event (a new message id,
 * detail "copy of #N"). It ends at the 'deliver' event with the same id (node = receiver)
 * or at a 'drop' event (node = sender, peer = receiver, detail = reason). With neither, the
 * message is still in flight when the trace ends.
 *
 * Invariant: trace events come in non-decreasing time (virtual time never goes backwards
 * within a run, and a seek truncates the trace before replaying). So arrows come out sorted
 * by start time and marks by time, which lets the renderer find the visible window by
 * binary search instead of scanning 100,000 events per frame.
 *
 * No DOM here: this file runs in Node tests and benchmarks.
 */
import type { TraceEvent } from '../../../engine';

export type ArrowOutcome = 'delivered' | 'dropped' | 'inFlight';

export interface DiagramArrow {
  messageId: number;
  messageType: string;
  fromLane: number;
  toLane: number;
  startTimeUs: number;
  /** Delivery or drop time; null while in flight. */
  endTimeUs: number | null;
  outcome: ArrowOutcome;
  /** The drop reason ("lost", "link cut", "n3 is crashed"), else null. */
  dropReason: string | null;
  /** For a duplicate, the id of the message it copies. */
  copyOf: number | null;
  /** Trace index of the event that started the arrow. */
  traceIndex: number;
}

export type MarkKind = 'fault' | 'state' | 'timer' | 'client';

/** Lane value of a mark that concerns the whole cluster (a fault on node '*'). */
export const ALL_LANES = -1;

export interface DiagramMark {
  kind: MarkKind;
  lane: number;
  timeUs: number;
  detail: string;
  traceIndex: number;
}

/** Arrows are grouped in blocks of this many to skip whole blocks that end before a window. */
export const ARROW_BLOCK_SIZE = 64;

export interface Diagram {
  lanes: string[];
  arrows: DiagramArrow[];
  marks: DiagramMark[];
  /** Per block of ARROW_BLOCK_SIZE arrows, the latest end time (Infinity if one is in flight). */
  blockLatestEndUs: Float64Array;
  startTimeUs: number;
  endTimeUs: number;
  /** Median delivery latency, used to draw in-flight arrows part of the way. */
  typicalLatencyUs: number;
  /** Deliveries and drops whose send fell out of the kept trace window. */
  orphanCount: number;
}

export interface DiagramOptions {
  /** Lane order; nodes seen in the trace but not listed get lanes after these. */
  nodes?: readonly string[];
}

const GLOBAL_NODE = '*';
const COPY_PATTERN = /copy of #(\d+)/;

export function traceToDiagram(trace: readonly TraceEvent[], options: DiagramOptions = {}): Diagram {
  const lanes: string[] = [];
  const laneByNode = new Map<string, number>();
  const laneOf = (node: string): number => {
    let lane = laneByNode.get(node);
    if (lane === undefined) {
      lane = lanes.length;
      lanes.push(node);
      laneByNode.set(node, lane);
    }
    return lane;
  };
  for (const node of options.nodes ?? []) if (node !== GLOBAL_NODE) laneOf(node);

  const arrows: DiagramArrow[] = [];
  const marks: DiagramMark[] = [];
  const openArrowById = new Map<number, DiagramArrow>();
  let orphanCount = 0;
  for (const event of trace) {
    switch (event.kind) {
      case 'send':
      case 'duplicate': {
        const arrow = startArrow(event, laneOf);
        arrows.push(arrow);
        openArrowById.set(event.messageId, arrow);
        break;
      }
      case 'deliver':
      case 'drop': {
        const arrow = openArrowById.get(event.messageId);
        if (arrow === undefined) {
          orphanCount++;
          break;
        }
        openArrowById.delete(event.messageId);
        arrow.endTimeUs = event.time;
        arrow.outcome = event.kind === 'deliver' ? 'delivered' : 'dropped';
        arrow.dropReason = event.kind === 'drop' ? (event.detail ?? 'dropped') : null;
        break;
      }
      default: {
        const lane = event.node === GLOBAL_NODE ? ALL_LANES : laneOf(event.node);
        marks.push({ kind: event.kind, lane, timeUs: event.time, detail: event.detail ?? event.kind, traceIndex: event.index });
      }
    }
  }
  const first = trace[0];
  const last = trace[trace.length - 1];
  return {
    lanes,
    arrows,
    marks,
    blockLatestEndUs: blockLatestEnds(arrows),
    startTimeUs: first === undefined ? 0 : first.time,
    endTimeUs: last === undefined ? 0 : last.time,
    typicalLatencyUs: medianLatency(arrows),
    orphanCount,
  };
}

function startArrow(event: TraceEvent, laneOf: (node: string) => number): DiagramArrow {
  const copyMatch = event.kind === 'duplicate' && event.detail !== null ? COPY_PATTERN.exec(event.detail) : null;
  return {
    messageId: event.messageId,
    messageType: event.messageType ?? 'message',
    fromLane: laneOf(event.node),
    // A send always names its receiver; the fallback keeps a malformed event on its own lane.
    toLane: laneOf(event.peer ?? event.node),
    startTimeUs: event.time,
    endTimeUs: null,
    outcome: 'inFlight',
    dropReason: null,
    copyOf: copyMatch === null ? null : Number(copyMatch[1]),
    traceIndex: event.index,
  };
}

function blockLatestEnds(arrows: readonly DiagramArrow[]): Float64Array {
  const blocks = new Float64Array(Math.ceil(arrows.length / ARROW_BLOCK_SIZE));
  blocks.fill(-Infinity);
  arrows.forEach((arrow, position) => {
    const block = Math.floor(position / ARROW_BLOCK_SIZE);
    const end = arrow.endTimeUs ?? Infinity;
    if (end > (blocks[block] as number)) blocks[block] = end;
  });
  return blocks;
}

/** Median of delivered latencies from a bounded sample (every k-th arrow), so it stays O(n). */
function medianLatency(arrows: readonly DiagramArrow[]): number {
  const sampleLimit = 2_001;
  const stride = Math.max(1, Math.floor(arrows.length / sampleLimit));
  const latencies: number[] = [];
  for (let position = 0; position < arrows.length; position += stride) {
    const arrow = arrows[position] as DiagramArrow;
    if (arrow.outcome === 'delivered' && arrow.endTimeUs !== null) latencies.push(arrow.endTimeUs - arrow.startTimeUs);
  }
  if (latencies.length === 0) return 1_000;
  latencies.sort((left, right) => left - right);
  return Math.max(1, latencies[Math.floor(latencies.length / 2)] as number);
}
