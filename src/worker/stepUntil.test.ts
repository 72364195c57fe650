/** SimulationSession.stepUntil: "step to the next event of a kind", bounded so it never hangs. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario } from '../engine/index';
import { parseScenarioJson } from '../scenario/index';
import { SimulationSession } from './session';

function example(name: string): Scenario {
  const parsed = parseScenarioJson(readFileSync(new URL(`../../public/scenarios/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

function loadedSession(name: string): SimulationSession {
  const session = new SimulationSession();
  const result = session.load(example(name));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return session;
}

describe('SimulationSession.stepUntil', () => {
  it('stops on the first event that delivers a message, having run no delivery before it', () => {
    const session = loadedSession('ping-basic');
    session.advanceTo(300);
    const startCount = session.snapshot().traceCount;
    const result = session.stepUntil(['deliver'], 10_000);
    expect(result.outcome).toBe('found');
    const traced = session.traceWindow(startCount, result.frame.traceCount);
    const lastEvent = result.frame.eventIndex;
    expect(traced.filter((event) => event.event === lastEvent).some((event) => event.kind === 'deliver')).toBe(true);
    expect(traced.filter((event) => event.event < lastEvent).some((event) => event.kind === 'deliver')).toBe(false);
  });

  it('lands where stepping one event at a time lands (same trace hash)', () => {
    const session = loadedSession('ping-basic');
    const result = session.stepUntil(['state', 'drop'], 10_000);
    const stepper = loadedSession('ping-basic');
    let frame = stepper.step();
    while (frame.eventIndex < result.frame.eventIndex) frame = stepper.step();
    expect(result.eventsRun).toBe(result.frame.eventIndex);
    expect(frame.traceHash).toBe(result.frame.traceHash);
  });

  it('gives up after maxEvents events when nothing matches', () => {
    const session = loadedSession('ping-basic');
    const result = session.stepUntil(['violation'], 50);
    expect(result.outcome).toBe('limit');
    expect(result.eventsRun).toBe(50);
    expect(result.frame.eventIndex).toBe(50);
  });

  it('treats a nonsensical bound as the hard limit rather than looping forever', () => {
    const session = loadedSession('ping-basic');
    const result = session.stepUntil(['deliver'], Number.NaN);
    expect(result.outcome).toBe('found');
  });

  it('stops at the violating event of ping-duplicates, as a straight run that pauses on violation does', () => {
    const session = loadedSession('ping-duplicates');
    const result = session.stepUntil(['violation'], 100_000);
    expect(result.outcome).toBe('violation');
    expect(result.frame.stoppedBy).toBe('violation');
    expect(result.frame.violation).toMatch(/Pongs answer pings/i);
    const straight = createSimulation(example('ping-duplicates'));
    const run = straight.runUntil(60_000);
    expect(run.stoppedBy).toBe('violation');
    expect(result.frame.eventIndex).toBe(straight.eventIndex);
    expect(result.frame.traceHash).toBe(straight.traceHash());
  });
});
