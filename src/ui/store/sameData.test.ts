import { describe, expect, it } from 'vitest';
import { sameData } from './sameData';

describe('sameData', () => {
  it('holds for equal plain data built separately', () => {
    const build = () => ({ term: 3, log: [{ term: 1, command: { f: 'put', key: 'x' } }], leaderHint: null, votes: ['n1', 'n2'] });
    expect(sameData(build(), build())).toBe(true);
  });

  it('fails on any changed, added or missing field, however deep', () => {
    const base = { term: 3, log: [{ term: 1 }], hint: null as string | null };
    expect(sameData(base, { ...base, term: 4 })).toBe(false);
    expect(sameData(base, { ...base, log: [{ term: 2 }] })).toBe(false);
    expect(sameData(base, { ...base, log: [{ term: 1 }, { term: 1 }] })).toBe(false);
    expect(sameData(base, { ...base, extra: 1 })).toBe(false);
    expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameData(base, { ...base, hint: 'n1' })).toBe(false);
  });

  it('tells arrays from objects and null from objects', () => {
    expect(sameData([], {})).toBe(false);
    expect(sameData({}, [])).toBe(false);
    expect(sameData(null, {})).toBe(false);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
  });
});
