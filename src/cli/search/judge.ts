/**
 * One seed's verdict: run the scenario to `untilMs` without pausing and list the
 * invariants that failed. Shared by the in-process path, the worker processes and the
 * shrinker, so all three judge a schedule the same way.
 */
import { createSimulation, type Action, type Scenario } from '../../engine';
import { generateFaultSchedule } from './faults';

export interface SearchJob {
  scenario: Scenario;
  untilMs: number;
  /** Random fault episodes to add per seed (0 = run the scenario's own schedule only). */
  faultEpisodes: number;
}

export interface SeedOutcome {
  seed: number;
  /** Names of the invariants that failed, in report order; empty when the seed passes. */
  failed: string[];
  /** The first violation's message, for the listing. */
  firstViolation: string | null;
  events: number;
  traceHash: string;
}

/** The scenario a seed runs: the base scenario with that seed, plus that seed's random faults. */
export function scenarioForSeed(job: SearchJob, seed: number): Scenario {
  const base: Scenario = { ...job.scenario, seed };
  if (job.faultEpisodes === 0) return base;
  const generated = generateFaultSchedule(base, job.faultEpisodes, job.untilMs);
  return { ...base, schedule: sortByTime([...(base.schedule ?? []), ...generated]) };
}

export function judgeScenario(scenario: Scenario, untilMs: number): SeedOutcome {
  const simulation = createSimulation(scenario);
  simulation.runUntil(untilMs, false);
  const failing = simulation.invariants().filter((invariant) => !invariant.ok);
  const first = failing.flatMap((invariant) => invariant.violations.map((violation) => ({ invariant, violation })))
    .sort((left, right) => left.violation.atMs - right.violation.atMs)[0];
  return {
    seed: scenario.seed,
    failed: failing.map((invariant) => invariant.name),
    firstViolation: first === undefined ? null : `${first.invariant.name} at ${first.violation.atMs} ms: ${first.violation.message}`,
    events: simulation.eventIndex,
    traceHash: simulation.traceHash(),
  };
}

export function judgeSeed(job: SearchJob, seed: number): SeedOutcome {
  return judgeScenario(scenarioForSeed(job, seed), job.untilMs);
}

/** Stable by time: actions at the same time keep their order, as the engine applies them. */
export function sortByTime(actions: readonly Action[]): Action[] {
  return actions
    .map((action, index) => ({ action, index }))
    .sort((left, right) => left.action.at - right.action.at || left.index - right.index)
    .map(({ action }) => action);
}
