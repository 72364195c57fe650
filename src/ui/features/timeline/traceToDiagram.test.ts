import { describe, expect, it } from 'vitest';
import type { TraceEvent, TraceKind } from '../../../engine';
import { ALL_LANES, ARROW_BLOCK_SIZE, traceToDiagram } from './traceToDiagram';
import { syntheticTrace } from './syntheticTrace';

let nextIndex = 0;
function event(time: number, kind: TraceKind, node: string, peer: string | null, messageId = 0, messageType: string | null = null, detail: string | null = null): TraceEvent {
  const index = nextIndex++;
  return { index, event: index, time, kind, node, peer, messageId, messageType, detail };
}

describe('traceToDiagram', () => {
  it('joins a send to its delivery by message id', () => {
    const diagram = traceToDiagram([event(100, 'send', 'n1', 'n2', 7, 'Ping'), event(900, 'deliver', 'n2', 'n1', 7, 'Ping')], { nodes: ['n1', 'n2'] });
    expect(diagram.arrows).toEqual([
      { messageId: 7, messageType: 'Ping', fromLane: 0, toLane: 1, startTimeUs: 100, endTimeUs: 900, outcome: 'delivered', dropReason: null, copyOf: null, traceIndex: expect.any(Number) },
    ]);
    expect(diagram.typicalLatencyUs).toBe(800);
  });

  it('marks a dropped message with its reason and keeps an undelivered one in flight', () => {
    const diagram = traceToDiagram([
      event(0, 'send', 'n1', 'n2', 1, 'Ping'),
      event(0, 'drop', 'n1', 'n2', 1, 'Ping', 'link cut'),
      event(5, 'send', 'n2', 'n1', 2, 'Pong'),
    ]);
    expect(diagram.arrows.map((arrow) => [arrow.outcome, arrow.endTimeUs, arrow.dropReason])).toEqual([
      ['dropped', 0, 'link cut'],
      ['inFlight', null, null],
    ]);
    expect(Number.isFinite(diagram.blockLatestEndUs[0])).toBe(false);
  });

  it('starts a duplicate as its own arrow that remembers the original', () => {
    const diagram = traceToDiagram([
      event(0, 'send', 'n1', 'n2', 1, 'Ping'),
      event(10, 'duplicate', 'n1', 'n2', 2, 'Ping', 'copy of #1'),
      event(20, 'deliver', 'n2', 'n1', 2, 'Ping'),
      event(30, 'deliver', 'n2', 'n1', 1, 'Ping'),
    ]);
    expect(diagram.arrows.map((arrow) => [arrow.messageId, arrow.copyOf, arrow.startTimeUs, arrow.endTimeUs])).toEqual([
      [1, null, 0, 30],
      [2, 1, 10, 20],
    ]);
  });

  it('puts faults, state changes, timers and client events on lanes, and cluster-wide faults on all lanes', () => {
    const diagram = traceToDiagram(
      [
        event(1, 'fault', 'n2', null, 0, null, 'crash'),
        event(2, 'fault', '*', null, 0, null, 'partition n1 | n2'),
        event(3, 'state', 'n1', null, 0, null, 'leader'),
        event(4, 'timer', 'n1', null, 0, null, 'election'),
        event(5, 'client', 'c1', null, 0, null, 'invoke put x'),
      ],
      { nodes: ['n1', 'n2'] },
    );
    expect(diagram.marks.map((mark) => [mark.kind, mark.lane, mark.detail])).toEqual([
      ['fault', 1, 'crash'],
      ['fault', ALL_LANES, 'partition n1 | n2'],
      ['state', 0, 'leader'],
      ['timer', 0, 'election'],
      ['client', 2, 'invoke put x'],
    ]);
    expect(diagram.lanes).toEqual(['n1', 'n2', 'c1']);
  });

  it('counts deliveries whose send fell out of the kept trace as orphans, not arrows', () => {
    const diagram = traceToDiagram([event(50, 'deliver', 'n2', 'n1', 3, 'Ping'), event(60, 'drop', 'n1', 'n2', 4, 'Ping', 'lost')]);
    expect(diagram.arrows).toHaveLength(0);
    expect(diagram.orphanCount).toBe(2);
  });

  it('records each block of arrows with its latest end time', () => {
    const trace = syntheticTrace({ eventCount: 5_000, nodeCount: 5, seed: 11 });
    const diagram = traceToDiagram(trace);
    expect(diagram.blockLatestEndUs.length).toBe(Math.ceil(diagram.arrows.length / ARROW_BLOCK_SIZE));
    diagram.arrows.forEach((arrow, position) => {
      expect(arrow.endTimeUs ?? Infinity).toBeLessThanOrEqual(diagram.blockLatestEndUs[Math.floor(position / ARROW_BLOCK_SIZE)] as number);
    });
  });

  it('maps 100,000 synthetic events (seed 42) with every send accounted for', () => {
    const trace = syntheticTrace({ eventCount: 100_000, nodeCount: 9, seed: 42 });
    const started = performance.now();
    const diagram = traceToDiagram(trace);
    const elapsedMs = performance.now() - started;
    const sends = trace.filter((entry) => entry.kind === 'send').length;
    const ends = trace.filter((entry) => entry.kind === 'deliver' || entry.kind === 'drop').length;
    expect(diagram.arrows).toHaveLength(sends);
    expect(diagram.arrows.filter((arrow) => arrow.outcome !== 'inFlight')).toHaveLength(ends);
    expect(diagram.marks).toHaveLength(trace.length - sends - ends);
    // Starts sorted: the renderer's binary search depends on it.
    for (let position = 1; position < diagram.arrows.length; position++) {
      expect(diagram.arrows[position]!.startTimeUs >= diagram.arrows[position - 1]!.startTimeUs).toBe(true);
    }
    console.info(`traceToDiagram: 100,000 events → ${diagram.arrows.length} arrows, ${diagram.marks.length} marks in ${elapsedMs.toFixed(1)} ms`);
  });
});
