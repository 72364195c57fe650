/**
 * `sim search <scenario> --seeds <from>..<to> [--until ms] [--workers n] [--faults n] [--json]`:
 * run the scenario over a range of seeds in parallel, list the seeds whose invariants fail,
 * and shrink the first failing schedule to a minimal one that still fails the same way.
 */
import { availableParallelism } from 'node:os';
import type { Scenario } from '../../engine';
import { encodeScenarioHash } from '../../scenario';
import { parseArguments, parseCount, parseMilliseconds, parseSeedRange } from '../arguments';
import type { CliOutput } from '../cli';
import { InputError } from '../inputError';
import { loadScenario } from '../loadScenario';
import { DEFAULT_UNTIL_MS } from '../runReport';
import { judgeScenario, scenarioForSeed, type SearchJob, type SeedOutcome } from './judge';
import { runSeeds } from './seedPool';
import { shrinkList } from './shrink';

export interface ShrunkFailure {
  seed: number;
  /** The invariants the original run failed; the shrunk schedule still fails at least one. */
  invariants: string[];
  originalActions: number;
  actions: number;
  /** Runs spent shrinking. */
  runs: number;
  /** True when no single action can be removed without the failure going away. */
  minimal: boolean;
  scenario: Scenario;
  /** The app URL hash that opens the shrunk scenario at the end of the run. */
  urlHash: string;
}

export interface SearchReport {
  scenario: string;
  module: string;
  seeds: { from: number; to: number; count: number };
  untilMs: number;
  faultEpisodes: number;
  workers: number;
  passed: number;
  failures: Array<Pick<SeedOutcome, 'seed' | 'failed' | 'firstViolation'>>;
  shrunk: ShrunkFailure | null;
}

export async function searchCommand(argv: readonly string[], output: CliOutput): Promise<number> {
  const parsed = parseArguments(argv, { seeds: 'value', until: 'value', workers: 'value', faults: 'value', json: 'flag' });
  const [argument, ...extra] = parsed.positionals;
  if (argument === undefined) throw InputError.of('scenario', 'missing: give a file path, an example name or an app URL');
  if (extra.length > 0) throw InputError.of('scenario', `expected one scenario, got also '${extra.join(' ')}'`);
  if (parsed.values.seeds === undefined) throw InputError.of('--seeds', 'is required, e.g. --seeds 1..100');
  const range = parseSeedRange('--seeds', parsed.values.seeds);
  const loaded = loadScenario(argument);
  const job: SearchJob = {
    scenario: loaded.scenario,
    untilMs: parsed.values.until === undefined ? (loaded.viewAtMs ?? DEFAULT_UNTIL_MS) : parseMilliseconds('--until', parsed.values.until),
    faultEpisodes: parsed.values.faults === undefined ? 0 : parseCount('--faults', parsed.values.faults, 0, 100),
  };
  const workers = parsed.values.workers === undefined ? availableParallelism() : parseCount('--workers', parsed.values.workers, 1, 64);
  const seeds = Array.from({ length: range.to - range.from + 1 }, (_unused, index) => range.from + index);
  const outcomes = await runSeeds(job, seeds, workers);
  const failures = outcomes.filter((outcome) => outcome.failed.length > 0);
  const first = failures[0];
  const report: SearchReport = {
    scenario: loaded.source,
    module: loaded.scenario.module,
    seeds: { ...range, count: seeds.length },
    untilMs: job.untilMs,
    faultEpisodes: job.faultEpisodes,
    workers,
    passed: outcomes.length - failures.length,
    failures: failures.map(({ seed, failed, firstViolation }) => ({ seed, failed, firstViolation })),
    shrunk: first === undefined ? null : shrinkFailure(job, first),
  };
  output.out(parsed.flags.has('json') ? JSON.stringify(report) : formatSearchReport(report));
  return failures.length === 0 ? 0 : 1;
}

/** Shrinks the failing seed's schedule, keeping the seed: the same run minus actions. */
export function shrinkFailure(job: SearchJob, failure: SeedOutcome): ShrunkFailure {
  const scenario = scenarioForSeed(job, failure.seed);
  const schedule = scenario.schedule ?? [];
  const stillFails = (candidate: typeof schedule): boolean => {
    const outcome = judgeScenario({ ...scenario, schedule: candidate }, job.untilMs);
    return outcome.failed.some((name) => failure.failed.includes(name));
  };
  const result = shrinkList(schedule, stillFails);
  const shrunk: Scenario = { ...scenario, schedule: result.items };
  return {
    seed: failure.seed,
    invariants: failure.failed,
    originalActions: schedule.length,
    actions: result.items.length,
    runs: result.tests,
    minimal: result.minimal,
    scenario: shrunk,
    urlHash: encodeScenarioHash(shrunk, job.untilMs),
  };
}

export function formatSearchReport(report: SearchReport): string {
  const { from, to, count } = report.seeds;
  const lines = [
    `${report.scenario} (${report.module}) · seeds ${from}..${to} · ${report.untilMs} ms each · ${report.faultEpisodes} random fault episodes · ${report.workers} workers`,
    `${report.passed} of ${count} seeds pass; ${report.failures.length} fail`,
  ];
  for (const failure of report.failures.slice(0, 20)) lines.push(`  seed ${failure.seed}: ${failure.firstViolation ?? failure.failed.join(', ')}`);
  if (report.failures.length > 20) lines.push(`  … and ${report.failures.length - 20} more (use --json for all)`);
  const shrunk = report.shrunk;
  if (shrunk !== null) {
    lines.push(
      '',
      `seed ${shrunk.seed} shrunk from ${shrunk.originalActions} to ${shrunk.actions} action${shrunk.actions === 1 ? '' : 's'} in ${shrunk.runs} runs${shrunk.minimal ? '' : ' (budget reached; may not be minimal)'}; still fails: ${shrunk.invariants.join(', ')}`,
      JSON.stringify(shrunk.scenario, null, 2),
      '',
      `open in the lab: <app URL>/${shrunk.urlHash}`,
    );
  }
  return lines.join('\n');
}
