/**
 * Hand-written histories, one rule each. Times are milliseconds; records are written in the
 * order they happened. Model: a register per key, absent at the start (kvModel.ts).
 */
import { describe, expect, it } from 'vitest';
import { HistoryBuilder } from './historyBuilder';
import { checkLinearizable, linearizabilityChecker } from './linearizability';

const history = (): HistoryBuilder => new HistoryBuilder();

describe('linearizability: sequential histories', () => {
  it('an empty history is linearizable', () => {
    const result = checkLinearizable([]);
    expect(result).toMatchObject({ ok: true, verdict: 'linearizable', message: null, keysChecked: 0, operations: 0 });
  });

  it('put, get, append, cas one after another follow the register', () => {
    const records = history()
      .invoke(0, 'c1', 'get', 'x').ok(1, 'c1', null)
      .invoke(2, 'c1', 'put', 'x', '1').ok(3, 'c1')
      .invoke(4, 'c1', 'get', 'x').ok(5, 'c1', '1')
      .invoke(6, 'c1', 'append', 'x', '+a').ok(7, 'c1')
      .invoke(8, 'c1', 'get', 'x').ok(9, 'c1', '1+a')
      .invoke(10, 'c1', 'cas', 'x', ['1+a', '2']).ok(11, 'c1')
      .invoke(12, 'c1', 'get', 'x').ok(13, 'c1', '2').records;
    const result = checkLinearizable(records);
    expect(result).toMatchObject({ ok: true, verdict: 'linearizable', keysChecked: 1, operations: 7 });
    // A sequential history has one order: one new configuration per operation.
    expect(result.statesExplored).toBe(7);
  });

  it('a sequential read of the wrong value is not linearizable', () => {
    const records = history()
      .invoke(0, 'c1', 'put', 'x', '1').ok(1, 'c1')
      .invoke(2, 'c1', 'get', 'x').ok(3, 'c1', '2').records;
    expect(checkLinearizable(records).verdict).toBe('not-linearizable');
  });
});

describe('linearizability: concurrency', () => {
  // put '1' by c1 [0, 50] and put '2' by c2 [10, 60] overlap: either may take effect last.
  const overlappingWrites = (): HistoryBuilder =>
    history().invoke(0, 'c1', 'put', 'x', '1').invoke(10, 'c2', 'put', 'x', '2').ok(50, 'c1').ok(60, 'c2');

  it.each(['1', '2'])('after two overlapping puts a read may see either (%s)', (read) => {
    const records = overlappingWrites().invoke(70, 'c3', 'get', 'x').ok(80, 'c3', read).records;
    expect(checkLinearizable(records).ok).toBe(true);
  });

  it('two reads after overlapping puts must agree on which came last', () => {
    const records = overlappingWrites()
      .invoke(70, 'c3', 'get', 'x').ok(80, 'c3', '1')
      .invoke(90, 'c3', 'get', 'x').ok(100, 'c3', '2').records;
    expect(checkLinearizable(records).verdict).toBe('not-linearizable');
  });

  it('reads overlapping a put may see the old or the new value, in either order of reads', () => {
    const records = history()
      .invoke(0, 'c1', 'put', 'x', '1').ok(5, 'c1')
      .invoke(10, 'c1', 'put', 'x', '2')
      .invoke(11, 'c2', 'get', 'x')
      .invoke(12, 'c3', 'get', 'x')
      .ok(13, 'c2', '2')
      .ok(14, 'c3', '1')
      .ok(20, 'c1').records;
    // c2 read '2' and c3 read '1', but the reads overlap each other, so c3 can go first.
    expect(checkLinearizable(records).ok).toBe(true);
  });

  it('a read that starts after another read saw the new value cannot see the old one', () => {
    const records = history()
      .invoke(0, 'c1', 'put', 'x', '1').ok(5, 'c1')
      .invoke(10, 'c1', 'put', 'x', '2')
      .invoke(11, 'c2', 'get', 'x').ok(13, 'c2', '2')
      .invoke(14, 'c3', 'get', 'x').ok(15, 'c3', '1')
      .ok(20, 'c1').records;
    expect(checkLinearizable(records).verdict).toBe('not-linearizable');
  });

  it('a stale read (old value after a newer put completed before the get began) is not linearizable, and says why', () => {
    const records = history()
      .invoke(0, 'c1', 'put', 'x', '1').ok(10, 'c1')
      .invoke(20, 'c1', 'put', 'x', '2').ok(30.5, 'c1')
      .invoke(40, 'c2', 'get', 'x').ok(50, 'c2', '1').records;
    const result = checkLinearizable(records);
    expect(result).toMatchObject({ ok: false, verdict: 'not-linearizable', violatingKeys: ['x'] });
    expect(result.message).toContain('key x');
    expect(result.message).toContain("get by c2 (invoked 40 ms, completed 50 ms) returned '1', the value written by put '1' by c1 (invoked 0 ms, completed 10 ms)");
    expect(result.message).toContain("leaves it at '2', last written by put '2' by c1 (invoked 20 ms, completed 30.5 ms)");
  });

  it('a read of an absent key after a put completed is stale', () => {
    const records = history()
      .invoke(0, 'c1', 'put', 'x', '1').ok(10, 'c1')
      .invoke(20, 'c2', 'get', 'x').ok(30, 'c2', null).records;
    const result = checkLinearizable(records);
    expect(result.verdict).toBe('not-linearizable');
    expect(result.message).toContain('returned nothing (absent)');
  });

  it('order comes from record positions, so operations sharing a microsecond stay ordered', () => {
    // The put completes and the get begins in the same microsecond, put's record first.
    const records = history()
      .invoke(0, 'c1', 'put', 'x', '1').ok(10, 'c1')
      .invoke(10, 'c2', 'get', 'x').ok(20, 'c2', null).records;
    expect(checkLinearizable(records).verdict).toBe('not-linearizable');
  });
});

