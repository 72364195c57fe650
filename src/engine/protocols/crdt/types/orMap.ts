/**
 * OR-Map, a map that nests other CRDTs (the shopping cart of Dynamo, DeCandia et al. 2007,
 * built the Riak way): an OR-Set of keys decides which items are in the cart, and each item
 * carries a PN-Counter quantity and an LWW-Register price. Nested payloads merge with their
 * own joins, so the map's merge is the product of the three.
 *
 * Removing an item removes the key tags it observed and records the quantity counter it
 * observed in `removed` (a PN-Counter payload too, joined by pointwise maximum). The shown
 * quantity is the counter minus what removals observed, so two concurrent removals of the
 * same quantity subtract it once, and an add concurrent with a removal keeps the item
 * (add-wins) with exactly the quantity the remover did not see: the "deleted item reappears"
 * anomaly of Dynamo's cart becomes "the concurrent addition survives, nothing else does".
 * Invariant: removed[item] ≤ quantities[item] pointwise, so a quantity is never negative.
 */
import type { VersionVector } from '../versionVector';
import { estimateBytes, sortKeys, type CrdtType } from './common';
import type { CounterEffect } from './gCounter';
import { LWW_EMPTY, lwwMerge, type LwwRegisterPayload } from './lwwRegister';
import { pnDelta, pnDifference, pnEffect, pnMerge, pnValue, type PNCounterPayload } from './pnCounter';
import { orSetCollectGarbage, orSetDelta, orSetDifference, orSetDiscardCollected, orSetMerge, orSetPrepare, type OrSetEffect, type OrSetPayload } from './orSet';

export type OrMapPayload = {
  keys: OrSetPayload;
  quantities: Record<string, PNCounterPayload>;
  /** Per item, the join of the quantity counters that removals observed. */
  removed: Record<string, PNCounterPayload>;
  prices: Record<string, LwwRegisterPayload>;
};

export type OrMapEffect = {
  item: string;
  keys: OrSetEffect;
  quantity: CounterEffect | null;
  price: LwwRegisterPayload | null;
  removed: PNCounterPayload | null;
};

const EMPTY_COUNTER: PNCounterPayload = { increments: {}, decrements: {} };

export type CartLine = { quantity: number; price: number | null };

function mergeRecords<Value>(left: Record<string, Value>, right: Record<string, Value>, join: (a: Value, b: Value) => Value): Record<string, Value> {
  const merged: Record<string, Value> = { ...left };
  for (const key of Object.keys(right)) {
    const mine = merged[key];
    merged[key] = mine === undefined ? (right[key] as Value) : join(mine, right[key] as Value);
  }
  return sortKeys(merged);
}

function orMapMerge(left: OrMapPayload, right: OrMapPayload): OrMapPayload {
  return {
    keys: orSetMerge(left.keys, right.keys),
    quantities: mergeRecords(left.quantities, right.quantities, pnMerge),
    removed: mergeRecords(left.removed, right.removed, pnMerge),
    prices: mergeRecords(left.prices, right.prices, lwwMerge),
  };
}

function orMapDelta(payload: OrMapPayload, effect: OrMapEffect): OrMapPayload {
  const counter = payload.quantities[effect.item] ?? EMPTY_COUNTER;
  return {
    keys: orSetDelta(effect.keys),
    quantities: effect.quantity === null ? {} : { [effect.item]: pnDelta(counter, effect.quantity) },
    removed: effect.removed === null ? {} : { [effect.item]: effect.removed },
    prices: effect.price === null ? {} : { [effect.item]: effect.price },
  };
}

