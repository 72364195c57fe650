import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario } from '../engine/index';
import { parseScenarioJson } from '../scenario/index';
import { FRAME_TRACE_LIMIT, type Frame, type TraceEvent } from './api';
import { SimulationSession } from './session';

function pingBasic(): Scenario {
  const parsed = parseScenarioJson(readFileSync(new URL('../../public/scenarios/ping-basic.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

function loaded(session = new SimulationSession()): { session: SimulationSession; first: Frame } {
  const result = session.load(pingBasic());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { session, first: result.frame };
}

function straightRun(untilMs: number): { hash: string; trace: TraceEvent[] } {
  const simulation = createSimulation(pingBasic());
  simulation.runUntil(untilMs, false);
  return { hash: simulation.traceHash(), trace: simulation.trace() };
}

describe('SimulationSession', () => {
  it('answers load with a first frame at time zero that resets the trace', () => {
    const { first } = loaded();
    expect(first.timeMs).toBe(0);
    expect(first.traceReset).toBe(true);
    expect(first.nodes.map((node) => node.id)).toEqual(['n1', 'n2', 'n3', 'c1']);
  });

  it('lists every message in flight but carries only the watched one\'s payload, also in later frames', () => {
    const { session } = loaded();
    const unwatched = session.advanceTo(628);
    expect(unwatched.inFlight.length).toBeGreaterThan(1);
    expect(unwatched.inFlight.every((message) => !('message' in message))).toBe(true);
    const [first, second] = unwatched.inFlight;
    const watched = session.watchMessage(first!.id);
    expect(watched.inFlight.filter((message) => 'message' in message).map((message) => message.id)).toEqual([first!.id]);
    expect(watched.inFlight[0]!.message).toMatchObject({ type: first!.type });
    session.watchMessage(second!.id);
    const later = session.step();
    const carried = later.inFlight.filter((message) => 'message' in message);
    expect(carried.map((message) => message.id)).toEqual(later.inFlight.some((message) => message.id === second!.id) ? [second!.id] : []);
    expect(session.watchMessage(null).inFlight.some((message) => 'message' in message)).toBe(false);
  });

  it("describes the module's forceable timer and node selectors, so the lab offers only faults that apply", () => {
    const result = new SimulationSession().load(pingBasic());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.module.forceableTimer).toBe('ping');
    expect(result.module.selectors).toEqual(['first-up']);
  });

  it('refuses an invalid scenario with the field and the problem, even past the UI', () => {
    const result = new SimulationSession().load({ ...pingBasic(), module: 'no-such-module' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.field).toBe('module');
  });

  it('advancing frame by frame reaches the same trace hash and trace as one straight run', () => {
    const { session } = loaded();
    const shipped: TraceEvent[] = [];
    for (let timeMs = 16.667; timeMs < 2_000; timeMs += 16.667) {
      shipped.push(...session.advanceTo(Math.round(timeMs * 1000) / 1000).newTrace);
    }
    const frame = session.advanceTo(2_000);
    shipped.push(...frame.newTrace);
    const straight = straightRun(2_000);
    expect(frame.timeMs).toBe(2_000);
    expect(frame.traceHash).toBe(straight.hash);
    expect(shipped).toEqual(straight.trace);
  });

  it('seeking backwards resets the trace and lands on the straight run at that time', () => {
    const { session } = loaded();
    session.advanceTo(2_500);
    const back = session.seek(1_000);
    expect(back.traceReset).toBe(true);
    expect(back.traceHash).toBe(straightRun(1_000).hash);
    expect(session.advanceTo(1_200).traceReset).toBe(false);
  });

  it('caps the trace a frame carries and marks the gap as a reset', () => {
    const { session } = loaded();
    const frame = session.advanceTo(20_000);
    expect(frame.traceCount).toBeGreaterThan(FRAME_TRACE_LIMIT);
    expect(frame.newTrace).toHaveLength(FRAME_TRACE_LIMIT);
    expect(frame.traceReset).toBe(true);
    expect(frame.newTrace.at(-1)?.index).toBe(frame.traceCount - 1);
  });

  it('restores a position reached by stepping between two events at one instant', () => {
    const { session } = loaded();
    session.advanceTo(1_000);
    let stepped = session.step();
    for (let count = 0; count < 5; count++) stepped = session.step();
    session.advanceTo(3_000);
    const restored = session.restore({ timeMs: stepped.timeMs, eventIndex: stepped.eventIndex });
    expect(restored.eventIndex).toBe(stepped.eventIndex);
    expect(restored.traceHash).toBe(stepped.traceHash);
  });

  it('restoring into a fresh session from currentScenario reproduces applied perturbations', () => {
    const { session } = loaded();
    session.advanceTo(700);
    session.apply({ type: 'crash', node: 'n1', at: 0 });
    const before = session.advanceTo(1_800);
    const fresh = new SimulationSession();
    const reload = fresh.load(session.currentScenario());
    expect(reload.ok).toBe(true);
    const after = fresh.restore({ timeMs: before.timeMs, eventIndex: before.eventIndex });
    expect(after.traceHash).toBe(before.traceHash);
    expect(after.nodes.find((node) => node.id === 'n1')?.status).toBe('crashed');
  });

  it('stops early when the work budget runs out, then continues to the same result', () => {
    let wallClockMs = 0;
    const { session } = loaded(new SimulationSession({ wallClockMs: () => (wallClockMs += 10), workBudgetMs: 25 }));
    const partial = session.advanceTo(2_000);
    expect(partial.stoppedBy).toBe('budget');
    expect(partial.timeMs).toBeLessThan(2_000);
    let frame = partial;
    while (frame.stoppedBy === 'budget') frame = session.advanceTo(2_000);
    expect(frame.timeMs).toBe(2_000);
    expect(frame.traceHash).toBe(straightRun(2_000).hash);
  });
});

describe('time travel defers the client-history judgement', () => {
  it('a seek answers with history checkers pending; invariants() then judges them as a straight run does', () => {
    const scenario = parseScenarioJson(readFileSync(new URL('../../public/scenarios/raft-basic.json', import.meta.url), 'utf8'));
    if (!scenario.ok) throw new Error('raft-basic.json is invalid');
    const session = new SimulationSession();
    session.load(scenario.scenario);
    session.advanceTo(3_000);
    const seeked = session.seek(1_500);
    const linearizability = seeked.invariants.find((report) => report.kind === 'history');
    expect(linearizability?.pending).toBe('not judged yet at this position');
    const straight = createSimulation(scenario.scenario);
    straight.runUntil(1_500, false);
    expect(session.invariants()).toEqual(straight.invariants());
  });

  it('the first playback frame after a seek judges the new position, however recently the old one was judged', () => {
    const scenario = parseScenarioJson(readFileSync(new URL('../../public/scenarios/raft-basic.json', import.meta.url), 'utf8'));
    if (!scenario.ok) throw new Error('raft-basic.json is invalid');
    let wallMs = 1_000;
    const session = new SimulationSession({ wallClockMs: () => wallMs, workBudgetMs: 1e9 });
    session.load(scenario.scenario);
    wallMs += 1_000;
    const late = session.advanceTo(3_000);
    expect(late.invariants.find((report) => report.name === 'Leader elected')?.pending).toBeNull();
    // Back to the start and playing again within the rate limit of full judgements.
    wallMs += 50;
    session.seek(5);
    wallMs += 50;
    const played = session.advanceTo(21);
    const straight = createSimulation(scenario.scenario);
    straight.runUntil(21, false);
    expect(played.invariants).toEqual(straight.invariants());
  });
});
