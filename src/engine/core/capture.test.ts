import { describe, expect, it } from 'vitest';
import { capturePlain, restorePlain } from './capture';
import { appendOnly, copiedValueCount } from './plainData';

describe('capturePlain and restorePlain', () => {
  it('capture an append-only array as a prefix by reference, valid while the array grows', () => {
    const log: Readonly<{ index: number }>[] = appendOnly([Object.freeze({ index: 1 }), Object.freeze({ index: 2 })]);
    const state = { term: 3, log, votes: ['n1'] };
    const before = copiedValueCount();
    const captured = capturePlain(state);
    // The object and its 3 fields, the log's prefix (1, however long the log), the votes array and its element.
    expect(copiedValueCount() - before).toBe(7);
    log.push(Object.freeze({ index: 3 }));
    state.votes.push('n2');
    const restored = restorePlain(captured);
    expect(restored).toEqual({ term: 3, log: [{ index: 1 }, { index: 2 }], votes: ['n1'] });
    expect(restored.log).not.toBe(log);
    expect(restored.log[0]).toBe(log[0]);
  });

  it('restore a fresh, still append-only copy each time, and leave the capture intact', () => {
    const captured = capturePlain({ log: appendOnly([1, 2]) });
    const first = restorePlain(captured);
    first.log.push(3);
    const second = restorePlain(captured);
    expect(second.log).toEqual([1, 2]);
    // The restored array is marked again, so the next capture shares it too.
    const recaptured = capturePlain(second);
    second.log.push(9);
    expect(restorePlain(recaptured).log).toEqual([1, 2]);
  });

  it('copy ordinary arrays and objects deeply and share frozen ones', () => {
    const frozen = Object.freeze({ fixed: true });
    const state = { items: [{ value: 1 }], frozen };
    const restored = restorePlain(capturePlain(state));
    expect(restored).toEqual(state);
    expect(restored.items[0]).not.toBe(state.items[0]);
    expect(restored.frozen).toBe(frozen);
  });
});

describe('restorePlain builds objects as literals would', () => {
  it('keeps the key order of every object, nested ones and integer-like keys included', () => {
    const state = { role: 'leader', term: 2, progress: { n2: { next: 4, match: 3 }, n1: { next: 1, match: 0 } }, kv: { b: '1', a: '2', 10: 'x', 2: 'y' } };
    const restored = restorePlain(capturePlain(state));
    expect(restored).toEqual(state);
    expect(Object.keys(restored)).toEqual(Object.keys(state));
    expect(Object.keys(restored.progress)).toEqual(['n2', 'n1']);
    expect(Object.keys(restored.progress.n2)).toEqual(['next', 'match']);
    expect(Object.keys(restored.kv)).toEqual(Object.keys(state.kv));
  });

  it('puts shared values back in place inside arrays and objects, at any depth', () => {
    const snapshot = Object.freeze({ index: 5, data: Object.freeze(['a']) });
    const log = appendOnly([Object.freeze({ term: 1 }), Object.freeze({ term: 2 })]);
    const state = { peers: [{ log, snapshot }, null, [snapshot]], snapshot, log, count: 0 };
    const restored = restorePlain(capturePlain(state));
    expect(restored).toEqual(state);
    expect(restored.snapshot).toBe(snapshot);
    expect(restored.peers[0]).toMatchObject({ snapshot });
    expect((restored.peers[2] as unknown[])[0]).toBe(snapshot);
    expect(restored.log).not.toBe(log);
    expect(restored.log[1]).toBe(log[1]);
    // Each restored prefix is a copy of its own, still append-only.
    expect((restored.peers[0] as { log: unknown[] }).log).not.toBe(restored.log);
    expect(Object.isFrozen(restored.peers)).toBe(false);
  });

  it('restores exactly, by the slower copy, data that looks like its markers', () => {
    const frozen = Object.freeze({ fixed: true });
    // An object shaped like the marker of the first shared value, written before that value.
    const lookalike = { '\u0000shared': 0 };
    const state = { kv: lookalike, frozen, later: [{ '\u0000shared': 7 }] };
    const restored = restorePlain(capturePlain(state));
    expect(restored).toEqual(state);
    expect(restored.kv).not.toBe(lookalike);
    expect(restored.frozen).toBe(frozen);
    // A look-alike with other fields too, one of them holding the only shared value.
    const wrapping = { a: { '\u0000shared': 0, b: Object.freeze({ v: 1 }) } };
    expect(restorePlain(capturePlain(wrapping))).toEqual(wrapping);
    // Without any shared value, JSON alone carries the look-alike.
    expect(restorePlain(capturePlain({ kv: { '\u0000shared': 0 } }))).toEqual({ kv: { '\u0000shared': 0 } });
  });

  it('captures a frozen or append-only value at the top level by reference', () => {
    const frozen = Object.freeze({ a: 1 });
    expect(restorePlain(capturePlain(frozen))).toBe(frozen);
    const items = appendOnly([1, 2]);
    const captured = capturePlain(items);
    items.push(3);
    expect(restorePlain(captured)).toEqual([1, 2]);
    expect(restorePlain(capturePlain(7))).toBe(7);
  });
});
