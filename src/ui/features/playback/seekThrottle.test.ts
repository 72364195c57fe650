import { describe, expect, it } from 'vitest';
import { SeekThrottle } from './seekThrottle';

/** A seek the test answers by hand. */
function manualSeeks() {
  const calls: number[] = [];
  const answers: Array<() => void> = [];
  const seek = (timeMs: number) =>
    new Promise<void>((resolve) => {
      calls.push(timeMs);
      answers.push(resolve);
    });
  return { calls, answers, seek };
}

describe('SeekThrottle', () => {
  it('keeps at most one seek in flight and seeks the latest target when it answers', async () => {
    const { calls, answers, seek } = manualSeeks();
    const throttle = new SeekThrottle(seek);
    throttle.request(10);
    throttle.request(20);
    throttle.request(30);
    expect(calls).toEqual([10]);
    expect(throttle.target).toBe(30);
    answers[0]!();
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual([10, 30]);
    answers[1]!();
    await throttle.settled();
    expect(calls).toEqual([10, 30]);
    expect(throttle.target).toBeNull();
  });

  it('reports the pending target while dragging and null once settled', async () => {
    const { answers, seek } = manualSeeks();
    const seen: Array<number | null> = [];
    const throttle = new SeekThrottle(seek, (target) => seen.push(target));
    throttle.request(5);
    answers[0]!();
    await throttle.settled();
    expect(seen).toEqual([5, null]);
  });

  it('moves on after a failed seek', async () => {
    let attempts = 0;
    const throttle = new SeekThrottle(async () => {
      attempts++;
      if (attempts === 1) throw new Error('lost');
    });
    throttle.request(1);
    throttle.request(2);
    await throttle.settled();
    expect(attempts).toBe(2);
    expect(throttle.busy).toBe(false);
  });
});
