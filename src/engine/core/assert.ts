/** An engine invariant did not hold: a bug in the engine or a protocol, never bad user input. */
export class InvariantError extends Error {
  override name = 'InvariantError';
}

/** Asserts a positively stated invariant: `assert(matchIndex < nextIndex, '...')`. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}
