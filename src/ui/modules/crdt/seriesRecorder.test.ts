import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeriesRecorder } from './seriesRecorder';

describe('series recorder', () => {
  it('keeps the ends of flat stretches and every change', () => {
    const recorder = new SeriesRecorder();
    [0, 10, 20, 30].forEach((time) => recorder.record(time, { bytes: 5 }));
    recorder.record(40, { bytes: 9 });
    recorder.record(50, { bytes: 9 });
    expect(recorder.points('bytes')).toEqual([
      [0, 5],
      [30, 5],
      [40, 9],
      [50, 9],
    ]);
  });

  it('drops the future when the run moves back, and replaces a point at the same time', () => {
    const recorder = new SeriesRecorder();
    recorder.record(0, { bytes: 0 });
    recorder.record(100, { bytes: 10 });
    recorder.record(200, { bytes: 20 });
    recorder.record(100, { bytes: 11 });
    expect(recorder.points('bytes')).toEqual([
      [0, 0],
      [100, 11],
    ]);
    recorder.record(0, { other: 1 });
    expect(recorder.points('bytes')).toEqual([[0, 0]]);
    expect(recorder.names()).toEqual(['bytes', 'other']);
  });

  it('keeps points sorted with one per time, and the value in effect at each recorded time (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3 })), { maxLength: 60 }), (frames) => {
        const recorder = new SeriesRecorder();
        const timeline = new Map<number, number>();
        for (const [time, value] of frames) {
          recorder.record(time, { series: value });
          for (const kept of [...timeline.keys()]) if (kept > time) timeline.delete(kept);
          timeline.set(time, value);
        }
        const points = recorder.points('series');
        for (let index = 1; index < points.length; index++) expect(points[index]![0]).toBeGreaterThan(points[index - 1]![0]);
        // Every recorded frame still reads as its value (step semantics): nothing was lost by folding.
        for (const [time, value] of timeline) {
          const at = [...points].reverse().find((point) => point[0] <= time);
          expect(at?.[1]).toBe(value);
        }
      }),
    );
  });
});
