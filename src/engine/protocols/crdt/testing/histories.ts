/**
 * Test support, free of npm imports: random histories of one data type across a few
 * replicas (local operations and full-state merges), the causal broadcast view of the same
 * history (every effect with its dot and dependencies), and independent reference semantics
 * for each type computed from the operations alone.
 */
import type { PlainData } from '../../../core/plainData';
import type { CrdtOperation, CrdtType, CrdtTypeName, OperationName } from '../types/common';
import { covers, mergeVectors, sortVector, type VersionVector } from '../versionVector';

/** One step of a history: an operation at a replica (choices pick its arguments) or a merge. */
export type HistoryStep =
  | { kind: 'operation'; replica: number; choice: number; amount: number; timestamp: number }
  | { kind: 'merge'; from: number; to: number };

export type RecordedEffect = {
  origin: string;
  counter: number;
  dependencies: VersionVector;
  operation: CrdtOperation;
  timestamp: number;
  effect: PlainData;
  /** The payload at the origin just before, for the delta law. */
  before: PlainData;
};

export type HistoryResult = {
  payloads: PlainData[];
  vectors: VersionVector[];
  effects: RecordedEffect[];
  /** Every payload reached, for the merge laws. */
  reached: PlainData[];
};

const ELEMENTS = ['a', 'b', 'c'];
const OPERATIONS: Record<CrdtTypeName, OperationName[]> = {
  'g-counter': ['increment'],
  'pn-counter': ['increment', 'decrement'],
  'lww-register': ['set'],
  'mv-register': ['set'],
  'or-set': ['add', 'add', 'remove'],
  'or-map': ['cart-add', 'cart-add', 'cart-remove'],
  rga: ['insert', 'insert', 'delete'],
};

/** A deterministic operation for `type` from a few random integers. */
export function operationFromChoice(type: CrdtTypeName, value: PlainData, choice: number, amount: number): CrdtOperation {
  const names = OPERATIONS[type];
  const op = names[choice % names.length] as OperationName;
  const element = ELEMENTS[Math.floor(choice / 7) % ELEMENTS.length] as string;
  const length = typeof value === 'string' ? value.length : 0;
  return {
    op,
    element,
    amount: 1 + (amount % 3),
    value: `v${choice % 5}`,
    text: op === 'insert' ? 'xyz'.slice(0, 1 + (amount % 3)) : '',
    position: Math.floor(choice / 3) % (length + 1),
    price: choice % 2 === 0 ? 100 + (choice % 50) : 0,
  };
}

export function runHistory(type: CrdtType, steps: readonly HistoryStep[], replicaCount: number): HistoryResult {
  const ids = Array.from({ length: replicaCount }, (_, index) => `n${index + 1}`);
  const payloads: PlainData[] = ids.map(() => type.initial());
  const vectors: VersionVector[] = ids.map(() => ({}));
  const effects: RecordedEffect[] = [];
  const reached: PlainData[] = [...payloads];
  for (const step of steps) {
    if (step.kind === 'merge') {
      const from = step.from % replicaCount;
      const to = step.to % replicaCount;
      payloads[to] = type.merge(payloads[to] as PlainData, payloads[from] as PlainData);
      vectors[to] = mergeVectors(vectors[to] as VersionVector, vectors[from] as VersionVector);
      reached.push(payloads[to] as PlainData);
      continue;
    }
    const index = step.replica % replicaCount;
    const replica = ids[index] as string;
    const before = payloads[index] as PlainData;
    const dependencies = vectors[index] as VersionVector;
    const counter = (dependencies[replica] ?? 0) + 1;
    const operation = operationFromChoice(type.name, type.value(before), step.choice, step.amount);
    const effect = type.prepare(before, operation, { replica, counter, timestamp: step.timestamp, versionVector: dependencies });
    if (effect === null) continue;
    payloads[index] = type.effect(before, effect);
    vectors[index] = sortVector({ ...dependencies, [replica]: counter });
    effects.push({ origin: replica, counter, dependencies, operation, timestamp: step.timestamp, effect, before });
    reached.push(payloads[index] as PlainData);
  }
  return { payloads, vectors, effects, reached };
}

