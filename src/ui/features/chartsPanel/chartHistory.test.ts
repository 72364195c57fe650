import { describe, expect, it } from 'vitest';
import type { ChartSample } from '../../store/labStore';
import { COUNTERS, moduleSeriesNames, rateSeries, recordSample, valueSeries } from './chartHistory';

const sample = (timeMs: number, values: Record<string, number>): ChartSample => ({ timeMs, values });

describe('chart history', () => {
  it('appends later samples and ignores times already sampled (a seek back keeps history)', () => {
    let samples: readonly ChartSample[] = [];
    samples = recordSample(samples, sample(0, { a: 1 }));
    samples = recordSample(samples, sample(10, { a: 2 }));
    const same = recordSample(samples, sample(5, { a: 9 }));
    expect(same).toBe(samples);
    expect(recordSample(samples, sample(10, { a: 3 }))).toBe(samples);
    expect(samples.map((entry) => entry.timeMs)).toEqual([0, 10]);
  });

  it('stays bounded by thinning, keeping the first stretch and the newest sample', () => {
    let samples: readonly ChartSample[] = [];
    for (let time = 0; time < 1_000; time++) samples = recordSample(samples, sample(time, { a: time }), 100);
    expect(samples.length).toBeLessThanOrEqual(100);
    expect(samples[samples.length - 1]?.timeMs).toBe(999);
    expect(samples[0]!.timeMs).toBeLessThan(20);
  });

  it('computes a counter rate per virtual second', () => {
    // 5 messages per 10 ms = 500 per second, steadily.
    const samples = Array.from({ length: 11 }, (_, step) => sample(step * 10, { [COUNTERS.sent]: step * 5 }));
    const rate = rateSeries(samples, COUNTERS.sent, 'sent');
    expect(rate.points[0]?.[0]).toBe(0);
    expect(rate.points[rate.points.length - 1]?.[0]).toBe(100);
    for (const [, value] of rate.points) expect(value).toBeCloseTo(500, 6);
  });

  it('spreads a jump (two samples far apart) as the average rate, not a spike', () => {
    const samples = [sample(0, { [COUNTERS.events]: 0 }), sample(3_000, { [COUNTERS.events]: 300 })];
    const rate = rateSeries(samples, COUNTERS.events, 'events');
    expect(rate.points.length).toBeGreaterThan(10);
    for (const [, value] of rate.points) expect(value).toBeCloseTo(100, 6);
  });

  it('lists module figures (not the counters) and charts them as steps', () => {
    const samples = [sample(0, { [COUNTERS.sent]: 0, 'Commit index': 0 }), sample(5, { [COUNTERS.sent]: 3, 'Commit index': 2, Lag: 1 })];
    expect(moduleSeriesNames(samples)).toEqual(['Commit index', 'Lag']);
    expect(valueSeries(samples, 'Commit index')).toEqual({ name: 'Commit index', points: [[0, 0], [5, 2]], curve: 'step' });
  });
});
