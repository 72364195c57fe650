import { describe, expect, it } from 'vitest';
import { covers, crosses, isEmpty, widen } from './rowsOnScreen';

describe('rows on screen', () => {
  it('paints an arrow that passes through the band, even when both ends lie outside it', () => {
    const rows = { top: 100, bottom: 200 };
    expect(crosses(rows, 50, 150)).toBe(true);
    expect(crosses(rows, 300, 0)).toBe(true);
    expect(crosses(rows, 0, 99)).toBe(false);
    expect(crosses(rows, 201, 900)).toBe(false);
  });

  it('widens the band by the margin without leaving the diagram, and leaves an empty band empty', () => {
    expect(widen({ top: 100, bottom: 200 }, 120, 1_000)).toEqual({ top: 0, bottom: 320 });
    expect(widen({ top: 900, bottom: 990 }, 120, 1_000)).toEqual({ top: 780, bottom: 1_000 });
    expect(isEmpty(widen({ top: 50, bottom: 50 }, 120, 1_000))).toBe(true);
  });

  it('needs no repaint while the rows in view stay within the painted ones', () => {
    const painted = { top: 0, bottom: 320 };
    expect(covers(painted, { top: 40, bottom: 300 })).toBe(true);
    expect(covers(painted, { top: 250, bottom: 400 })).toBe(false);
    expect(covers(painted, { top: 500, bottom: 500 })).toBe(true);
  });
});
