/**
 * The Wing–Gong linearizability search with Lowe's memoization (WGL), for one key.
 *
 * References: J. M. Wing and C. Gong, "Testing and Verifying Concurrent Objects" (1993);
 * G. Lowe, "Testing for linearizability" (2017), §3 (the WGL algorithm: the Wing–Gong
 * search plus a cache of configurations already explored). Porcupine (anishathalye) and
 * Knossos follow the same shape.
 *
 * The history is a doubly linked list of call and return entries in real-time order. The
 * search walks it from the head: at a call it tries to linearize that operation next
 * (apply it to the model; "lift" its call and return out of the list) and restarts from
 * the head; at a return it has met an operation that completed before being linearized,
 * so the last choice was wrong: pop it, put its entries back ("unlift"), and try the next
 * call after it. A configuration is (set of linearized operations, model state); one seen
 * before is never explored again, because what can follow depends on nothing else.
 *
 * Operations with unknown outcome (info) have a call entry but no return entry: nothing
 * forces them into the order, and they may enter it at any point after their call. The
 * search succeeds once every ok operation is linearized, whatever became of the others.
 */
import { assert } from '../core/assert';
import { FrontierBitset } from './frontierBitset';
import type { RegisterOperation } from './historyOperations';
import { isWrite, stepRegister, type RegisterValue } from './kvModel';

/** How many operations of the deepest attempt an explanation quotes. */
const RECENT_KEPT = 3;

export type KeyVerdict = 'linearizable' | 'not-linearizable' | 'unknown';

/** Where the deepest attempt (most operations placed) got stuck. */
export interface SearchFailure {
  /** The operation that completed before any consistent order could place it. */
  blocked: RegisterOperation;
  /** Operations placed in that deepest consistent order. */
  placedCount: number;
  /** The register after them. */
  state: RegisterValue;
  /** The last write among them (the one the register's value came from), if any. */
  lastWrite: RegisterOperation | null;
  /** The last few operations of that order, oldest first. */
  recent: RegisterOperation[];
}

export interface KeySearchResult {
  verdict: KeyVerdict;
  statesExplored: number;
  /** Set when the verdict is not-linearizable. */
  failure: SearchFailure | null;
}

/**
 * The call/return list over array indices. Entry 0 is the head sentinel and the last
 * entry the tail sentinel. Invariant: lift and unlift happen in stack order, so each
 * unlift finds its neighbours exactly as the matching lift left them (dancing links).
 */
class EntryList {
  readonly head = 0;
  readonly tail: number;
  readonly next: Int32Array;
  readonly previous: Int32Array;
  /** The operation of each entry, and whether the entry is its call. */
  readonly operationOf: Int32Array;
  readonly isCall: Uint8Array;
  readonly callEntry: Int32Array;
  /** -1 for operations with unknown outcome. */
  readonly returnEntry: Int32Array;

  constructor(operations: readonly RegisterOperation[]) {
    const events: { position: number; operation: number; isCall: boolean }[] = [];
    operations.forEach((operation, index) => {
      events.push({ position: operation.invokePosition, operation: index, isCall: true });
      if (operation.outcome === 'ok') events.push({ position: operation.completePosition, operation: index, isCall: false });
    });
    events.sort((a, b) => a.position - b.position);
    this.tail = events.length + 1;
    this.next = new Int32Array(events.length + 2);
    this.previous = new Int32Array(events.length + 2);
    this.operationOf = new Int32Array(events.length + 2).fill(-1);
    this.isCall = new Uint8Array(events.length + 2);
    this.callEntry = new Int32Array(operations.length);
    this.returnEntry = new Int32Array(operations.length).fill(-1);
    for (let entry = 0; entry <= this.tail; entry++) {
      this.next[entry] = Math.min(entry + 1, this.tail);
      this.previous[entry] = Math.max(entry - 1, 0);
    }
    events.forEach((event, index) => {
      const entry = index + 1;
      this.operationOf[entry] = event.operation;
      this.isCall[entry] = event.isCall ? 1 : 0;
      if (event.isCall) this.callEntry[event.operation] = entry;
      else this.returnEntry[event.operation] = entry;
    });
  }

  lift(operation: number): void {
    this.remove(this.callEntry[operation] as number);
    const returnEntry = this.returnEntry[operation] as number;
    if (returnEntry >= 0) this.remove(returnEntry);
  }

  unlift(operation: number): void {
    const returnEntry = this.returnEntry[operation] as number;
    if (returnEntry >= 0) this.reinsert(returnEntry);
    this.reinsert(this.callEntry[operation] as number);
  }

  private remove(entry: number): void {
    const before = this.previous[entry] as number;
    const after = this.next[entry] as number;
    this.next[before] = after;
    this.previous[after] = before;
  }

  private reinsert(entry: number): void {
    this.next[this.previous[entry] as number] = entry;
    this.previous[this.next[entry] as number] = entry;
  }
}

