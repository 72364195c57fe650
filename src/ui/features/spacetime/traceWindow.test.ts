import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../worker/api';
import { MAXIMUM_DIAGRAM_EVENTS, OLDER_CHUNK_EVENTS, joinTrace, olderChunkRange, stillJoins } from './traceWindow';

function events(fromIndex: number, count: number): TraceEvent[] {
  return Array.from({ length: count }, (_, offset) => ({
    index: fromIndex + offset,
    event: fromIndex + offset,
    time: (fromIndex + offset) * 10,
    kind: 'timer' as const,
    node: 'n1',
    peer: null,
    messageId: 0,
    messageType: null,
    detail: null,
  }));
}

describe('the diagram trace window', () => {
  it('joins older events that end exactly where the recent window begins', () => {
    const joined = joinTrace(events(0, 10), events(10, 5));
    expect(joined.map((event) => event.index)).toEqual([...Array(15).keys()]);
  });

  it('drops older events that no longer join (the window slid or the run was rewound)', () => {
    const recent = events(12, 5);
    expect(joinTrace(events(0, 10), recent)).toBe(recent);
    expect(stillJoins(events(0, 10), recent)).toBe(false);
    expect(stillJoins(events(2, 10), recent)).toBe(true);
  });

  it('fetches the chunk just before the shown events, stopping at the start of the run', () => {
    expect(olderChunkRange(events(50_000, 5))).toEqual({ fromIndex: 50_000 - OLDER_CHUNK_EVENTS, toIndex: 50_000 });
    expect(olderChunkRange(events(300, 5))).toEqual({ fromIndex: 0, toIndex: 300 });
    expect(olderChunkRange(events(0, 5))).toBeNull();
  });

  it('never grows past the cap', () => {
    expect(olderChunkRange(events(500_000, MAXIMUM_DIAGRAM_EVENTS))).toBeNull();
    const joined = joinTrace(events(0, MAXIMUM_DIAGRAM_EVENTS), events(MAXIMUM_DIAGRAM_EVENTS, 10));
    expect(joined.length).toBe(MAXIMUM_DIAGRAM_EVENTS);
    expect(joined[joined.length - 1]?.index).toBe(MAXIMUM_DIAGRAM_EVENTS + 9);
  });
});
