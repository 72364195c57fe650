import { describe, expect, it } from 'vitest';
import { appendOnly, clonePlain, copiedValueCount } from './plainData';

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
