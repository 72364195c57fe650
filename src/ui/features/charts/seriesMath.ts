/**
 * Pure helpers for time-series charts: the value at a time (by binary search) and a
 * per-pixel decimation that keeps a line's shape (first, minimum, maximum and last point of
 * each pixel column), so a series of a million points draws as a few thousand.
 */

/** [time in virtual milliseconds, value], sorted by time. */
export type SeriesPoint = readonly [number, number];

/** Position of the last point with time ≤ timeMs, or -1. */
export function lastIndexAtOrBefore(points: readonly SeriesPoint[], timeMs: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((points[middle] as SeriesPoint)[0] <= timeMs) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** The value in effect at timeMs (the latest point at or before it), or null before the first point. */
export function valueAt(points: readonly SeriesPoint[], timeMs: number): number | null {
  const position = lastIndexAtOrBefore(points, timeMs);
  return position < 0 ? null : (points[position] as SeriesPoint)[1];
}

/**
 * The points to draw for [fromMs, toMs] at `columns` pixel columns: the points inside, plus
 * one on each side so the line reaches the edges. Below two points per column everything is
 * kept; above, each column keeps its first, lowest, highest and last point in time order.
 */
export function decimate(points: readonly SeriesPoint[], fromMs: number, toMs: number, columns: number): SeriesPoint[] {
  const start = Math.max(0, lastIndexAtOrBefore(points, fromMs));
  const end = Math.min(points.length, lastIndexAtOrBefore(points, toMs) + 2);
  if (end - start <= Math.max(2, columns * 2)) return points.slice(start, end);
  const columnWidth = (toMs - fromMs) / Math.max(1, columns);
  const kept: SeriesPoint[] = [];
  let position = start;
  while (position < end) {
    const column = Math.floor(((points[position] as SeriesPoint)[0] - fromMs) / columnWidth);
    const first = position;
    let lowest = position;
    let highest = position;
    let last = position;
    position++;
    while (position < end && Math.floor(((points[position] as SeriesPoint)[0] - fromMs) / columnWidth) === column) {
      const value = (points[position] as SeriesPoint)[1];
      if (value < (points[lowest] as SeriesPoint)[1]) lowest = position;
      if (value > (points[highest] as SeriesPoint)[1]) highest = position;
      last = position;
      position++;
    }
    for (const chosen of [...new Set([first, lowest, highest, last])].sort((left, right) => left - right)) kept.push(points[chosen] as SeriesPoint);
  }
  return kept;
}

/** [minimum, maximum] over all series, including 0 so counts start from the axis. */
export function valueExtent(series: readonly { points: readonly SeriesPoint[] }[]): [number, number] {
  let minimum = 0;
  let maximum = 0;
  for (const { points } of series) {
    for (const [, value] of points) {
      if (value < minimum) minimum = value;
      if (value > maximum) maximum = value;
    }
  }
  return minimum === maximum ? [minimum, minimum + 1] : [minimum, maximum];
}