function orMapEffect(payload: OrMapPayload, effect: OrMapEffect): OrMapPayload {
  const counter = payload.quantities[effect.item] ?? EMPTY_COUNTER;
  return {
    keys: orSetMerge(payload.keys, orSetDelta(effect.keys)),
    quantities: effect.quantity === null ? payload.quantities : sortKeys({ ...payload.quantities, [effect.item]: pnEffect(counter, effect.quantity) }),
    removed: effect.removed === null ? payload.removed : sortKeys({ ...payload.removed, [effect.item]: pnMerge(payload.removed[effect.item] ?? EMPTY_COUNTER, effect.removed) }),
    prices: effect.price === null ? payload.prices : sortKeys({ ...payload.prices, [effect.item]: lwwMerge(payload.prices[effect.item] ?? LWW_EMPTY, effect.price) }),
  };
}

function counterDifferences(incoming: Record<string, PNCounterPayload>, local: Record<string, PNCounterPayload>): Record<string, PNCounterPayload> {
  const result: Record<string, PNCounterPayload> = {};
  for (const item in incoming) {
    const mine = local[item];
    const difference = mine === undefined ? (incoming[item] as PNCounterPayload) : pnDifference(incoming[item] as PNCounterPayload, mine);
    if (Object.keys(difference.increments).length > 0 || Object.keys(difference.decrements).length > 0) result[item] = difference;
  }
  return result;
}

function orMapDifference(incoming: OrMapPayload, local: OrMapPayload): OrMapPayload {
  const prices: Record<string, LwwRegisterPayload> = {};
  for (const item in incoming.prices) {
    const price = incoming.prices[item] as LwwRegisterPayload;
    if (lwwMerge(local.prices[item] ?? LWW_EMPTY, price) !== local.prices[item]) prices[item] = price;
  }
  return {
    keys: orSetDifference(incoming.keys, local.keys),
    quantities: counterDifferences(incoming.quantities, local.quantities),
    removed: counterDifferences(incoming.removed, local.removed),
    prices,
  };
}

export const orMap: CrdtType<OrMapPayload, OrMapEffect> = {
  name: 'or-map',
  title: 'OR-Map shopping cart',
  operations: ['cart-add', 'cart-remove'],
  initial: () => ({ keys: { entries: {}, tombstones: {} }, quantities: {}, removed: {}, prices: {} }),
  prepare(payload, operation, origin) {
    const item = operation.element;
    if (item === '') return null;
    if (operation.op === 'cart-add') {
      if (operation.amount < 1) return null;
      const keys = orSetPrepare(payload.keys, 'add', item, origin.replica, origin.counter) as OrSetEffect;
      const price = operation.price > 0 ? { value: operation.price, timestamp: origin.timestamp, replica: origin.replica } : null;
      return { item, keys, quantity: { replica: origin.replica, amount: operation.amount }, price, removed: null };
    }
    if (operation.op !== 'cart-remove') return null;
    const keys = orSetPrepare(payload.keys, 'remove', item, origin.replica, origin.counter);
    if (keys === null) return null;
    return { item, keys, quantity: null, price: null, removed: payload.quantities[item] ?? EMPTY_COUNTER };
  },
  effect: orMapEffect,
  delta: orMapDelta,
  merge: orMapMerge,
  difference: orMapDifference,
  value(payload) {
    const cart: Record<string, CartLine> = {};
    for (const item of Object.keys(payload.keys.entries).sort()) {
      const price = payload.prices[item]?.value;
      const quantity = pnValue(payload.quantities[item] ?? EMPTY_COUNTER) - pnValue(payload.removed[item] ?? EMPTY_COUNTER);
      cart[item] = { quantity, price: typeof price === 'number' ? price : null };
    }
    return cart;
  },
  sizeBytes: estimateBytes,
  effectSizeBytes: estimateBytes,
  tombstoneCount: (payload) => Object.keys(payload.keys.tombstones).length,
  collectGarbage(payload, stable: VersionVector) {
    const keys = orSetCollectGarbage(payload.keys, stable);
    return keys === payload.keys ? payload : { ...payload, keys };
  },
  discardCollected: (incoming, local, stable) => ({ ...incoming, keys: orSetDiscardCollected(incoming.keys, local.keys, stable) }),
};
