/** An engine invariant did not hold: a bug in the engine or a protocol, never bad user input. */
export class InvariantError extends Error {
  override name = 'InvariantError';
}

/**
 * Asserts a positively stated invariant: `assert(matchIndex < nextIndex, '...')`. The message
 * is built before the call, so on a hot path with a computed message write
 * `if (!condition) invariantBroken(\`...\`)` instead: the text is then built only on failure.
 */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}

export function invariantBroken(message: string): never {
  throw new InvariantError(message);
}
