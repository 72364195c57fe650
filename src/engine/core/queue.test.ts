import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue, type Queued } from './queue';

describe('EventQueue', () => {
  it('pops in (time, seq) order for any insertion order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (times) => {
        const queue = new EventQueue<Queued>();
        times.forEach((time, seq) => queue.push({ time, seq }));
        const popped: Queued[] = [];
        for (let item = queue.pop(); item !== undefined; item = queue.pop()) popped.push(item);
        const expected = times.map((time, seq) => ({ time, seq })).sort((a, b) => a.time - b.time || a.seq - b.seq);
        expect(popped).toEqual(expected);
      }),
    );
  });

  it('keeps order with interleaved pushes and pops (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 300 }), (script) => {
        const queue = new EventQueue<Queued>();
        const reference: Queued[] = [];
        let seq = 0;
        let now = 0;
        for (const step of script) {
          if (step === -1) {
            reference.sort((a, b) => a.time - b.time || a.seq - b.seq);
            expect(queue.pop()).toEqual(reference.shift());
          } else {
            const item = { time: now + step, seq: seq++ };
            queue.push(item);
            reference.push(item);
            now = Math.min(...reference.map((entry) => entry.time), now);
          }
        }
        expect(queue.size).toBe(reference.length);
      }),
    );
  });

  it('sorted() lists without disturbing the heap, and reset() rebuilds it', () => {
    const queue = new EventQueue<Queued>();
    [5, 1, 3].forEach((time, seq) => queue.push({ time, seq }));
    expect(queue.sorted().map((item) => item.time)).toEqual([1, 3, 5]);
    expect(queue.size).toBe(3);
    queue.reset([{ time: 9, seq: 0 }, { time: 2, seq: 1 }]);
    expect(queue.pop()?.time).toBe(2);
  });
});
