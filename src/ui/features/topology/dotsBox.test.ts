import { describe, expect, it } from 'vitest';
import { dotsBox, EMPTY_BOX } from './dotsBox';
import { LANE_OFFSET } from './laneGeometry';

const area = { width: 1_000, height: 400 };
const rects = [
  { x: 0, y: 0, width: 100, height: 50 },
  { x: 300, y: 100, width: 100, height: 50 },
];

describe('the box dots can reach', () => {
  it('is the box around every node, grown by the lane offset and the dot, through the viewport', () => {
    const reach = 10;
    const box = dotsBox(rects, { translateX: 200, translateY: 100, zoom: 0.5 }, area, reach);
    const margin = (LANE_OFFSET + reach) * 0.5;
    expect(box.left).toBe(Math.floor(200 - margin) - 1);
    expect(box.top).toBe(Math.floor(100 - margin) - 1);
    expect(box.left + box.width).toBe(Math.ceil(200 + 400 * 0.5 + margin) + 1);
    expect(box.top + box.height).toBe(Math.ceil(100 + 150 * 0.5 + margin) + 1);
  });

  it('never leaves the flow, and is empty without nodes or when they are all out of view', () => {
    expect(dotsBox(rects, { translateX: -50, translateY: -20, zoom: 4 }, area, 10)).toEqual({ left: 0, top: 0, width: 1_000, height: 400 });
    expect(dotsBox([], { translateX: 0, translateY: 0, zoom: 1 }, area, 10)).toEqual(EMPTY_BOX);
    expect(dotsBox(rects, { translateX: 5_000, translateY: 0, zoom: 1 }, area, 10)).toEqual(EMPTY_BOX);
  });
});
