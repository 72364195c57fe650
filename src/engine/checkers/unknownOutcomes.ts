/**
 * Settles what can be settled about operations with unknown outcome (info) before the search.
 *
 * An info operation stays in the search until it is linearized: it may enter the order at
 * any point after its invoke, so every one still open multiplies the configurations the
 * search must rule out before it can say "not linearizable". Two sound rewrites remove
 * most of them; neither changes whether a key's history is linearizable.
 *
 * 1. Unobservable writes are dropped.
 *    Claim: let W be an info put (or cas) writing v, and suppose no ok get read, and no cas
 *    (ok or info) expected, a value starting with v. If the key's history is linearizable
 *    with W in the order, it is linearizable without W.
 *    Why: after W the register holds v, then v + suffixes while only appends follow. Any get
 *    or successful cas in that stretch would observe a value starting with v, which none
 *    does; so the stretch holds only appends, and ends at a put or at the end of the
 *    history. Removing W changes only values inside the stretch, which nobody observed, and
 *    the put that ends it restores the same register. The same argument covers an info
 *    append of suffix s when no observed value contains s, and an append of '' (no effect).
 *    The converse is free: an info operation may always be left out. Dropping several
 *    repeats the argument, the observed values only shrinking as operations go.
 *
 * 2. Observed writes with a unique value become required, with a deadline.
 *    Claim: let W be an info put (or cas) writing v ≠ '', the only put or cas writing v,
 *    with no append whose non-empty suffix ends v. If an ok get reads v, or an ok cas
 *    expects v, then in every linearization W comes before that observer.
 *    Why: the register starts absent, so the value v the observer sees was produced by an
 *    earlier operation, and W is the only one that can produce v. So W took effect, before
 *    the earliest such observer completed: it is an ok operation whose interval ends there.
 *    (When that observer completed before W was even invoked, W is left alone; the search
 *    then reports the observer, which is where the history is wrong.)
 */
import type { RegisterOperation } from './historyOperations';
import type { RegisterValue } from './kvModel';

export interface SettledOperations {
  operations: RegisterOperation[];
  dropped: number;
  /** Info writes turned into required ones by rule 2. */
  promoted: number;
}

/** Operations of one key in invoke order; keeps that order. */
export function settleUnknownOutcomes(operations: readonly RegisterOperation[]): SettledOperations {
  const observed = observedValues(operations);
  const firstObserver = earliestObservers(operations);
  let promoted = 0;
  const settled: RegisterOperation[] = [];
  for (const operation of operations) {
    if (operation.outcome === 'ok') {
      settled.push(operation);
      continue;
    }
    if (!isObservable(operation, observed)) continue;
    const written = writtenValue(operation);
    const observer = written === null ? undefined : firstObserver.get(written);
    if (written !== null && observer !== undefined && observer.completePosition > operation.invokePosition && hasUniqueProducer(written, operation, operations)) {
      settled.push({ ...operation, outcome: 'ok', completePosition: observer.completePosition });
      promoted++;
      continue;
    }
    settled.push(operation);
  }
  return { operations: settled, dropped: operations.length - settled.length, promoted };
}

/** Every register value some operation's outcome depends on. */
function observedValues(operations: readonly RegisterOperation[]): string[] {
  const observed = new Set<string>();
  for (const operation of operations) {
    const { command } = operation;
    if (command.f === 'get' && operation.outcome === 'ok' && operation.read !== null) observed.add(operation.read);
    if (command.f === 'cas' && command.expected !== null) observed.add(command.expected);
  }
  return [...observed];
}

/** For each value an ok operation certainly saw (an ok get's read, an ok cas's expected), the one that completed first. */
function earliestObservers(operations: readonly RegisterOperation[]): Map<string, RegisterOperation> {
  const earliest = new Map<string, RegisterOperation>();
  for (const operation of operations) {
    if (operation.outcome !== 'ok') continue;
    const { command } = operation;
    const seen: RegisterValue = command.f === 'get' ? operation.read : command.f === 'cas' ? command.expected : null;
    if (seen === null) continue;
    const known = earliest.get(seen);
    if (known === undefined || operation.completePosition < known.completePosition) earliest.set(seen, operation);
  }
  return earliest;
}

function isObservable(operation: RegisterOperation, observed: readonly string[]): boolean {
  const { command } = operation;
  switch (command.f) {
    case 'put':
      return observed.some((value) => value.startsWith(command.value));
    case 'cas':
      return observed.some((value) => value.startsWith(command.replacement));
    case 'append':
      return command.suffix !== '' && observed.some((value) => value.includes(command.suffix));
    case 'get':
      // An unknown get was already dropped: it read nothing we know.
      return false;
  }
}

/** The value a put or cas writes; null for appends (their result depends on the register). */
function writtenValue(operation: RegisterOperation): string | null {
  const { command } = operation;
  if (command.f === 'put') return command.value;
  if (command.f === 'cas') return command.replacement;
  return null;
}

/** True when `writer` is the only operation that can leave the register at `value` (rule 2). */
function hasUniqueProducer(value: string, writer: RegisterOperation, operations: readonly RegisterOperation[]): boolean {
  if (value === '') return false;
  return operations.every((other) => {
    if (other === writer) return true;
    const { command } = other;
    if (command.f === 'append') return command.suffix === '' || !value.endsWith(command.suffix);
    return writtenValue(other) !== value;
  });
}
