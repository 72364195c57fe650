/**
 * The browser benchmark's raw samples turned into figures: frame-time percentiles and
 * frames per second during playback, long tasks, messages in flight, and seek latencies.
 * Pure functions, so their arithmetic is tested without a browser.
 */
import type { RecordedPlayback, SeekOutcome } from './browserPage';
import { median, percentile, round } from './measure';

/** Design §8: 60 frames per second while playing, i.e. frames every 16.7 ms. */
export const FRAME_BUDGET_MS = 1000 / 60;
/** Design §8: seek to any point of a 1 M-event run in at most 100 ms. */
export const SEEK_TARGET_MS = 100;

export interface PlaybackFigures {
  speed: number;
  wallMs: number;
  frames: number;
  fps: number;
  frameMs: { p50: number; p95: number; p99: number; max: number };
  /** Frames that took longer than two frame budgets (at least one frame dropped). */
  framesOverTwoBudgets: number;
  longTasks: { count: number; totalMs: number; maxMs: number } | { unsupported: true };
  messagesInFlight: { mean: number; min: number; max: number };
  /** Virtual time covered per wall-clock second; below the speed when the worker could not keep up. */
  virtualMsPerWallSecond: number;
  workerFramesPerSecond: number;
  meetsTarget: boolean;
}

export function summarizePlayback(recorded: RecordedPlayback, speed: number): PlaybackFigures {
  const intervals = recorded.frameIntervals;
  const totalFrameMs = intervals.reduce((sum, interval) => sum + interval, 0);
  const fps = totalFrameMs > 0 ? (intervals.length * 1000) / totalFrameMs : 0;
  const onScreen = recorded.inFlight.filter((count) => count >= 0);
  const seconds = recorded.wallMs / 1000;
  const p95 = percentile(intervals, 95);
  return {
    speed,
    wallMs: Math.round(recorded.wallMs),
    frames: intervals.length,
    fps: round(fps),
    frameMs: { p50: round(median(intervals)), p95: round(p95), p99: round(percentile(intervals, 99)), max: round(Math.max(0, ...intervals)) },
    framesOverTwoBudgets: intervals.filter((interval) => interval > 2 * FRAME_BUDGET_MS).length,
    longTasks: recorded.longTasksSupported ? summarizeLongTasks(recorded.longTasks) : { unsupported: true },
    messagesInFlight: {
      mean: onScreen.length === 0 ? 0 : round(onScreen.reduce((sum, count) => sum + count, 0) / onScreen.length),
      min: onScreen.length === 0 ? 0 : Math.min(...onScreen),
      max: onScreen.length === 0 ? 0 : Math.max(...onScreen),
    },
    virtualMsPerWallSecond: seconds > 0 ? round((recorded.virtualEndMs - recorded.virtualStartMs) / seconds) : 0,
    workerFramesPerSecond: seconds > 0 ? round(recorded.workerFrames / seconds) : 0,
    // 60 fps "held": 95% of frames within 1.25 frame budgets (vsync jitter aside).
    meetsTarget: intervals.length > 0 && p95 <= 1.25 * FRAME_BUDGET_MS,
  };
}

/** Frames while paused: what this browser on this machine manages with nothing to draw. */
export function summarizeIdle(recorded: RecordedPlayback): Pick<PlaybackFigures, 'wallMs' | 'frames' | 'fps' | 'frameMs' | 'framesOverTwoBudgets' | 'longTasks'> {
  const { wallMs, frames, fps, frameMs, framesOverTwoBudgets, longTasks } = summarizePlayback(recorded, 0);
  return { wallMs, frames, fps, frameMs, framesOverTwoBudgets, longTasks };
}

function summarizeLongTasks(tasks: RecordedPlayback['longTasks']): { count: number; totalMs: number; maxMs: number } {
  const durations = tasks.map((task) => task.duration);
  return { count: durations.length, totalMs: round(durations.reduce((sum, duration) => sum + duration, 0)), maxMs: round(Math.max(0, ...durations)) };
}

export interface MeasuredSeek {
  targetMs: number;
  /** 'backward' restores a checkpoint and replays; 'forward' jumps to a later checkpoint and runs on. */
  direction: 'backward' | 'forward';
  outcome: SeekOutcome;
  /** The same seek by the worker's session in Node (ms, or why it failed): the worker's share of `outcome.ms`. */
  nodeSessionMs: number | string | null;
}

export interface SeekFigures {
  seeks: Array<
    | { targetMs: number; direction: MeasuredSeek['direction']; ms: number; domMs: number; nodeSessionMs: number | string | null }
    | { targetMs: number; direction: MeasuredSeek['direction']; failed: string; nodeSessionMs: number | string | null }
  >;
  p50Ms: number | null;
  maxMs: number | null;
  failed: number;
  targetMs: number;
  meetsTarget: boolean;
}

export function summarizeSeeks(measured: readonly MeasuredSeek[]): SeekFigures {
  const succeeded = measured.filter((seek) => seek.outcome.ok).map((seek) => seek.outcome.ms);
  const failed = measured.length - succeeded.length;
  return {
    seeks: measured.map(({ targetMs, direction, outcome, nodeSessionMs }) =>
      outcome.ok
        ? { targetMs, direction, ms: round(outcome.ms), domMs: round(outcome.domMs), nodeSessionMs }
        : { targetMs, direction, failed: outcome.notices.length > 0 ? outcome.notices.join(' | ') : `the readout did not reach the target within ${Math.round(outcome.ms)} ms`, nodeSessionMs },
    ),
    p50Ms: succeeded.length === 0 ? null : round(median(succeeded)),
    maxMs: succeeded.length === 0 ? null : round(Math.max(...succeeded)),
    failed,
    targetMs: SEEK_TARGET_MS,
    meetsTarget: succeeded.length > 0 && failed === 0 && Math.max(...succeeded) <= SEEK_TARGET_MS,
  };
}

/**
 * Seek targets spread over a run of `runMs`: first backwards from the end (each one restores
 * a checkpoint and replays), then forwards (jumping to later checkpoints), so both paths are
 * measured. Whole milliseconds, so the readout can be compared exactly.
 */
export function seekPlan(runMs: number, count: number): Array<{ targetMs: number; direction: MeasuredSeek['direction'] }> {
  const backwardCount = Math.max(1, Math.ceil((count * 2) / 3));
  const backward = Array.from({ length: backwardCount }, (_, index) => Math.round((runMs * (backwardCount - index)) / (backwardCount + 1)));
  const lowest = backward[backward.length - 1] ?? 0;
  const forwardCount = Math.max(0, count - backwardCount);
  const forward = Array.from({ length: forwardCount }, (_, index) => Math.round(lowest + ((runMs - lowest) * (index + 0.5)) / forwardCount));
  return [...backward.map((targetMs) => ({ targetMs, direction: 'backward' as const })), ...forward.map((targetMs) => ({ targetMs, direction: 'forward' as const }))];
}
