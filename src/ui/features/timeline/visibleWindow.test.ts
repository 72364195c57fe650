import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { traceToDiagram, type DiagramArrow } from './traceToDiagram';
import { aggregateArrows, selectVisible, visibleArrowPositions, visibleMarkRange, lowerBound, upperBound } from './visibleWindow';
import { syntheticTrace } from './syntheticTrace';

const overlaps = (arrow: DiagramArrow, fromUs: number, toUs: number): boolean => arrow.startTimeUs <= toUs && (arrow.endTimeUs ?? Infinity) >= fromUs;

describe('visible window selection', () => {
  const diagram = traceToDiagram(syntheticTrace({ eventCount: 20_000, nodeCount: 7, seed: 7 }));

  it('binary searches agree with a linear scan', () => {
    const keys = [1, 2, 2, 2, 5, 9];
    const keyAt = (position: number): number => keys[position] as number;
    expect([lowerBound(keys.length, keyAt, 2), upperBound(keys.length, keyAt, 2)]).toEqual([1, 4]);
    expect([lowerBound(keys.length, keyAt, 0), upperBound(keys.length, keyAt, 10)]).toEqual([0, 6]);
  });

  it('finds exactly the arrows overlapping random windows (seed 1234)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000, max: diagram.endTimeUs + 1_000 }), fc.integer({ min: 0, max: Math.floor(diagram.endTimeUs / 4) }), (fromUs, spanUs) => {
        const toUs = fromUs + spanUs;
        const expected = diagram.arrows.flatMap((arrow, position) => (overlaps(arrow, fromUs, toUs) ? [position] : []));
        expect(visibleArrowPositions(diagram, { fromUs, toUs })).toEqual(expected);
      }),
      { seed: 1234, numRuns: 60 },
    );
  });

  it('keeps an early in-flight arrow visible in a late window', () => {
    const trace = syntheticTrace({ eventCount: 3_000, nodeCount: 3, seed: 5 });
    // Remove the delivery of the first message: it stays in flight until the end.
    const firstSend = trace.find((entry) => entry.kind === 'send')!;
    const held = traceToDiagram(trace.filter((entry) => !(entry.messageId === firstSend.messageId && entry.kind !== 'send')));
    const lateWindow = { fromUs: held.endTimeUs - 10, toUs: held.endTimeUs };
    const visibleIds = visibleArrowPositions(held, lateWindow).map((position) => held.arrows[position]!.messageId);
    expect(visibleIds).toContain(firstSend.messageId);
  });

  it('finds the marks inside a window', () => {
    const fromUs = diagram.endTimeUs / 3;
    const toUs = diagram.endTimeUs / 2;
    const [start, end] = visibleMarkRange(diagram.marks, { fromUs, toUs });
    const expected = diagram.marks.filter((mark) => mark.timeUs >= fromUs && mark.timeUs <= toUs);
    expect(diagram.marks.slice(start, end)).toEqual(expected);
  });

  it('draws arrows one by one under the cap and aggregates above it, counting every drop', () => {
    const window = { fromUs: 0, toUs: diagram.endTimeUs };
    const all = visibleArrowPositions(diagram, window).length;
    const detailed = selectVisible(diagram, window, { maxArrows: all, maxMarks: 100_000, bucketCount: 100 });
    expect(detailed.messages.mode).toBe('arrows');
    const aggregated = selectVisible(diagram, window, { maxArrows: all - 1, maxMarks: 100_000, bucketCount: 100 });
    if (aggregated.messages.mode !== 'aggregate') throw new Error('expected aggregation above the cap');
    const cells = aggregated.messages.cells;
    expect(cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(all);
    const dropCount = diagram.arrows.filter((arrow) => arrow.outcome === 'dropped').length;
    expect(cells.reduce((sum, cell) => sum + cell.droppedCount, 0)).toBe(dropCount);
    expect(aggregated.messages.drops).toHaveLength(dropCount <= 300 ? dropCount : 0);
    const fewDrops = selectVisible(diagram, window, { maxArrows: all - 1, maxMarks: 100_000, bucketCount: 100, maxDrops: dropCount });
    expect(fewDrops.messages.mode === 'aggregate' && fewDrops.messages.drops.every((arrow) => arrow.outcome === 'dropped')).toBe(true);
    expect(fewDrops.messages.mode === 'aggregate' && fewDrops.messages.drops.length).toBe(dropCount);
    expect(new Set(cells.map((cell) => Math.round(cell.bucketStartUs))).size).toBeLessThanOrEqual(100);
  });

  it('names the most frequent type of a cell', () => {
    const arrow = (messageType: string, startTimeUs: number): DiagramArrow => ({
      messageId: startTimeUs,
      messageType,
      fromLane: 0,
      toLane: 1,
      startTimeUs,
      endTimeUs: startTimeUs + 1,
      outcome: 'delivered',
      dropReason: null,
      copyOf: null,
      traceIndex: startTimeUs,
    });
    const cells = aggregateArrows([arrow('A', 1), arrow('B', 2), arrow('B', 3), arrow('A', 60)], { fromUs: 0, toUs: 100 }, 2);
    expect(cells.map((cell) => [cell.bucketStartUs, cell.count, cell.dominantType])).toEqual([
      [0, 3, 'B'],
      [50, 1, 'A'],
    ]);
  });

  it('caps marks by dropping timers before faults', () => {
    const selection = selectVisible(diagram, { fromUs: 0, toUs: diagram.endTimeUs }, { maxArrows: 10, maxMarks: 500, bucketCount: 10 });
    expect(selection.marks.length).toBeLessThanOrEqual(500);
    expect(selection.marks.some((mark) => mark.kind === 'timer')).toBe(false);
    const faults = diagram.marks.filter((mark) => mark.kind === 'fault').length;
    expect(selection.marks.filter((mark) => mark.kind === 'fault')).toHaveLength(Math.min(faults, 500));
    expect(selection.hiddenMarkCount).toBe(diagram.marks.length - selection.marks.length);
  });
});