/** The linearized set, split so operations with unknown outcome do not widen the required frontier. */
class LinearizedSet {
  private readonly required: FrontierBitset;
  private readonly optional: FrontierBitset;
  /** Bit index of each operation within its own bitset. */
  private readonly bitOf: Int32Array;
  readonly isRequired: Uint8Array;
  readonly requiredCount: number;

  constructor(operations: readonly RegisterOperation[]) {
    this.bitOf = new Int32Array(operations.length);
    this.isRequired = new Uint8Array(operations.length);
    let required = 0;
    let optional = 0;
    operations.forEach((operation, index) => {
      const isRequired = operation.outcome === 'ok';
      this.isRequired[index] = isRequired ? 1 : 0;
      this.bitOf[index] = isRequired ? required++ : optional++;
    });
    this.requiredCount = required;
    this.required = new FrontierBitset(required);
    this.optional = new FrontierBitset(optional);
  }

  add(operation: number): void {
    this.bitsetOf(operation).set(this.bitOf[operation] as number);
  }

  remove(operation: number): void {
    this.bitsetOf(operation).clear(this.bitOf[operation] as number);
  }

  key(): string {
    return this.required.key() + '|' + this.optional.key();
  }

  private bitsetOf(operation: number): FrontierBitset {
    return this.isRequired[operation] === 1 ? this.required : this.optional;
  }
}

/** Small integers for register values, so cache keys do not repeat long appended strings. */
class StateNames {
  private readonly ids = new Map<string, number>();

  idOf(state: RegisterValue): number {
    if (state === null) return 0;
    let id = this.ids.get(state);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(state, id);
    }
    return id;
  }
}

/**
 * Searches for a linearization of one key's operations (in invoke order). Gives up with
 * 'unknown' after `budget` new configurations: a verdict of linearizable is only ever
 * given for a complete order found.
 */
export function searchLinearization(operations: readonly RegisterOperation[], budget: number): KeySearchResult {
  const list = new EntryList(operations);
  const linearized = new LinearizedSet(operations);
  const states = new StateNames();
  const seen = new Set<string>();
  const stackOperations = new Int32Array(operations.length);
  const stackStates: RegisterValue[] = new Array(operations.length);
  // The last write placed at or below each level, or -1: names the register's source in explanations.
  const stackLastWrite = new Int32Array(operations.length);
  let depth = 0;
  let state: RegisterValue = null;
  let requiredLeft = linearized.requiredCount;
  let statesExplored = 0;
  let failure: SearchFailure | null = null;

  let entry = list.next[list.head] as number;
  while (requiredLeft > 0) {
    assert(entry !== list.tail, 'an ok operation that is not linearized still has its return entry in the list');
    const operation = list.operationOf[entry] as number;
    if (list.isCall[entry] === 0) {
      // `operation` completed here without being linearized: the last choice was wrong.
      if (failure === null || depth > failure.placedCount) failure = describeFailure(operations, operation, state, stackOperations, stackLastWrite, depth);
      if (depth === 0) return { verdict: 'not-linearizable', statesExplored, failure };
      depth--;
      const undone = stackOperations[depth] as number;
      state = stackStates[depth] as RegisterValue;
      linearized.remove(undone);
      if (linearized.isRequired[undone] === 1) requiredLeft++;
      list.unlift(undone);
      entry = list.next[list.callEntry[undone] as number] as number;
      continue;
    }
    const candidate = operations[operation] as RegisterOperation;
    const after = stepRegister(state, candidate.command, candidate.read);
    if (after !== undefined) {
      linearized.add(operation);
      const configuration = linearized.key() + '|' + states.idOf(after);
      if (!seen.has(configuration)) {
        seen.add(configuration);
        statesExplored++;
        if (statesExplored > budget) return { verdict: 'unknown', statesExplored: budget, failure: null };
        stackOperations[depth] = operation;
        stackStates[depth] = state;
        stackLastWrite[depth] = isWrite(candidate.command) ? operation : depth === 0 ? -1 : (stackLastWrite[depth - 1] as number);
        depth++;
        state = after;
        if (linearized.isRequired[operation] === 1) requiredLeft--;
        list.lift(operation);
        entry = list.next[list.head] as number;
        continue;
      }
      linearized.remove(operation);
    }
    entry = list.next[entry] as number;
  }
  return { verdict: 'linearizable', statesExplored, failure: null };
}

function describeFailure(
  operations: readonly RegisterOperation[],
  blocked: number,
  state: RegisterValue,
  stackOperations: Int32Array,
  stackLastWrite: Int32Array,
  depth: number,
): SearchFailure {
  const lastWriteIndex = depth === 0 ? -1 : (stackLastWrite[depth - 1] as number);
  const lastWrite = lastWriteIndex < 0 ? null : (operations[lastWriteIndex] as RegisterOperation);
  const recent: RegisterOperation[] = [];
  for (let level = Math.max(0, depth - RECENT_KEPT); level < depth; level++) recent.push(operations[stackOperations[level] as number] as RegisterOperation);
  return { blocked: operations[blocked] as RegisterOperation, placedCount: depth, state, lastWrite, recent };
}
