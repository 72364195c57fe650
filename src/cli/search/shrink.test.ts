/** Delta debugging: the shrunk list still fails, and no single item can be dropped. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shrinkList } from './shrink';

describe('shrinkList', () => {
  it('keeps exactly the culprits when the failure needs all of them (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }), fc.integer({ min: 0, max: 2 ** 31 }), (items, pick) => {
        // Culprits: a pseudo-random subset of 0–3 items, chosen by `pick`.
        const culprits = items.filter((_item, index) => ((pick >>> index % 31) & 7) === 0).slice(0, 3);
        const fails = (candidate: number[]): boolean => culprits.every((culprit) => candidate.includes(culprit));
        const result = shrinkList(items, fails, 10_000);
        expect(fails(result.items)).toBe(true);
        expect([...result.items].sort((a, b) => a - b)).toEqual([...culprits].sort((a, b) => a - b));
        expect(result.minimal).toBe(true);
      }),
      { seed: 20_261_121, numRuns: 200 },
    );
  });

  it('returns a 1-minimal list when any one of several items is enough', () => {
    const result = shrinkList([1, 2, 3, 4, 5, 6, 7, 8], (candidate) => candidate.includes(3) || candidate.includes(6));
    expect(result.items).toHaveLength(1);
    expect([3, 6]).toContain(result.items[0]);
  });

  it('keeps the original order of the items it keeps', () => {
    const result = shrinkList([9, 1, 8, 2, 7, 3], (candidate) => candidate.includes(8) && candidate.includes(3) && candidate.includes(9));
    expect(result.items).toEqual([9, 8, 3]);
  });

  it('returns the empty list when the failure needs nothing, after one test', () => {
    expect(shrinkList([1, 2, 3], () => true)).toEqual({ items: [], tests: 1, minimal: true });
  });

  it('stops at the test budget and says the result may not be minimal', () => {
    const items = Array.from({ length: 64 }, (_unused, index) => index);
    const result = shrinkList(items, (candidate) => candidate.includes(5) && candidate.includes(50), 3);
    expect(result.tests).toBeLessThanOrEqual(3);
    expect(result.minimal).toBe(false);
    expect(result.items).toContain(5);
    expect(result.items).toContain(50);
  });
});
