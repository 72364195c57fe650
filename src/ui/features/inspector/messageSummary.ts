/**
 * Everything the lab knows about one message, gathered from the trace window (send or
 * duplicate, delivery or drop) and from the frame's in-flight list (which alone carries
 * the payload: the engine does not keep payloads once delivered). Pure.
 */
import type { InFlightMessage, TraceEvent } from '../../../worker/api';

export type MessageOutcome = 'in flight' | 'held' | 'delivered' | 'dropped' | 'unknown';

export interface MessageSummary {
  id: number;
  type: string | null;
  from: string | null;
  to: string | null;
  outcome: MessageOutcome;
  sentAtMs: number | null;
  /** Delivered at (past), or due at (in flight); null when held or unknown. */
  deliverAtMs: number | null;
  droppedAtMs: number | null;
  dropReason: string | null;
  /** For a copy made by the network or the user: the original's id. */
  copyOf: number | null;
  label: string | null;
  held: boolean;
  /** The payload while in flight; undefined once delivered or dropped. */
  payload: unknown;
  /** Trace index of the send (or duplicate) event, when the window still holds it. */
  sendTraceIndex: number | null;
}

const COPY_PATTERN = /copy of #(\d+)/;

export function summarizeMessage(messageId: number, trace: readonly TraceEvent[], inFlight: readonly InFlightMessage[]): MessageSummary | null {
  let start: TraceEvent | null = null;
  let end: TraceEvent | null = null;
  for (const event of trace) {
    if (event.messageId !== messageId) continue;
    if (event.kind === 'send' || event.kind === 'duplicate') start ??= event;
    else if (event.kind === 'deliver' || event.kind === 'drop') end = event;
  }
  const flying = inFlight.find((message) => message.id === messageId) ?? null;
  if (start === null && end === null && flying === null) return null;
  const copyMatch = start?.kind === 'duplicate' && start.detail !== null ? COPY_PATTERN.exec(start.detail) : null;
  return {
    id: messageId,
    type: flying?.type ?? start?.messageType ?? end?.messageType ?? null,
    from: flying?.from ?? start?.node ?? (end?.kind === 'drop' ? end.node : (end?.peer ?? null)),
    to: flying?.to ?? start?.peer ?? (end?.kind === 'drop' ? end.peer : (end?.node ?? null)),
    outcome: outcomeOf(flying, end),
    sentAtMs: flying?.sentAtMs ?? (start === null ? null : start.time / 1000),
    deliverAtMs: flying !== null ? flying.deliverAtMs : end?.kind === 'deliver' ? end.time / 1000 : null,
    droppedAtMs: end?.kind === 'drop' ? end.time / 1000 : null,
    dropReason: end?.kind === 'drop' ? (end.detail ?? 'dropped') : null,
    copyOf: copyMatch === null ? null : Number(copyMatch[1]),
    label: flying?.label ?? null,
    held: flying?.held ?? false,
    payload: flying === null ? undefined : flying.message,
    sendTraceIndex: start?.index ?? null,
  };
}

function outcomeOf(flying: InFlightMessage | null, end: TraceEvent | null): MessageOutcome {
  if (flying !== null) return flying.held ? 'held' : 'in flight';
  if (end?.kind === 'deliver') return 'delivered';
  if (end?.kind === 'drop') return 'dropped';
  return 'unknown';
}
