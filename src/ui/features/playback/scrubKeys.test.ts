import { describe, expect, it } from 'vitest';
import { scrubKeyTarget } from './scrubKeys';

describe('scrubber keys', () => {
  it('move by 1 % and 10 % of the run and stay inside it', () => {
    expect(scrubKeyTarget('ArrowLeft', 500, 1_000)).toBe(490);
    expect(scrubKeyTarget('ArrowRight', 500, 1_000)).toBe(510);
    expect(scrubKeyTarget('PageUp', 950, 1_000)).toBe(1_000);
    expect(scrubKeyTarget('PageDown', 50, 1_000)).toBe(0);
  });

  it('Home and End go to the ends; other keys are left alone', () => {
    expect(scrubKeyTarget('Home', 500, 1_000)).toBe(0);
    expect(scrubKeyTarget('End', 500, 1_000)).toBe(1_000);
    expect(scrubKeyTarget('a', 500, 1_000)).toBeNull();
  });
});
