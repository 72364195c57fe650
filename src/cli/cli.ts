/**
 * The headless CLI: `sim run`, `sim search`, `sim help`. Exit codes: 0 when every
 * invariant holds, 1 on a violation, 2 on bad input (with the field and the problem on
 * stderr). Commands write through a CliOutput so tests can call them without spawning.
 */
import { ScenarioError } from '../engine';
import { InputError } from './inputError';
import { runCommand } from './runCommand';
import { searchCommand } from './search/searchCommand';

export interface CliOutput {
  out(text: string): void;
  error(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_VIOLATION = 1;
export const EXIT_BAD_INPUT = 2;

export const HELP = `Faultline headless runner

Usage:
  npm run -s sim -- run <scenario> [--until <ms>] [--at <ms,ms,...>] [--history] [--json]
  npm run -s sim -- search <scenario> --seeds <from>..<to> [--until <ms>] [--workers <n>] [--faults <n>] [--json]
  npm run -s sim -- help

<scenario> is a scenario file (path/to/file.json), an example name from public/scenarios/
(ping-basic, raft-basic, ...) or a full app URL (http://localhost:5173/#s=... or .../#scenario=<name>).

run      Runs the scenario to --until (default: the URL's or scenario's viewAtMs, else 10000 ms)
         without pausing at violations, and prints module, seed, events, trace hash, invariants
         and node states. --at snapshots the nodes at those virtual times on the way;
         --history adds the client history (Jepsen convention). --json prints one JSON object.
search   Runs the scenario once per seed in the range, in parallel (--workers, default: the
         number of cores), lists the seeds whose invariants fail, and shrinks the first failing
         schedule to a minimal list of actions that still fails, printed as JSON and as an app
         URL hash. --faults <n> adds n random fault episodes per seed (crash/restart,
         partition/heal, isolate, pause/resume, one-way cut, clock skew) drawn from the seed.

Exit codes: 0 all invariants hold, 1 an invariant was violated, 2 bad input, 3 internal error.`;

export async function runCli(argv: readonly string[], output: CliOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return runCommand(rest, output);
      case 'search':
        return await searchCommand(rest, output);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        output.out(HELP);
        return EXIT_OK;
      default:
        throw InputError.of('command', `unknown command '${command}' (run, search, help)`);
    }
  } catch (error) {
    return reportFailure(error, output);
  }
}

function reportFailure(error: unknown, output: CliOutput): number {
  if (error instanceof InputError || error instanceof ScenarioError) {
    const problems = error instanceof InputError ? error.problems : [{ field: error.field, problem: error.problem }];
    for (const problem of problems) output.error(`error: ${problem.field}: ${problem.problem}`);
    output.error('(see: npm run -s sim -- help)');
    return EXIT_BAD_INPUT;
  }
  throw error;
}
