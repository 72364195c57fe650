/** `sim run <scenario> [--until ms] [--at ms,ms] [--history] [--json]`. */
import { parseArguments, parseMillisecondList, parseMilliseconds } from './arguments';
import type { CliOutput } from './cli';
import { formatRunReport } from './formatReport';
import { InputError } from './inputError';
import { loadScenario } from './loadScenario';
import { DEFAULT_UNTIL_MS, exitCodeOf, runScenario } from './runReport';

export function runCommand(argv: readonly string[], output: CliOutput): number {
  const parsed = parseArguments(argv, { until: 'value', at: 'value', history: 'flag', json: 'flag' });
  const [argument, ...extra] = parsed.positionals;
  if (argument === undefined) throw InputError.of('scenario', 'missing: give a file path, an example name or an app URL');
  if (extra.length > 0) throw InputError.of('scenario', `expected one scenario, got also '${extra.join(' ')}'`);
  const loaded = loadScenario(argument);
  const untilMs = parsed.values.until === undefined ? (loaded.viewAtMs ?? DEFAULT_UNTIL_MS) : parseMilliseconds('--until', parsed.values.until);
  const atMs = parsed.values.at === undefined ? [] : parseMillisecondList('--at', parsed.values.at);
  // A link's exact position (e=) counts only when the run stops at the link's own time.
  const atEvent = parsed.values.until === undefined ? loaded.viewAtEvent : null;
  const report = runScenario(loaded.scenario, { untilMs, atEvent, atMs, history: parsed.flags.has('history') });
  output.out(parsed.flags.has('json') ? JSON.stringify(report) : formatRunReport(report));
  return exitCodeOf(report);
}
