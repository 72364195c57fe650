import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimate, lastIndexAtOrBefore, valueAt, valueExtent, type SeriesPoint } from './seriesMath';

describe('series math', () => {
  const points: SeriesPoint[] = [
    [0, 1],
    [10, 3],
    [10, 4],
    [25, 2],
  ];

  it('finds the value in effect at a time', () => {
    expect(valueAt(points, -1)).toBeNull();
    expect(valueAt(points, 0)).toBe(1);
    expect(valueAt(points, 10)).toBe(4);
    expect(valueAt(points, 24.9)).toBe(4);
    expect(valueAt(points, 1000)).toBe(2);
    expect(lastIndexAtOrBefore([], 5)).toBe(-1);
  });

  it('keeps every point when there are few, plus one on each side of the window', () => {
    expect(decimate(points, 5, 20, 100)).toEqual([
      [0, 1],
      [10, 3],
      [10, 4],
      [25, 2],
    ]);
  });

  it('keeps each column extremes and stays bounded (seed 99)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 500, maxLength: 3000 }), fc.integer({ min: 5, max: 80 }), (values, columns) => {
        const series: SeriesPoint[] = values.map((value, position) => [position, value]);
        const kept = decimate(series, 0, series.length - 1, columns);
        expect(kept.length).toBeLessThanOrEqual(columns * 4 + 8);
        expect(Math.max(...kept.map(([, value]) => value))).toBe(Math.max(...values));
        expect(Math.min(...kept.map(([, value]) => value))).toBe(Math.min(...values));
        for (let position = 1; position < kept.length; position++) expect(kept[position]![0]).toBeGreaterThanOrEqual(kept[position - 1]![0]);
      }),
      { seed: 99, numRuns: 50 },
    );
  });

  it('spans zero and never returns an empty range', () => {
    expect(valueExtent([{ points }])).toEqual([0, 4]);
    expect(valueExtent([{ points: [[0, -2]] }])).toEqual([-2, 0]);
    expect(valueExtent([])).toEqual([0, 1]);
  });
});
