/**
 * Timing helpers for the benchmarks: wall-clock milliseconds, warmup then repetitions,
 * medians. Benchmarks report figures; nothing here asserts on them (timings on a shared
 * machine are noise, the ratios measured in the same run are what hold).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Repetitions {
  warmup: number;
  repetitions: number;
}

export function now(): number {
  return performance.now();
}

/** Runs `body` warmup times unmeasured, then `repetitions` times, returning each result. */
export function repeat<T>(plan: Repetitions, body: () => T): T[] {
  for (let index = 0; index < plan.warmup; index++) body();
  return Array.from({ length: plan.repetitions }, () => body());
}

export function timed<T>(body: () => T): { ms: number; value: T } {
  const start = now();
  const value = body();
  return { ms: now() - start, value };
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile; NaN for an empty list. */
export function percentile(values: readonly number[], rank: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  const position = Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1));
  return sorted[position] as number;
}

/** Rounds to a few significant digits so the JSON stays readable. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** Math.max(0, digits - 1 - magnitude);
  return Math.round(value * factor) / factor;
}

/**
 * A full garbage collection, so heap figures mean retained memory. Node hides `gc` unless
 * started with --expose-gc; setting the flag at run time and fetching the function from a
 * fresh context is the documented way round that. Returns false if it is unavailable.
 */
export function collectGarbage(): boolean {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    return true;
  } catch {
    return false;
  }
}

export function megabytes(bytes: number): number {
  return round(bytes / (1024 * 1024));
}
