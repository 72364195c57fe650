/**
 * The common shape of every replicated data type. A type is a set of pure functions over
 * plain-data payloads (no classes in state): checkpoints copy payloads, messages carry them,
 * and inspect() prints them as they are, so a payload is also the "internal state" a view
 * shows (tags, tombstones, per-replica counts).
 *
 * One type serves all three sync modes (Shapiro et al. 2011; Almeida et al. 2018):
 *  - `prepare` runs once at the origin and turns a user operation into an effect;
 *  - op-based sync ships the effect and applies it downstream with `effect`, in causal order;
 *  - delta-state sync ships `delta`, the join-decomposed state fragment of the same effect;
 *  - state-based sync ships whole payloads and joins them with `merge`.
 * Invariant (tested with fast-check): merge(p, delta(p, e)) = effect(p, e) for every effect
 * e prepared at a replica whose payload is p or causally later; merge is commutative,
 * associative and idempotent.
 */
import type { PlainData } from '../../../core/plainData';
import type { VersionVector } from '../versionVector';

export type CrdtTypeName = 'g-counter' | 'pn-counter' | 'lww-register' | 'mv-register' | 'or-set' | 'or-map' | 'rga';

export const CRDT_TYPE_NAMES: readonly CrdtTypeName[] = ['g-counter', 'pn-counter', 'lww-register', 'mv-register', 'or-set', 'or-map', 'rga'];

export type OperationName = 'increment' | 'decrement' | 'set' | 'add' | 'remove' | 'cart-add' | 'cart-remove' | 'insert' | 'delete';

export const OPERATION_NAMES: readonly OperationName[] = ['increment', 'decrement', 'set', 'add', 'remove', 'cart-add', 'cart-remove', 'insert', 'delete'];

/** A user's operation, from the workload or a client request. Fields a type does not use are ignored. */
export interface CrdtOperation {
  op: OperationName;
  /** The set element or cart item. */
  element: string;
  /** Counter step, cart quantity to add, or characters to delete. At least 1. */
  amount: number;
  /** The register value. */
  value: string;
  /** Characters to insert into the text. */
  text: string;
  /** Index in the visible text: insert before it, delete from it. */
  position: number;
  /** Cart price in cents; 0 leaves the price as it is. */
  price: number;
}

/** Where and when an operation is prepared: the dot it will get, the local clock, the causal past. */
export interface OperationOrigin {
  replica: string;
  /** The new update's counter: one more than the origin's own entry in its version vector. */
  counter: number;
  /** The origin's local clock in microseconds (skewable: LWW timestamps come from here). */
  timestamp: number;
  /** The updates delivered at the origin before this one. */
  versionVector: VersionVector;
}

export interface CrdtType<Payload extends PlainData = PlainData, Effect extends PlainData = PlainData> {
  name: CrdtTypeName;
  title: string;
  /** The operations this type accepts; others are refused with a note. */
  operations: readonly OperationName[];
  initial(): Payload;
  /** Reads the local payload (e.g. the tags a remove observes) and returns the effect, or null when the operation changes nothing. */
  prepare(payload: Payload, operation: CrdtOperation, origin: OperationOrigin): Effect | null;
  /** Applies an effect; requires causal delivery (every effect it depends on already applied). */
  effect(payload: Payload, effect: Effect): Payload;
  /** The delta-mutator (Almeida et al. 2018 §3): the smallest payload whose join with `payload` applies `effect`. */
  delta(payload: Payload, effect: Effect): Payload;
  /** The join of the payload semilattice. */
  merge(left: Payload, right: Payload): Payload;
  /**
   * The part of `incoming` that `local` lacks: the join-decomposition difference Δ(incoming,
   * local) of Enes et al. 2019 ("Efficient synchronization of state-based CRDTs", §4, RR).
   * Invariant: merge(local, difference(incoming, local)) = merge(local, incoming). The
   * delta-state mode buffers only this, so it never forwards what the receiver already had.
   */
  difference(incoming: Payload, local: Payload): Payload;
  /** What a user sees. */
  value(payload: Payload): PlainData;
  sizeBytes(payload: Payload): number;
  effectSizeBytes(effect: Effect): number;
  /** Tombstones kept for removed elements (0 for types without removal). */
  tombstoneCount(payload: Payload): number;
  /** Drops tombstones whose removal is causally stable: covered by `stable`, delivered everywhere. */
  collectGarbage(payload: Payload, stable: VersionVector): Payload;
  /**
   * Strips from an incoming payload what this replica already garbage-collected: anything
   * whose dot `stable` covers but `local` no longer holds was removed and collected here, so
   * it must not come back from an old message still in flight.
   */
  discardCollected(incoming: Payload, local: Payload, stable: VersionVector): Payload;
}

/** The trivial difference: all of it (correct, just not minimal). */
export const WHOLE_DIFFERENCE = <Payload>(incoming: Payload): Payload => incoming;

/** A type without tombstones: nothing to collect, nothing to discard. */
export const NO_TOMBSTONES = {
  tombstoneCount: (): number => 0,
  collectGarbage: <Payload>(payload: Payload): Payload => payload,
  discardCollected: <Payload>(incoming: Payload): Payload => incoming,
};

/**
 * An estimate of the encoded size in bytes, close to a compact binary encoding: 8 bytes per
 * number, the length of each string plus one, one byte per boolean or null, a byte of framing
 * per array or object. Used for bytes on the wire; it only has to be consistent across modes.
 */
export function estimateBytes(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'number') return 8;
  if (typeof value === 'string') return value.length + 1;
  if (Array.isArray(value)) {
    let total = 1;
    for (const item of value) total += estimateBytes(item);
    return total;
  }
  if (typeof value === 'object') {
    let total = 1;
    for (const key in value as Record<string, unknown>) {
      const field = (value as Record<string, unknown>)[key];
      if (field !== undefined) total += key.length + 1 + estimateBytes(field);
    }
    return total;
  }
  return 0;
}

/** Sorted union of two sorted string lists without duplicates. */
export function unionSorted(left: readonly string[], right: readonly string[]): string[] {
  if (right.length === 0) return left as string[];
  if (left.length === 0) return right as string[];
  return [...new Set([...left, ...right])].sort();
}

/** Per-replica counts in `incoming` that exceed `local`'s. */
export function largerCounts(incoming: Record<string, number>, local: Record<string, number>): Record<string, number> {
  const larger: Record<string, number> = {};
  for (const replica in incoming) if ((incoming[replica] as number) > (local[replica] ?? 0)) larger[replica] = incoming[replica] as number;
  return larger;
}

/** A copy of `record` with keys in sorted order, so equal payloads print equally. */
export function sortKeys<Value>(record: Record<string, Value>): Record<string, Value> {
  const sorted: Record<string, Value> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key] as Value;
  return sorted;
}
