/**
 * Records figures from successive frames into time series for the module's own charts.
 * Frames arrive in playback order, but the run can move backwards (seek, a new scenario) or
 * fork: a frame at an earlier time than the last recorded one drops everything after it, so
 * the chart always shows the timeline the user is on. Flat stretches keep only their ends,
 * so a long quiet run costs two points per series, not one per frame.
 *
 * Invariant: each series' points are sorted by time, with at most one point per time.
 */
import type { SeriesPoint } from '../../features/charts';

export class SeriesRecorder {
  private readonly series = new Map<string, [number, number][]>();
  private lastTimeMs = -Infinity;

  /** Adds one frame's figures. Recording the same (time, figures) twice changes nothing. */
  record(timeMs: number, figures: Record<string, number>): void {
    if (timeMs < this.lastTimeMs) this.truncateAfter(timeMs);
    this.lastTimeMs = timeMs;
    for (const [name, value] of Object.entries(figures)) {
      let points = this.series.get(name);
      if (points === undefined) {
        points = [];
        this.series.set(name, points);
      }
      appendPoint(points, timeMs, value);
    }
  }

  names(): string[] {
    return [...this.series.keys()];
  }

  points(name: string): readonly SeriesPoint[] {
    return this.series.get(name) ?? [];
  }

  clear(): void {
    this.series.clear();
    this.lastTimeMs = -Infinity;
  }

  private truncateAfter(timeMs: number): void {
    for (const [name, points] of this.series) {
      let keep = points.length;
      while (keep > 0 && (points[keep - 1] as [number, number])[0] > timeMs) keep--;
      if (keep === 0) this.series.delete(name);
      else points.length = keep;
    }
  }
}

function appendPoint(points: [number, number][], timeMs: number, value: number): void {
  const last = points[points.length - 1];
  if (last !== undefined && last[0] === timeMs) {
    last[1] = value;
    // The replaced point may now continue a flat stretch; fold it like any other.
    if (points.length >= 2) {
      points.pop();
      appendPoint(points, timeMs, value);
    }
    return;
  }
  const previous = points[points.length - 2];
  // Three equal values in a row: move the middle one's end instead of adding a point.
  if (last !== undefined && previous !== undefined && last[1] === value && previous[1] === value) {
    last[0] = timeMs;
    return;
  }
  points.push([timeMs, value]);
}
