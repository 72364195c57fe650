/**
 * The same long run and the same seeks in Node, through the worker's own SimulationSession
 * (the code the worker runs, minus the message passing): how long the run is, what the page
 * must show (event count and trace hash, so the browser figures are checked to be the same
 * run), and how much of each browser seek is the worker's work rather than the page's.
 */
import { createSimulation, type Scenario } from '../../engine';
import { SimulationSession } from '../../worker/session';
import { round } from './measure';

export interface ReferenceRun {
  /** The first whole virtual millisecond by which the run has at least the events asked for. */
  virtualMs: number;
  events: number;
  traceHash: string;
  /** Wall time in Node for the session to load and seek from 0 to virtualMs (what opening the page asks the worker). */
  openSeconds: number;
}

export function runLengthFor(scenario: Scenario, events: number): number {
  const simulation = createSimulation(scenario);
  let virtualMs = 1_000;
  simulation.runUntil(virtualMs, false);
  while (simulation.eventIndex < events) {
    // Extrapolate from the rate so far, which drifts (slow while a leader is elected, faster
    // as load builds): halve the distance while far off, then step a little beyond, so the
    // run ends within a few percent of the count.
    const remaining = events - simulation.eventIndex;
    const perMs = Math.max(simulation.eventIndex, 1) / virtualMs;
    const aim = remaining > events * 0.05 ? 0.5 : 1.02;
    virtualMs = Math.max(virtualMs + 1, Math.ceil(virtualMs + (remaining / perMs) * aim));
    simulation.runUntil(virtualMs, false);
  }
  return virtualMs;
}

/** Loads the scenario in a session as the worker does and seeks to `virtualMs`; then `seek` times one session seek. */
export function openReference(scenario: Scenario, virtualMs: number): { run: ReferenceRun; seek: (targetMs: number) => number | string } {
  const session = new SimulationSession({ wallClockMs: () => performance.now() });
  const started = performance.now();
  const loaded = session.load(scenario);
  if (!loaded.ok) throw new Error(`the scenario does not load: ${loaded.errors.map((error) => `${error.field}: ${error.problem}`).join('; ')}`);
  const frame = session.seek(virtualMs);
  const run = { virtualMs, events: frame.eventIndex, traceHash: frame.traceHash, openSeconds: round((performance.now() - started) / 1000) };
  const seek = (targetMs: number): number | string => {
    const before = performance.now();
    try {
      session.seek(targetMs);
      return round(performance.now() - before);
    } catch (error) {
      return `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  return { run, seek };
}
