/**
 * Chart history: one sample per frame (the run's counters plus the module's figures),
 * kept bounded by thinning, and turned into chart series on demand. Pure.
 *
 * The run is deterministic, so samples already taken stay true when the user seeks back:
 * they are kept (the chart's time line moves back over them) and frames at times already
 * sampled add nothing. Only a fork (labUpdates.forked) or a new run discards samples.
 */
import type { Frame } from '../../../worker/api';
import type { ChartSample } from '../../store/labStore';
import type { ChartSeries, SeriesPoint } from '../charts';

/** The most samples kept; past it every other one goes (oldest half first keeps shape). */
export const SAMPLE_LIMIT = 2_000;
/** Rates are computed over this many equal stretches of the sampled time. */
const RATE_BUCKETS = 120;

/** Counter keys; module figures use their own names, which never start with '#'. */
export const COUNTERS = { sent: '#sent', delivered: '#delivered', dropped: '#dropped', events: '#events' } as const;

export function sampleFrame(frame: Frame, moduleSeries: ((frame: Frame) => Record<string, number>) | undefined): ChartSample {
  const values: Record<string, number> = {
    [COUNTERS.sent]: frame.stats.sent,
    [COUNTERS.delivered]: frame.stats.delivered,
    [COUNTERS.dropped]: frame.stats.dropped,
    [COUNTERS.events]: frame.eventIndex,
  };
  if (moduleSeries !== undefined) {
    for (const [name, value] of Object.entries(moduleSeries(frame))) if (Number.isFinite(value)) values[name] = value;
  }
  return { timeMs: frame.timeMs, values };
}

/** Appends a sample later than every kept one (else returns the samples unchanged), thinning past the limit. */
export function recordSample(samples: readonly ChartSample[], sample: ChartSample, limit = SAMPLE_LIMIT): readonly ChartSample[] {
  const last = samples[samples.length - 1];
  if (last !== undefined && sample.timeMs <= last.timeMs) return samples;
  const next = [...samples, sample];
  if (next.length <= limit) return next;
  // Keep every other sample, always keeping the newest, so the whole run stays covered.
  return next.filter((_, index) => index % 2 === (next.length - 1) % 2);
}

/** The module's figures by name, in the order they first appear. */
export function moduleSeriesNames(samples: readonly ChartSample[]): string[] {
  const names = new Set<string>();
  for (const sample of samples) for (const name of Object.keys(sample.values)) if (!name.startsWith('#')) names.add(name);
  return [...names];
}

export function valueSeries(samples: readonly ChartSample[], name: string): ChartSeries {
  const points: SeriesPoint[] = [];
  for (const sample of samples) {
    const value = sample.values[name];
    if (value !== undefined) points.push([sample.timeMs, value]);
  }
  return { name, points, curve: 'step' };
}

/**
 * A counter's rate per virtual second: the sampled span cut into equal stretches, each
 * point the counter's growth over its stretch divided by the stretch's length. The counter
 * between two samples is interpolated linearly, so a stretch with no samples (the user
 * jumped ahead) shows the average rate over the jump rather than a spike.
 */
export function rateSeries(samples: readonly ChartSample[], key: string, name: string, color?: string): ChartSeries {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (first === undefined || last === undefined || last.timeMs <= first.timeMs) return { name, points: [], curve: 'linear', color };
  const width = (last.timeMs - first.timeMs) / RATE_BUCKETS;
  const points: SeriesPoint[] = [];
  let cursor = 0;
  const counterAt = (timeMs: number): number => {
    while (cursor + 1 < samples.length && (samples[cursor + 1] as ChartSample).timeMs <= timeMs) cursor++;
    const before = samples[cursor] as ChartSample;
    const after = samples[cursor + 1];
    const beforeValue = before.values[key] ?? 0;
    if (after === undefined || after.timeMs <= before.timeMs) return beforeValue;
    const share = (timeMs - before.timeMs) / (after.timeMs - before.timeMs);
    return beforeValue + ((after.values[key] ?? beforeValue) - beforeValue) * Math.min(1, Math.max(0, share));
  };
  let previousValue = counterAt(first.timeMs);
  for (let bucket = 1; bucket <= RATE_BUCKETS; bucket++) {
    const endMs = bucket === RATE_BUCKETS ? last.timeMs : first.timeMs + width * bucket;
    const value = counterAt(endMs);
    const rate = Math.max(0, ((value - previousValue) / width) * 1000);
    // The first stretch's rate also stands at its start, so the line begins at the left edge.
    if (bucket === 1) points.push([first.timeMs, rate]);
    points.push([endMs, rate]);
    previousValue = value;
  }
  return { name, points, curve: 'linear', color };
}
