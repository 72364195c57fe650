import { describe, expect, it } from 'vitest';
import type { Scenario, TraceEvent } from '../../../worker/api';
import { decodeLocationHash } from '../../../scenario/index';
import { counterexampleUrl, jumpTarget, messageOfEvent } from './counterexample';

function event(index: number, eventIndex: number, kind: TraceEvent['kind'], messageId: number): TraceEvent {
  return { index, event: eventIndex, time: eventIndex * 1000, kind, node: 'n1', peer: 'n2', messageId, messageType: 'Pong', detail: null };
}

describe('counterexamples', () => {
  it('jumps to the exact event of a safety violation and to the time of a liveness one', () => {
    const violation = { atMs: 12.5, event: 40, message: 'x' };
    expect(jumpTarget({ kind: 'safety' }, violation)).toEqual({ kind: 'event', eventIndex: 40 });
    expect(jumpTarget({ kind: 'liveness' }, violation)).toEqual({ kind: 'time', atMs: 12.5 });
    expect(jumpTarget({ kind: 'history' }, violation)).toEqual({ kind: 'time', atMs: 12.5 });
  });

  it('finds the message the violating event delivered, preferring the delivery over a send it caused', () => {
    const trace = [event(0, 6, 'send', 3), event(1, 7, 'deliver', 3), event(2, 7, 'send', 4), event(3, 7, 'state', 0)];
    expect(messageOfEvent(trace, 7)).toBe(3);
    expect(messageOfEvent(trace, 6)).toBe(3);
    expect(messageOfEvent(trace, 8)).toBeNull();
  });

  it('builds a link that decodes to the same scenario at the violation time', () => {
    const scenario = { version: 1, module: 'ping', seed: 3, nodes: 3, schedule: [] } as unknown as Scenario;
    const url = counterexampleUrl('https://lab.example/app/?embed=1#scenario=ping-duplicates', scenario, { atMs: 123.456, event: 9, message: 'm' });
    expect(url.startsWith('https://lab.example/app/?embed=1#s=')).toBe(true);
    const decoded = decodeLocationHash(new URL(url).hash);
    expect(decoded.kind).toBe('scenario');
    if (decoded.kind === 'scenario') {
      expect(decoded.viewAtMs).toBe(123.456);
      expect(decoded.result.ok).toBe(true);
    }
  });
});
