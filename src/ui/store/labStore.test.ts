import { describe, expect, it } from 'vitest';
import type { Frame, TraceEvent } from '../../worker/api';
import { INITIAL_LAB_STATE, MAXIMUM_SPEED, MINIMUM_SPEED, TRACE_WINDOW, labUpdates, type LabState } from './labStore';

function traceEvents(from: number, count: number): TraceEvent[] {
  return Array.from({ length: count }, (_, offset) => ({
    index: from + offset,
    event: from + offset,
    time: from + offset,
    kind: 'send' as const,
    node: 'n1',
    peer: 'n2',
    messageId: from + offset,
    messageType: 'Ping',
    detail: null,
  }));
}

function frame(newTrace: TraceEvent[], traceReset: boolean, stoppedBy: Frame['stoppedBy'] = 'time'): Frame {
  return {
    module: 'ping',
    timeMs: 1,
    eventIndex: 1,
    traceHash: 'h',
    traceCount: 0,
    nodes: [],
    inFlight: [],
    network: { defaults: { latencyMs: 0, jitterMs: 0, lossRatio: 0, duplicationRatio: 0, reorderRatio: 0 }, overrides: [], cut: [], held: [] },
    invariants: [],
    stats: { sent: 0, delivered: 0, dropped: 0, duplicated: 0, bytesSent: 0, bytesByType: {} },
    summary: {},
    newTrace,
    traceReset,
    stoppedBy,
    violation: stoppedBy === 'violation' ? 'broken' : null,
  } as Frame;
}

function apply(state: LabState, change: Partial<LabState>): LabState {
  return { ...state, ...change };
}

describe('lab store updates', () => {
  it('replaces the mirror wholesale and grows the trace window contiguously', () => {
    let state = apply(INITIAL_LAB_STATE, labUpdates.frame(INITIAL_LAB_STATE, frame(traceEvents(0, 3), true)));
    const next = frame(traceEvents(3, 2), false);
    state = apply(state, labUpdates.frame(state, next));
    expect(state.frame).toBe(next);
    expect(state.trace.map((event) => event.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops the kept trace on a reset and keeps at most TRACE_WINDOW events', () => {
    let state = apply(INITIAL_LAB_STATE, labUpdates.frame(INITIAL_LAB_STATE, frame(traceEvents(0, TRACE_WINDOW), true)));
    state = apply(state, labUpdates.frame(state, frame(traceEvents(TRACE_WINDOW, 10), false)));
    expect(state.trace).toHaveLength(TRACE_WINDOW);
    expect(state.trace[0]?.index).toBe(10);
    state = apply(state, labUpdates.frame(state, frame(traceEvents(7, 2), true)));
    expect(state.trace.map((event) => event.index)).toEqual([7, 8]);
  });

  it('stops playing when a frame reports a violation', () => {
    const playing = { ...INITIAL_LAB_STATE, playing: true };
    expect(labUpdates.frame(playing, frame([], false, 'violation')).playing).toBe(false);
    expect(labUpdates.frame(playing, frame([], false, 'time')).playing).toBe(true);
  });

  it('keeps the speed within the log scale and finite', () => {
    expect(labUpdates.speed(1e9).speed).toBe(MAXIMUM_SPEED);
    expect(labUpdates.speed(0).speed).toBe(MINIMUM_SPEED);
    expect(labUpdates.speed(Number.NaN).speed).toBe(1);
  });
});