/** A causal delivery order of `effects`, chosen by `pick(readyCount)`. */
export function causalOrder(effects: readonly RecordedEffect[], pick: (readyCount: number) => number): RecordedEffect[] {
  const remaining = [...effects];
  const delivered: VersionVector = {};
  const order: RecordedEffect[] = [];
  while (remaining.length > 0) {
    const ready = remaining.filter(
      (effect) =>
        (delivered[effect.origin] ?? 0) === effect.counter - 1 &&
        Object.keys(effect.dependencies).every((replica) => replica === effect.origin || (effect.dependencies[replica] as number) <= (delivered[replica] ?? 0)),
    );
    const chosen = ready[pick(ready.length) % ready.length] as RecordedEffect;
    order.push(chosen);
    delivered[chosen.origin] = chosen.counter;
    remaining.splice(remaining.indexOf(chosen), 1);
  }
  return order;
}

/** Last-writer-wins order: timestamp, then replica, then the value itself. */
function laterWrite(effect: RecordedEffect, than: RecordedEffect | null, value: (effect: RecordedEffect) => string): boolean {
  if (than === null) return true;
  if (effect.timestamp !== than.timestamp) return effect.timestamp > than.timestamp;
  if (effect.origin !== than.origin) return effect.origin > than.origin;
  return value(effect) >= value(than);
}

const observedBy = (earlier: RecordedEffect, later: RecordedEffect): boolean => covers(later.dependencies, earlier.origin, earlier.counter);

/** Independent reference semantics: the value every replica must show once it delivered all of `effects`. */
export function referenceValue(type: CrdtTypeName, effects: readonly RecordedEffect[]): PlainData {
  switch (type) {
    case 'g-counter':
    case 'pn-counter':
      return effects.reduce((total, effect) => total + (effect.operation.op === 'decrement' ? -1 : 1) * effect.operation.amount, 0);
    case 'lww-register': {
      let winner: RecordedEffect | null = null;
      for (const effect of effects) {
        if (laterWrite(effect, winner, (write) => write.operation.value)) winner = effect;
      }
      return winner?.operation.value ?? null;
    }
    case 'mv-register':
      // The writes no other write has seen.
      return effects
        .filter((effect) => !effects.some((other) => other !== effect && observedBy(effect, other)))
        .map((effect) => effect.operation.value)
        .sort();
    case 'or-set':
      return referenceSet(effects, 'add', 'remove');
    case 'or-map':
      return referenceCart(effects);
    case 'rga':
      return null;
  }
}

function survivingAdds(effects: readonly RecordedEffect[], add: OperationName, remove: OperationName): RecordedEffect[] {
  return effects.filter(
    (effect) => effect.operation.op === add && !effects.some((other) => other.operation.op === remove && other.operation.element === effect.operation.element && observedBy(effect, other)),
  );
}

function referenceSet(effects: readonly RecordedEffect[], add: OperationName, remove: OperationName): string[] {
  return [...new Set(survivingAdds(effects, add, remove).map((effect) => effect.operation.element))].sort();
}

function referenceCart(effects: readonly RecordedEffect[]): PlainData {
  const cart: Record<string, PlainData> = {};
  const surviving = survivingAdds(effects, 'cart-add', 'cart-remove');
  for (const item of referenceSet(effects, 'cart-add', 'cart-remove')) {
    const quantity = surviving.filter((effect) => effect.operation.element === item).reduce((total, effect) => total + effect.operation.amount, 0);
    let price: RecordedEffect | null = null;
    for (const effect of effects) {
      if (effect.operation.op !== 'cart-add' || effect.operation.element !== item || effect.operation.price === 0) continue;
      if (laterWrite(effect, price, (write) => String(write.operation.price))) price = effect;
    }
    cart[item] = { quantity, price: price?.operation.price ?? null };
  }
  return cart;
}