describe('linearizability: unknown outcomes (info) and failures', () => {
  it('an info put that takes effect after its client gave up explains a later read', () => {
    const records = history()
      .invoke(0, 'c1', 'put', 'x', '1').info(10, 'c1')
      .invoke(20, 'c2', 'get', 'x').ok(30, 'c2', null)
      .invoke(100, 'c2', 'get', 'x').ok(110, 'c2', '1').records;
    expect(checkLinearizable(records).ok).toBe(true);
  });

  it('an info put that never shows is fine', () => {
    const records = history()
      .invoke(0, 'c1', 'put', 'x', '1').info(10, 'c1')
      .invoke(20, 'c2', 'get', 'x').ok(30, 'c2', null).records;
    expect(checkLinearizable(records).ok).toBe(true);
  });

  it('an info put cannot take effect before it was invoked', () => {
    const records = history()
      .invoke(0, 'c2', 'get', 'x').ok(10, 'c2', '1')
      .invoke(20, 'c1', 'put', 'x', '1').info(30, 'c1').records;
    expect(checkLinearizable(records).verdict).toBe('not-linearizable');
  });

  it('an invoke never completed (history cut off) counts as info', () => {
    const records = history()
      .invoke(0, 'c1', 'put', 'x', '1')
      .invoke(20, 'c2', 'get', 'x').ok(30, 'c2', '1')
      .invoke(40, 'c2', 'get', 'x').ok(50, 'c2', '1').records;
    expect(checkLinearizable(records).ok).toBe(true);
  });

  it('an info write stays in play when a later value builds on it (append after it)', () => {
    // The read 'a+b' needs the info put 'a' to have taken effect before the append.
    const records = history()
      .invoke(0, 'c1', 'put', 'x', 'a').info(5, 'c1')
      .invoke(10, 'c2', 'append', 'x', '+b').ok(20, 'c2')
      .invoke(30, 'c2', 'get', 'x').ok(40, 'c2', 'a+b').records;
    expect(checkLinearizable(records).ok).toBe(true);
  });

  it('a failed put did not take effect', () => {
    const records = history()
      .invoke(0, 'c1', 'put', 'x', '1').fail(10, 'c1')
      .invoke(20, 'c2', 'get', 'x').ok(30, 'c2', '1').records;
    expect(checkLinearizable(records).verdict).toBe('not-linearizable');
  });

  it('a failed cas is not applied', () => {
    const base = (): HistoryBuilder =>
      history()
        .invoke(0, 'c1', 'put', 'x', 'a').ok(10, 'c1')
        .invoke(20, 'c1', 'cas', 'x', ['a', 'b']).fail(30, 'c1');
    expect(checkLinearizable(base().invoke(40, 'c2', 'get', 'x').ok(50, 'c2', 'a').records).ok).toBe(true);
    expect(checkLinearizable(base().invoke(40, 'c2', 'get', 'x').ok(50, 'c2', 'b').records).verdict).toBe('not-linearizable');
  });

  it('an info get is dropped: it read nothing we know', () => {
    const records = history()
      .invoke(0, 'c1', 'put', 'x', '1').ok(10, 'c1')
      .invoke(20, 'c2', 'get', 'x').info(30, 'c2').records;
    expect(checkLinearizable(records)).toMatchObject({ ok: true, operations: 1 });
  });
});

