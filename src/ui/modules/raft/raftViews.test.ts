/**
 * The Raft views' pure models, checked against frames the real engine produces for the
 * example scenarios (the worker's frames are the same inspect() picture, cloned).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Action } from '../../../engine/index';
import { parseScenario } from '../../../scenario/index';
import type { Frame } from '../../../worker/api';
import { RAFT_SERIES, raftChartSeries } from './chartSeries';
import { clientAction, readPathOf } from './clientRequest';
import { abbreviateCommand } from './commandText';
import { RING_STEPS, readTimer, ringShare, steppedShare } from './electionTimer';
import { keyValueTable, naturalOrder } from './keyValues';
import { logMatrix } from './logMatrix';
import { currentLeader, serverViews } from './raftState';
import { randomPut, timeoutTargets } from './shortcuts';
import { termColour } from './termColor';

function exampleFrame(name: string, untilMs: number, actions: Array<{ atMs: number; action: Action }> = [], patch: Record<string, unknown> = {}): Frame {
  const text = readFileSync(resolve(import.meta.dirname, '../../../../public/scenarios', `${name}.json`), 'utf8');
  const parsed = parseScenario({ ...(JSON.parse(text) as object), ...patch });
  if (!parsed.ok) throw new Error(`invalid scenario ${name}: ${JSON.stringify(parsed.errors)}`);
  const simulation = createSimulation(parsed.scenario);
  for (const { atMs, action } of actions) {
    simulation.runUntil(atMs, false);
    simulation.apply(action);
  }
  simulation.runUntil(untilMs, false);
  const snapshot = JSON.parse(JSON.stringify(simulation.inspect())) as object;
  return { ...snapshot, invariants: [], newTrace: [], traceReset: false, stoppedBy: 'time', violation: null } as unknown as Frame;
}

describe('reading Raft state from a frame', () => {
  it('finds the leader of raft-basic at 1 s with the engine summary’s leader and term', () => {
    const frame = exampleFrame('raft-basic', 1_000);
    const leader = currentLeader(frame);
    expect(leader?.id).toBe(frame.summary.leader);
    expect(leader?.term).toBe(frame.summary.term);
    expect(serverViews(frame)).toHaveLength(5);
  });

  it('shows a crashed server through its persistent state (term and log survive, commit index does not)', () => {
    const frame = exampleFrame('raft-basic', 1_200, [{ atMs: 1_000, action: { type: 'crash', node: 'n1', at: 1_000 } }]);
    const crashed = serverViews(frame).find((server) => server.id === 'n1');
    expect(crashed?.status).toBe('crashed');
    expect(crashed?.live).toBeNull();
    expect(crashed?.term).toBeGreaterThan(0);
    expect(crashed?.log.length).toBeGreaterThan(0);
  });
});

describe('log matrix', () => {
  it('aligns every server’s log by index and marks each commit index (raft-basic, 1 s)', () => {
    const frame = exampleFrame('raft-basic', 1_000);
    const matrix = logMatrix(frame);
    expect(matrix.leaderId).toBe(frame.summary.leader);
    for (const row of matrix.rows) {
      const server = serverViews(frame).find((view) => view.id === row.id);
      const entries = row.cells.filter((cell) => cell.kind === 'entry');
      expect(entries).toHaveLength(server?.lastIndex ?? -1);
      for (const cell of entries) {
        if (cell.kind !== 'entry') continue;
        expect(cell.committed).toBe(cell.index <= (row.commitIndex ?? 0));
        expect(cell.marks.includes('commit')).toBe(cell.index === row.commitIndex);
      }
    }
  });

  it('puts the leader’s matchIndex and nextIndex on each follower’s row', () => {
    const frame = exampleFrame('raft-basic', 1_000);
    const matrix = logMatrix(frame);
    const leader = currentLeader(frame);
    const followers = matrix.rows.filter((row) => row.id !== matrix.leaderId);
    expect(followers.length).toBe(4);
    for (const row of followers) {
      const progress = leader?.live?.progress[row.id];
      expect(row.progress).toEqual({ matchIndex: progress?.matchIndex, nextIndex: progress?.nextIndex });
      const next = row.cells.find((cell) => cell.kind !== 'compacted' && cell.index === progress?.nextIndex);
      expect(next?.marks).toContain('next');
    }
    expect(matrix.rows.find((row) => row.id === matrix.leaderId)?.progress).toBeNull();
  });

  it('keeps a window of recent indexes and summarises the rest (raft-basic, 6 s)', () => {
    const frame = exampleFrame('raft-basic', 6_000);
    const matrix = logMatrix(frame, 10);
    expect(matrix.lastIndex - matrix.firstIndex + 1).toBe(10);
    for (const row of matrix.rows) {
      expect(row.cells).toHaveLength(10);
      expect(row.before?.count).toBe(matrix.firstIndex - 1);
    }
  });

  it('draws the snapshotted prefix as one compacted block (raft-snapshot, 4 s)', () => {
    const frame = exampleFrame('raft-snapshot', 4_000);
    const servers = serverViews(frame).filter((server) => server.snapshotIndex > 0);
    expect(servers.length).toBeGreaterThan(0);
    const matrix = logMatrix(frame, 500);
    expect(matrix.firstIndex).toBe(1);
    for (const server of servers) {
      const row = matrix.rows.find((candidate) => candidate.id === server.id);
      const first = row?.cells[0];
      expect(first?.kind).toBe('compacted');
      if (first?.kind === 'compacted') expect(first.to).toBe(server.snapshotIndex);
      // After the block, one cell per index up to the end of the window.
      expect(row?.cells.length).toBe(1 + matrix.lastIndex - server.snapshotIndex);
    }
  });

  it('changes a row’s signature exactly when what it draws changes', () => {
    const early = logMatrix(exampleFrame('raft-basic', 1_000));
    const again = logMatrix(exampleFrame('raft-basic', 1_000));
    const later = logMatrix(exampleFrame('raft-basic', 1_500));
    expect(again.rows.map((row) => row.signature)).toEqual(early.rows.map((row) => row.signature));
    expect(later.rows.map((row) => row.signature)).not.toEqual(early.rows.map((row) => row.signature));
  });
});

describe('key-value table', () => {
  it('lists every key of every store, in natural order, with no lag when all servers applied the same', () => {
    const frame = exampleFrame('raft-basic', 3_000);
    const table = keyValueTable(frame);
    expect(table.keys).toEqual([...table.keys].sort(naturalOrder));
    expect(table.keys.length).toBeGreaterThan(0);
    for (const [keyIndex, key] of table.keys.entries()) {
      table.columns.forEach((column, columnIndex) => {
        const state = serverViews(frame).find((server) => server.id === column.id)?.live;
        expect(table.cells[keyIndex]?.[columnIndex]?.value).toBe(state?.kv[key] ?? null);
      });
    }
  });

  it('marks a server cut off from the leader as lagging and its stale cells as differing', () => {
    const frame = exampleFrame('raft-basic', 3_000, [{ atMs: 1_000, action: { type: 'isolate', node: '@follower', at: 1_000 } }]);
    const table = keyValueTable(frame);
    const lagging = table.columns.filter((column) => column.lagging);
    expect(lagging).toHaveLength(1);
    expect(lagging[0]?.lagging).toBe(true);
    const index = table.columns.indexOf(lagging[0] as (typeof table.columns)[number]);
    expect(table.cells.some((row) => row[index]?.stale === true)).toBe(true);
    expect(table.referenceId).not.toBe(lagging[0]?.id);
  });

  it('orders k2 before k10', () => {
    expect(['k10', 'k2', 'k1'].sort(naturalOrder)).toEqual(['k1', 'k2', 'k10']);
  });
});

describe('election timer ring', () => {
  const timers = [{ key: 'election', armedAtMs: 100, dueAtMs: 300 }];
  it('drains from 1 when armed to 0 when due', () => {
    expect(readTimer(timers, 'election', 100)?.remaining).toBe(1);
    expect(readTimer(timers, 'election', 250)?.remaining).toBeCloseTo(0.25);
    expect(readTimer(timers, 'election', 400)).toEqual({ remaining: 0, remainingMs: 0, dueAtMs: 300 });
    expect(readTimer(timers, 'heartbeat', 100)).toBeNull();
  });

  it('moves in whole steps under reduced motion, never showing empty before the timer fires', () => {
    expect(steppedShare(0.26, 4)).toBe(0.5);
    expect(steppedShare(0.01, 4)).toBe(0.25);
    expect(steppedShare(0, 4)).toBe(0);
  });

  it('draws the ring in RING_STEPS steps, so a timer re-armed within a step leaves the ring as it was', () => {
    expect(ringShare(timers, 100, false)).toBe(1);
    expect(ringShare(timers, 103, false)).toBe(1);
    expect(ringShare(timers, 250, false)).toBe(0.25);
    expect(ringShare(timers, 251, false)).toBe(Math.ceil(0.245 * RING_STEPS) / RING_STEPS);
    expect(ringShare(timers, 251, true)).toBe(0.25);
    expect(ringShare(timers, 300, false)).toBe(0);
    expect(ringShare([], 100, false)).toBeNull();
  });
});

describe('term colours and command text', () => {
  it('gives each of eight consecutive terms its own hue, none red or green, and term 0 none', () => {
    expect(termColour(0)).toBeNull();
    expect(termColour(11)).toEqual(termColour(3));
    const hues = [1, 2, 3, 4, 5, 6, 7, 8].map((term) => termColour(term)?.hue ?? -1);
    expect(new Set(hues).size).toBe(8);
    for (const hue of hues) {
      expect(hue > 15 && hue < 345).toBe(true);
      expect(hue > 90 && hue < 160).toBe(false);
    }
  });

  it('abbreviates commands to a few characters', () => {
    expect(abbreviateCommand({ type: 'noop' })).toBe('noop');
    expect(abbreviateCommand({ type: 'config', members: ['n1', 'n2', 'n3'] })).toBe('cfg3');
    expect(abbreviateCommand({ type: 'kv', f: 'put', key: 'k12345', value: 'v', expected: null, clientId: 'c1', sequence: 1 })).toBe('Pk12');
  });
});

describe('client operations and read paths', () => {
  it('builds the engine action for each operation', () => {
    expect(clientAction({ target: 'c1', f: 'put', key: ' x ', value: '1', expected: '' })).toEqual({ ok: true, action: { type: 'client', node: 'c1', request: { f: 'put', key: 'x', value: '1' }, at: 0 } });
    expect(clientAction({ target: 'n2', f: 'get', key: 'x', value: '1', expected: '' })).toEqual({ ok: true, action: { type: 'client', node: 'n2', request: { f: 'get', key: 'x' }, at: 0 } });
    expect(clientAction({ target: 'c1', f: 'cas', key: 'x', value: '2', expected: '1' })).toEqual({ ok: true, action: { type: 'client', node: 'c1', request: { f: 'cas', key: 'x', value: '2', expected: '1' }, at: 0 } });
    expect(clientAction({ target: 'c1', f: 'put', key: '  ', value: '1', expected: '' }).ok).toBe(false);
  });

  it('reads the read path from the variants, defaulting to the log', () => {
    expect(readPathOf(undefined)).toBe('log');
    expect(readPathOf({ readPath: 'read-index' })).toBe('read-index');
    expect(readPathOf({ readPath: 'nonsense' })).toBe('log');
  });

  it('computes a client action that the engine applies and completes (raft-basic)', () => {
    const built = clientAction({ target: 'c1', f: 'put', key: 'lab', value: 'hello', expected: '' });
    if (!built.ok) throw new Error(built.problem);
    const frame = exampleFrame('raft-basic', 2_500, [{ atMs: 1_000, action: built.action }]);
    const table = keyValueTable(frame);
    const row = table.cells[table.keys.indexOf('lab')];
    expect(row?.every((cell) => cell.value === 'hello')).toBe(true);
  });
});

describe('chart series and shortcuts', () => {
  it('charts the commit index, leader term and completed operations the engine reports', () => {
    const frame = exampleFrame('raft-basic', 2_000);
    const series = raftChartSeries(frame);
    expect(series[RAFT_SERIES.commitIndex]).toBe(frame.summary.commitIndex);
    expect(series[RAFT_SERIES.leaderTerm]).toBe(frame.summary.term);
    expect(series[RAFT_SERIES.completed]).toBe(frame.summary.operationsCompleted);
  });

  it("'t' times out the selected server, or two followers for a split vote", () => {
    const frame = exampleFrame('raft-basic', 1_000);
    expect(timeoutTargets({ frame, selectedNodeId: 'n4' })).toEqual(['n4']);
    const split = timeoutTargets({ frame, selectedNodeId: null });
    expect(split).toHaveLength(2);
    expect(split).not.toContain(frame.summary.leader);
  });

  it("'c' picks keys k1…k3", () => {
    expect(randomPut(() => 0)).toEqual({ key: 'k1', value: 'v0' });
    expect(randomPut(() => 0.99).key).toBe('k3');
  });
});
