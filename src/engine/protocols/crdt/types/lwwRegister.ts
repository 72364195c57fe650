/**
 * LWW-Register (Shapiro et al. 2011, Specification 8): the write with the largest
 * (timestamp, replica) pair wins. The timestamp is the writer's local clock, which the
 * simulator can skew: a replica whose clock runs behind loses to writes that happened
 * earlier in real time. That is the register's documented semantics, not a bug; the
 * lost-update checker of the naive store (naiveStore.ts) makes the cost visible.
 */
import { estimateBytes, NO_TOMBSTONES, WHOLE_DIFFERENCE, type CrdtType } from './common';

export type LwwRegisterPayload = {
  value: string | number | null;
  /** Local-clock microseconds at the writer (negative when a clock is skewed back); MIN_SAFE_INTEGER before the first write. */
  timestamp: number;
  /** The writer, which breaks timestamp ties. */
  replica: string;
};

/** The total order (timestamp, replica, value): the value only separates two writes of one replica at one clock reading. */
export function lwwWins(left: LwwRegisterPayload, right: LwwRegisterPayload): boolean {
  if (left.timestamp !== right.timestamp) return left.timestamp > right.timestamp;
  if (left.replica !== right.replica) return left.replica > right.replica;
  return String(left.value) >= String(right.value);
}

export function lwwMerge(left: LwwRegisterPayload, right: LwwRegisterPayload): LwwRegisterPayload {
  return lwwWins(left, right) ? left : right;
}

export const LWW_EMPTY: LwwRegisterPayload = { value: null, timestamp: Number.MIN_SAFE_INTEGER, replica: '' };

export const lwwRegister: CrdtType<LwwRegisterPayload, LwwRegisterPayload> = {
  name: 'lww-register',
  title: 'LWW-Register',
  operations: ['set'],
  initial: () => ({ ...LWW_EMPTY }),
  prepare(_payload, operation, origin) {
    if (operation.op !== 'set') return null;
    return { value: operation.value, timestamp: origin.timestamp, replica: origin.replica };
  },
  effect: lwwMerge,
  delta: (_payload, effect) => effect,
  merge: lwwMerge,
  difference: WHOLE_DIFFERENCE,
  value: (payload) => payload.value,
  sizeBytes: estimateBytes,
  effectSizeBytes: estimateBytes,
  ...NO_TOMBSTONES,
};