describe('linearizability: cas and append semantics', () => {
  it('an ok cas swapped, so its expected value must have been there', () => {
    const put = (): HistoryBuilder => history().invoke(0, 'c1', 'put', 'x', 'a').ok(10, 'c1');
    expect(checkLinearizable(put().invoke(20, 'c1', 'cas', 'x', ['a', 'b']).ok(30, 'c1').invoke(40, 'c1', 'get', 'x').ok(50, 'c1', 'b').records).ok).toBe(true);
    const wrong = checkLinearizable(put().invoke(20, 'c1', 'cas', 'x', ['z', 'b']).ok(30, 'c1').records);
    expect(wrong.verdict).toBe('not-linearizable');
    expect(wrong.message).toContain("cas 'z' → 'b' by c1 (invoked 20 ms, completed 30 ms) succeeded");
  });

  it('a cas expecting null swaps only an absent key', () => {
    const fromAbsent = history().invoke(0, 'c1', 'cas', 'x', [null, 'a']).ok(10, 'c1').invoke(20, 'c1', 'get', 'x').ok(30, 'c1', 'a').records;
    expect(checkLinearizable(fromAbsent).ok).toBe(true);
    const fromPresent = history().invoke(0, 'c1', 'put', 'x', 'a').ok(10, 'c1').invoke(20, 'c1', 'cas', 'x', [null, 'b']).ok(30, 'c1').records;
    expect(checkLinearizable(fromPresent).verdict).toBe('not-linearizable');
  });

  it('an info cas takes effect only where its compare holds', () => {
    // The cas can only swap before the put 'c'; the read of 'b' after the put is impossible.
    const records = history()
      .invoke(0, 'c1', 'put', 'x', 'a').ok(10, 'c1')
      .invoke(20, 'c1', 'cas', 'x', ['a', 'b']).info(30, 'c1')
      .invoke(40, 'c2', 'put', 'x', 'c').ok(50, 'c2')
      .invoke(60, 'c2', 'get', 'x').ok(70, 'c2', 'b').records;
    expect(checkLinearizable(records).verdict).toBe('not-linearizable');
  });

  it('append to an absent key starts from the empty string', () => {
    const records = history().invoke(0, 'c1', 'append', 'x', 'a').ok(10, 'c1').invoke(20, 'c1', 'get', 'x').ok(30, 'c1', 'a').records;
    expect(checkLinearizable(records).ok).toBe(true);
  });

  it.each([
    ['ab', true],
    ['ba', true],
    ['a', false],
  ])('concurrent appends of a and b, then a read of %s: linearizable %s', (read, linearizable) => {
    const records = history()
      .invoke(0, 'c1', 'append', 'x', 'a')
      .invoke(1, 'c2', 'append', 'x', 'b')
      .ok(10, 'c1').ok(11, 'c2')
      .invoke(20, 'c3', 'get', 'x').ok(30, 'c3', read).records;
    expect(checkLinearizable(records).ok).toBe(linearizable);
  });
});

