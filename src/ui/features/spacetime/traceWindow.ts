/**
 * The trace the diagram shows: the store's window of recent events, optionally extended
 * backwards by older events fetched from the worker. Pure, so the joining rule is tested:
 * the older part is used only while it ends exactly where the window begins; otherwise
 * (the window slid on, or the timeline was rewound) it is dropped, so what is drawn is
 * always one contiguous stretch of the run.
 */
import type { TraceEvent } from '../../../worker/api';

/** The most events the diagram is given at once (its level of detail copes; mapping stays well under a frame budget per update). */
export const MAXIMUM_DIAGRAM_EVENTS = 100_000;
/** How many older events one "earlier events" request fetches. */
export const OLDER_CHUNK_EVENTS = 20_000;

export function joinTrace(older: readonly TraceEvent[] | null, recent: readonly TraceEvent[]): readonly TraceEvent[] {
  if (older === null || older.length === 0) return recent;
  const first = recent[0];
  const lastOlder = older[older.length - 1] as TraceEvent;
  if (first === undefined || lastOlder.index + 1 !== first.index) return recent;
  const joined = [...older, ...recent];
  return joined.length > MAXIMUM_DIAGRAM_EVENTS ? joined.slice(joined.length - MAXIMUM_DIAGRAM_EVENTS) : joined;
}

/** Whether `older` still joins onto `recent` (else it should be forgotten). */
export function stillJoins(older: readonly TraceEvent[] | null, recent: readonly TraceEvent[]): boolean {
  return joinTrace(older, recent) !== recent;
}

/** The index range to fetch for the next older chunk, or null when the run's start is already shown or the cap is reached. */
export function olderChunkRange(shown: readonly TraceEvent[]): { fromIndex: number; toIndex: number } | null {
  const first = shown[0];
  if (first === undefined || first.index === 0) return null;
  const room = MAXIMUM_DIAGRAM_EVENTS - shown.length;
  if (room <= 0) return null;
  const count = Math.min(OLDER_CHUNK_EVENTS, room, first.index);
  return { fromIndex: first.index - count, toIndex: first.index };
}
