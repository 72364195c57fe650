/**
 * PN-Counter (Shapiro et al. 2011, Specification 7): two G-Counters, one for increments and
 * one for decrements; the value is their difference. Each half merges by pointwise maximum.
 */
import { estimateBytes, largerCounts, NO_TOMBSTONES, type CrdtType } from './common';
import { addToCount, mergeCounts, sumCounts, type CounterEffect } from './gCounter';

export type PNCounterPayload = {
  increments: Record<string, number>;
  decrements: Record<string, number>;
};

export function pnEffect(payload: PNCounterPayload, effect: CounterEffect): PNCounterPayload {
  return effect.amount >= 0
    ? { increments: addToCount(payload.increments, effect.replica, effect.amount), decrements: payload.decrements }
    : { increments: payload.increments, decrements: addToCount(payload.decrements, effect.replica, -effect.amount) };
}

export function pnDelta(payload: PNCounterPayload, effect: CounterEffect): PNCounterPayload {
  return effect.amount >= 0
    ? { increments: { [effect.replica]: (payload.increments[effect.replica] ?? 0) + effect.amount }, decrements: {} }
    : { increments: {}, decrements: { [effect.replica]: (payload.decrements[effect.replica] ?? 0) - effect.amount } };
}

export function pnMerge(left: PNCounterPayload, right: PNCounterPayload): PNCounterPayload {
  return { increments: mergeCounts(left.increments, right.increments), decrements: mergeCounts(left.decrements, right.decrements) };
}

export function pnDifference(incoming: PNCounterPayload, local: PNCounterPayload): PNCounterPayload {
  return { increments: largerCounts(incoming.increments, local.increments), decrements: largerCounts(incoming.decrements, local.decrements) };
}

export function pnValue(payload: PNCounterPayload): number {
  return sumCounts(payload.increments) - sumCounts(payload.decrements);
}

export const pnCounter: CrdtType<PNCounterPayload, CounterEffect> = {
  name: 'pn-counter',
  title: 'PN-Counter',
  operations: ['increment', 'decrement'],
  initial: () => ({ increments: {}, decrements: {} }),
  prepare(_payload, operation, origin) {
    if (operation.amount < 1) return null;
    if (operation.op === 'increment') return { replica: origin.replica, amount: operation.amount };
    if (operation.op === 'decrement') return { replica: origin.replica, amount: -operation.amount };
    return null;
  },
  effect: pnEffect,
  delta: pnDelta,
  merge: pnMerge,
  difference: pnDifference,
  value: pnValue,
  sizeBytes: estimateBytes,
  effectSizeBytes: estimateBytes,
  ...NO_TOMBSTONES,
};