describe('linearizability: keys are independent (locality)', () => {
  it('writes to one key do not affect reads of another', () => {
    const records = history()
      .invoke(0, 'c1', 'put', 'x', '1').ok(10, 'c1')
      .invoke(20, 'c1', 'put', 'y', '2').ok(30, 'c1')
      .invoke(40, 'c2', 'get', 'x').ok(50, 'c2', '1')
      .invoke(60, 'c2', 'get', 'y').ok(70, 'c2', '2').records;
    expect(checkLinearizable(records)).toMatchObject({ ok: true, keysChecked: 2, operations: 4 });
  });

  it('a violation on one key is reported for that key only', () => {
    const records = history()
      .invoke(0, 'c1', 'put', 'x', '1').ok(10, 'c1')
      .invoke(11, 'c2', 'put', 'y', '1').ok(12, 'c2')
      .invoke(20, 'c2', 'put', 'y', '2').ok(30, 'c2')
      .invoke(40, 'c3', 'get', 'y').ok(50, 'c3', '1')
      .invoke(60, 'c3', 'get', 'x').ok(70, 'c3', '1').records;
    const result = checkLinearizable(records);
    expect(result).toMatchObject({ verdict: 'not-linearizable', violatingKeys: ['y'], keysChecked: 2 });
    expect(result.message).toMatch(/^key y: /);
  });
});

describe('linearizability: budget and malformed histories', () => {
  it('reports unknown, never ok, when the search budget runs out', () => {
    const builder = history();
    for (let step = 0; step < 20; step++) builder.invoke(step * 10, 'c1', 'put', 'x', String(step)).ok(step * 10 + 5, 'c1');
    const result = checkLinearizable(builder.records, { maxStatesExplored: 5 });
    expect(result).toMatchObject({ ok: false, verdict: 'unknown', undecidedKeys: ['x'], statesExplored: 5 });
    expect(result.message).toMatch(/^unknown \(budget exceeded\)/);
    expect(checkLinearizable(builder.records, { maxStatesExplored: 20 }).ok).toBe(true);
  });

  it.each([
    ['a completion without an invoke', [{ index: 0, process: 'c1', type: 'ok', f: 'get', key: 'x', value: null, time: 0 } as const], 'never invoked'],
    ['two open invokes by one process', history().invoke(0, 'c1', 'get', 'x').invoke(1, 'c1', 'get', 'x').records, 'still outstanding'],
    ['an unsupported operation', history().invoke(0, 'c1', 'delete', 'x').ok(1, 'c1').records, "unsupported operation 'delete'"],
    ['a put of a number', history().invoke(0, 'c1', 'put', 'x', 3).ok(1, 'c1').records, 'put needs a string'],
    ['an operation without a key', history().invoke(0, 'c1', 'put', null, 'a').ok(1, 'c1').records, 'has no key'],
  ])('a malformed history is reported, not judged: %s', (_name, records, reason) => {
    const result = checkLinearizable(records);
    expect(result.ok).toBe(false);
    expect(result.verdict).toBe('malformed');
    expect(result.message).toContain(reason);
  });
});

describe('linearizabilityChecker', () => {
  it('is a HistoryChecker named Linearizability: null when linearizable, the explanation otherwise', () => {
    const checker = linearizabilityChecker();
    expect(checker.name).toBe('Linearizability');
    const fine = history().invoke(0, 'c1', 'put', 'x', '1').ok(10, 'c1').invoke(20, 'c2', 'get', 'x').ok(30, 'c2', '1').records;
    expect(checker.check(fine)).toBeNull();
    const stale = history().invoke(0, 'c1', 'put', 'x', '1').ok(10, 'c1').invoke(20, 'c2', 'get', 'x').ok(30, 'c2', null).records;
    expect(checker.check(stale)).toContain('key x: not linearizable');
  });
});
