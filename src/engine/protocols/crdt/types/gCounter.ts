/**
 * G-Counter, a grow-only counter (Shapiro et al. 2011, Specification 6): one entry per replica
 * holding the sum of that replica's increments. Merge is the pointwise maximum, so each
 * replica's own entry only ever grows and nothing is counted twice.
 */
import { estimateBytes, largerCounts, NO_TOMBSTONES, sortKeys, type CrdtType } from './common';

export type GCounterPayload = {
  /** Per-replica sums of increments. */
  counts: Record<string, number>;
};

export type CounterEffect = {
  replica: string;
  /** Positive for an increment, negative for a decrement (PN-Counter only). */
  amount: number;
};

export function mergeCounts(left: Record<string, number>, right: Record<string, number>): Record<string, number> {
  const merged: Record<string, number> = { ...left };
  for (const replica of Object.keys(right)) {
    const count = right[replica] as number;
    if (count > (merged[replica] ?? 0)) merged[replica] = count;
  }
  return sortKeys(merged);
}

export function sumCounts(counts: Record<string, number>): number {
  let total = 0;
  for (const replica of Object.keys(counts)) total += counts[replica] as number;
  return total;
}

export function addToCount(counts: Record<string, number>, replica: string, amount: number): Record<string, number> {
  return sortKeys({ ...counts, [replica]: (counts[replica] ?? 0) + amount });
}

export const gCounter: CrdtType<GCounterPayload, CounterEffect> = {
  name: 'g-counter',
  title: 'G-Counter',
  operations: ['increment'],
  initial: () => ({ counts: {} }),
  prepare(_payload, operation, origin) {
    if (operation.op !== 'increment' || operation.amount < 1) return null;
    return { replica: origin.replica, amount: operation.amount };
  },
  effect: (payload, effect) => ({ counts: addToCount(payload.counts, effect.replica, effect.amount) }),
  delta: (payload, effect) => ({ counts: { [effect.replica]: (payload.counts[effect.replica] ?? 0) + effect.amount } }),
  merge: (left, right) => ({ counts: mergeCounts(left.counts, right.counts) }),
  difference: (incoming, local) => ({ counts: largerCounts(incoming.counts, local.counts) }),
  value: (payload) => sumCounts(payload.counts),
  sizeBytes: estimateBytes,
  effectSizeBytes: estimateBytes,
  ...NO_TOMBSTONES,
};
