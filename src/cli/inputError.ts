/**
 * Bad input to the CLI: a missing file, a malformed URL, an invalid scenario field, a bad
 * option. Every problem names the field (or option) it is about, so the message on stderr
 * says where to look. The CLI exits with code 2 for these, never with a stack trace.
 */
import type { ScenarioProblem } from '../scenario';

export class InputError extends Error {
  override name = 'InputError';

  constructor(readonly problems: readonly ScenarioProblem[]) {
    super(problems.map((entry) => `${entry.field}: ${entry.problem}`).join('\n'));
  }

  static of(field: string, problem: string): InputError {
    return new InputError([{ field, problem }]);
  }
}
