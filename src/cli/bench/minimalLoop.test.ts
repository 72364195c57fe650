import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine';
import { pingScenario } from './loops';
import { minimalPingLoop, minimalPingRun } from './minimalLoop';

describe('minimal ping loop', () => {
  // The figure is only meaningful if the minimal loop does the engine's ping run's work: the
  // same PRNG streams, the same events in the same order, so the same history and states.
  it('runs the same ping run as the engine, event for event', () => {
    const events = 20_000;
    const simulation = createSimulation(pingScenario(5));
    for (let index = 0; index < events; index++) expect(simulation.step()).toBe(true);
    const minimal = minimalPingRun(events);
    expect(minimal.history.length).toBeGreaterThan(1_000);
    expect(minimal.history).toEqual(simulation.history());
    expect(minimal.states).toEqual(simulation.inspect().nodes.map((node) => node.state));
  });

  it('returns the same checksum every time', () => {
    expect(minimalPingLoop(5_000)).toBe(minimalPingLoop(5_000));
  });
});
