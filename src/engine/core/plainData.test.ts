import { describe, expect, it } from 'vitest';
import { appendOnly, capturePlain, clonePlain, copiedValueCount, restorePlain } from './plainData';

describe('clonePlain', () => {
  it('copies mutable data deeply and shares frozen data', () => {
    const frozen = Object.freeze({ term: 1 });
    const original = { list: [{ value: 1 }, frozen], nested: { count: 2 } };
    const copy = clonePlain(original);
    expect(copy).toEqual(original);
    expect(copy.list).not.toBe(original.list);
    expect(copy.list[0]).not.toBe(original.list[0]);
    expect(copy.list[1]).toBe(frozen);
    expect(copy.nested).not.toBe(original.nested);
  });

  it('copies an array marked appendOnly with one slice, and the copy keeps the mark', () => {
    // Unfrozen elements, to see the mark at work: they are shared, not checked or copied
    // (the caller promises they never change).
    const entries = appendOnly([{ index: 1 }, { index: 2 }]);
    const copy = clonePlain({ log: entries }).log;
    expect(copy).not.toBe(entries);
    expect(copy[0]).toBe(entries[0]);
    // The copy is marked too: a copy of the copy still shares the elements.
    const second = clonePlain(copy);
    expect(second[1]).toBe(entries[1]);
    expect(clonePlain([{ index: 1 }])[0]).not.toBe(entries[0]);
    // Growing the copy does not touch the original.
    copy.push({ index: 3 });
    expect(entries).toHaveLength(2);
  });

  it('leaves the mark out of JSON and counts the copied values', () => {
    const entries = appendOnly([1, 2, 3]);
    expect(JSON.stringify({ entries })).toBe('{"entries":[1,2,3]}');
    expect(Object.keys(entries)).toEqual(['0', '1', '2']);
    const before = copiedValueCount();
    clonePlain(entries);
    expect(copiedValueCount() - before).toBe(4);
  });
});

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
