/**
 * Entry point of `npm run -s sim -- ...`; see cli.ts. A crash inside the CLI or the
 * engine exits 3, so it can never pass for an invariant violation (1) or bad input (2).
 */
import { runCli } from './cli';

const EXIT_INTERNAL_ERROR = 3;

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    error: (text) => process.stderr.write(`${text}\n`),
  });
} catch (error) {
  process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = EXIT_INTERNAL_ERROR;
}
