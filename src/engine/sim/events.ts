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

/**
 * A copy of `event` built by the same object literal, field for field in the same order, as
 * World.spareEvent builds a new one. Object spread would give the copy another hidden class,
 * and the queue code, optimized for one, would be thrown away at the first restore.
 */
export function copyQueuedEvent(event: QueuedEvent): QueuedEvent {
  return {
    time: event.time,
    seq: event.seq,
    kind: event.kind,
    node: event.node,
    from: event.from,
    messageId: event.messageId,
    message: event.message,
    messageType: event.messageType,
    messageTypeId: event.messageTypeId,
    sentAt: event.sentAt,
    timerKey: event.timerKey,
    generation: event.generation,
    cancelled: event.cancelled,
    forced: event.forced,
  };
}
