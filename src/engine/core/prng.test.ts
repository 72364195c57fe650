import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Prng, hashString } from './prng';

function draw(random: Prng, count: number): number[] {
  return Array.from({ length: count }, () => random.nextUint32());
}

describe('Prng', () => {
  it('is a pure function of the seed', () => {
    expect(draw(new Prng(42), 20)).toEqual(draw(new Prng(42), 20));
    expect(draw(new Prng(42), 20)).not.toEqual(draw(new Prng(43), 20));
  });

  it('pins the first outputs so a change of generator is noticed', () => {
    expect(draw(new Prng(1, 'faultline'), 4)).toMatchInlineSnapshot(`
      [
        2090673583,
        778686749,
        3072669119,
        620627050,
      ]
    `);
  });

  it('derives streams that do not depend on how much the parent or siblings drew', () => {
    const root = new Prng(7);
    const fresh = draw(root.derive('network'), 10);
    const used = new Prng(7);
    draw(used, 1000);
    draw(used.derive('node:n1'), 500);
    expect(draw(used.derive('network'), 10)).toEqual(fresh);
    expect(draw(root.derive('node:n1'), 10)).not.toEqual(fresh);
  });

  it('below() stays in range and covers it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 1000 }), (seed, bound) => {
        const random = new Prng(seed);
        for (let index = 0; index < 50; index++) {
          const value = random.below(bound);
          expect(Number.isInteger(value) && value >= 0 && value < bound).toBe(true);
        }
      }),
    );
    const random = new Prng(3);
    const seen = new Set<number>();
    for (let index = 0; index < 200; index++) seen.add(random.below(6));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('chance() is an integer ratio: never at 0, always at 1, near the ratio between', () => {
    const random = new Prng(11);
    let hits = 0;
    for (let index = 0; index < 10_000; index++) {
      expect(random.chance(0, 10)).toBe(false);
      expect(random.chance(10, 10)).toBe(true);
      if (random.chance(1, 4)) hits++;
    }
    expect(hits).toBeGreaterThan(2300);
    expect(hits).toBeLessThan(2700);
  });

  it('saves and restores its position exactly', () => {
    const random = new Prng(5);
    draw(random, 17);
    const saved = random.save();
    const next = draw(random, 5);
    random.restore(saved);
    expect(draw(random, 5)).toEqual(next);
  });

  it('rejects invalid bounds rather than returning garbage', () => {
    expect(() => new Prng(1).below(0)).toThrow(RangeError);
    expect(() => new Prng(1).below(1.5)).toThrow(RangeError);
    expect(() => new Prng(1).pick([])).toThrow(RangeError);
  });

  it('hashString is FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});

describe('Prng.below draws the same numbers as the textbook rejection sampler', () => {
  it('for bounds across the whole range, including the int32 and uint32 edges', () => {
    const reference = new Prng(99, 'reference');
    const fast = new Prng(99, 'reference');
    const textbook = (random: Prng, bound: number): number => {
      if (bound === 1) return 0;
      const limit = 0x100000000 - (0x100000000 % bound);
      for (;;) {
        const value = random.nextUint32();
        if (value < limit) return value % bound;
      }
    };
    const edges = [1, 2, 3, 7, 1000, 3001, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 0x100000000];
    for (let draw = 0; draw < 200_000; draw++) {
      const bound = draw % 5 === 0 ? (edges[draw % edges.length] as number) : 1 + ((draw * 2654435761) % 0xffffffff);
      expect(fast.below(bound)).toBe(textbook(reference, bound));
    }
  });
});
