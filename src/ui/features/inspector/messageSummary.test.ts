import { describe, expect, it } from 'vitest';
import type { InFlightMessage, TraceEvent } from '../../../worker/api';
import { summarizeMessage } from './messageSummary';

function event(index: number, kind: TraceEvent['kind'], node: string, peer: string | null, messageId: number, timeUs: number, detail: string | null = null): TraceEvent {
  return { index, event: index, time: timeUs, kind, node, peer, messageId, messageType: messageId === 0 ? null : 'Ping', detail };
}

const trace: TraceEvent[] = [
  event(0, 'send', 'n1', 'n2', 1, 1_000),
  event(1, 'state', 'n1', null, 0, 1_000, 'waiting'),
  event(2, 'send', 'n1', 'n3', 2, 2_000),
  event(3, 'deliver', 'n2', 'n1', 1, 11_500),
  event(4, 'drop', 'n1', 'n3', 2, 2_000, 'link cut'),
  event(5, 'duplicate', 'n1', 'n2', 3, 3_000, 'copy of #1'),
];

describe('summarizeMessage', () => {
  it('describes a delivered message from its send and delivery', () => {
    expect(summarizeMessage(1, trace, [])).toMatchObject({ id: 1, type: 'Ping', from: 'n1', to: 'n2', outcome: 'delivered', sentAtMs: 1, deliverAtMs: 11.5, payload: undefined, sendTraceIndex: 0 });
  });

  it('describes a dropped message with the reason', () => {
    expect(summarizeMessage(2, trace, [])).toMatchObject({ from: 'n1', to: 'n3', outcome: 'dropped', droppedAtMs: 2, dropReason: 'link cut', deliverAtMs: null });
  });

  it('takes the payload and due time from the in-flight list, and names the original of a copy', () => {
    const flying: InFlightMessage = { id: 3, from: 'n1', to: 'n2', type: 'Ping', label: 'ping 1', sentAtMs: 3, deliverAtMs: 14, held: false, message: { sequence: 1 } };
    expect(summarizeMessage(3, trace, [flying])).toMatchObject({ outcome: 'in flight', copyOf: 1, deliverAtMs: 14, payload: { sequence: 1 }, label: 'ping 1' });
  });

  it('says held when waiting on a held link, and null for a message nobody knows', () => {
    const held: InFlightMessage = { id: 9, from: 'n2', to: 'n1', type: 'Pong', label: null, sentAtMs: 5, deliverAtMs: null, held: true, message: {} };
    expect(summarizeMessage(9, [], [held])?.outcome).toBe('held');
    expect(summarizeMessage(42, trace, [])).toBeNull();
  });
});
