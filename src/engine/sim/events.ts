/**
 * Entries of the event queue. One shape for every kind keeps the hot loop monomorphic.
 * Invariant: a cancelled entry is never dispatched; a timer entry whose generation no longer
 * matches its node's timer is stale and skipped.
 */
import type { Microseconds } from '../core/time';

export const DELIVER = 0;
export const TIMER = 1;

export interface QueuedEvent {
  time: Microseconds;
  seq: number;
  kind: typeof DELIVER | typeof TIMER;
  /** Target node index. */
  node: number;
  /** Sender node index for deliveries, -1 for timers. */
  from: number;
  /** Message id for deliveries, 0 for timers. */
  messageId: number;
  message: unknown;
  messageType: string;
  /** messageType interned in the trace (-1 for timers). */
  messageTypeId: number;
  sentAt: Microseconds;
  timerKey: string;
  generation: number;
  cancelled: boolean;
  /** Delivered by hand: passes a held link (a cut still drops it). */
  forced: boolean;
}

export interface InFlightMessage {
  id: number;
  from: string;
  to: string;
  type: string;
  label: string | null;
  sentAtMs: number;
  /** When it will arrive; null while waiting on a held link. */
  deliverAtMs: number | null;
  held: boolean;
  /** The payload; absent when inspect() was asked for another message's payload only (payloadOf). */
  message?: unknown;
}
