/**
 * A 5-node Raft cluster under steady client load (issue 3, Benchmarks; design §8 target
 * ≥ 1 M events/s): raft-basic.json with five servers, its own workload, and no scripted
 * faults. Skipped until both the example and the raft module exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulation, findModule, type Scenario } from '../../engine';
import { parseScenarioJson } from '../../scenario';
import { PUBLIC_DIRECTORY } from '../loadScenario';
import { median, repeat, round, timed, type Repetitions } from './measure';

export type Skipped = { skipped: string };

export interface RaftFigures {
  nodes: number;
  events: number;
  virtualMs: number;
  clientOperations: number;
  eventsPerSecond: number;
  virtualSecondsPerWallSecond: number;
  invariantsHold: boolean;
  target: number;
  meetsTarget: boolean;
}

/** The steady-load Raft scenario, or the reason it is unavailable. */
export function raftScenario(publicDirectory = PUBLIC_DIRECTORY): Scenario | Skipped {
  const file = join(publicDirectory, 'scenarios', 'raft-basic.json');
  if (!existsSync(file)) return { skipped: 'public/scenarios/raft-basic.json does not exist yet' };
  const module = findModule('raft');
  if (module === undefined) return { skipped: "the 'raft' module is not registered" };
  const parsed = parseScenarioJson(readFileSync(file, 'utf8'));
  if (!parsed.ok) return { skipped: `raft-basic.json is invalid: ${parsed.errors.map((error) => `${error.field}: ${error.problem}`).join('; ')}` };
  const workload = { ...parsed.scenario.workload };
  // Steady load needs at least one client; keep the example's own rate otherwise.
  if ('clients' in module.workload && Number(workload.clients ?? module.workload.clients?.default ?? 0) < 1) workload.clients = 1;
  return { ...parsed.scenario, nodes: 5, workload, schedule: [], engine: { ...parsed.scenario.engine, pauseOnViolation: false } };
}

export function measureRaft(plan: Repetitions, targetEvents: number, publicDirectory = PUBLIC_DIRECTORY): RaftFigures | Skipped {
  const scenario = raftScenario(publicDirectory);
  if ('skipped' in scenario) return scenario;
  const virtualMs = virtualTimeFor(scenario, targetEvents);
  let last = createSimulation(scenario);
  const runs = repeat(plan, () => {
    last = createSimulation(scenario);
    const simulation = last;
    return timed(() => simulation.runUntil(virtualMs, false)).ms;
  });
  const wallSeconds = median(runs) / 1000;
  const events = last.eventIndex;
  const rate = events / wallSeconds;
  return {
    nodes: scenario.nodes,
    events,
    virtualMs,
    clientOperations: last.history().filter((record) => record.type === 'invoke').length,
    eventsPerSecond: Math.round(rate),
    virtualSecondsPerWallSecond: round(virtualMs / 1000 / wallSeconds),
    invariantsHold: last.invariants().every((invariant) => invariant.ok),
    target: 1_000_000,
    meetsTarget: rate >= 1_000_000,
  };
}

/** How much virtual time yields about `targetEvents` events, from a one-second probe. */
export function virtualTimeFor(scenario: Scenario, targetEvents: number): number {
  const probe = createSimulation(scenario);
  probe.runUntil(1_000, false);
  const perMs = Math.max(probe.eventIndex, 1) / 1_000;
  return Math.max(1_000, Math.round(targetEvents / perMs));
}
