/**
 * The browser benchmark's arithmetic and its reading of index.html, on made-up samples: no
 * browser, no build, no timing assertions.
 */
import { describe, expect, it } from 'vitest';
import { initialScripts } from './browserBuild';
import { FRAME_BUDGET_MS, seekPlan, summarizePlayback, summarizeSeeks, type MeasuredSeek } from './browserFigures';
import type { RecordedPlayback } from './browserPage';

function recording(overrides: Partial<RecordedPlayback>): RecordedPlayback {
  return {
    frameIntervals: [],
    inFlight: [],
    longTasks: [],
    longTasksSupported: true,
    workerFrames: 0,
    wallMs: 1_000,
    virtualStartMs: 0,
    virtualEndMs: 0,
    ...overrides,
  };
}

describe('summarizePlayback', () => {
  it('reports percentiles, frames per second, long tasks and messages from the samples', () => {
    const intervals = [...Array.from({ length: 95 }, () => 16.7), 50, 50, 50, 50, 100];
    const figures = summarizePlayback(
      recording({
        frameIntervals: intervals,
        inFlight: [-1, 200, 300],
        longTasks: [
          { startTime: 10, duration: 60 },
          { startTime: 500, duration: 90 },
        ],
        workerFrames: 50,
        wallMs: 2_000,
        virtualStartMs: 1_000,
        virtualEndMs: 3_000,
      }),
      1,
    );
    expect(figures.frames).toBe(100);
    expect(figures.frameMs).toEqual({ p50: 16.7, p95: 16.7, p99: 50, max: 100 });
    // 100 frames over 95 × 16.7 + 300 ms.
    expect(figures.fps).toBeCloseTo(100_000 / (95 * 16.7 + 300), 0);
    expect(figures.framesOverTwoBudgets).toBe(5);
    expect(figures.longTasks).toEqual({ count: 2, totalMs: 150, maxMs: 90 });
    // The frame where the overlay was missing (-1) is left out.
    expect(figures.messagesInFlight).toEqual({ mean: 250, min: 200, max: 300 });
    expect(figures.virtualMsPerWallSecond).toBe(1_000);
    expect(figures.workerFramesPerSecond).toBe(25);
    expect(figures.meetsTarget).toBe(true);
  });

  it('does not meet the target when a twentieth of the frames are slow, nor with no frames at all', () => {
    const slow = [...Array.from({ length: 90 }, () => FRAME_BUDGET_MS), ...Array.from({ length: 10 }, () => 40)];
    expect(summarizePlayback(recording({ frameIntervals: slow }), 1).meetsTarget).toBe(false);
    const empty = summarizePlayback(recording({ longTasksSupported: false }), 1);
    expect(empty.meetsTarget).toBe(false);
    expect(empty.longTasks).toEqual({ unsupported: true });
    expect(empty.messagesInFlight).toEqual({ mean: 0, min: 0, max: 0 });
  });
});

describe('summarizeSeeks', () => {
  const seek = (targetMs: number, ms: number, ok = true): MeasuredSeek => ({
    targetMs,
    direction: 'backward',
    outcome: { ok, ms, domMs: ms - 5, notices: ok ? [] : ["The simulation refused 'seek': boom"] },
    nodeSessionMs: 3,
  });

  it('takes the median and maximum of the seeks that arrived, and lists failures with the notice shown', () => {
    const figures = summarizeSeeks([seek(900, 40), seek(600, 80), seek(300, 20), seek(100, 5_000, false)]);
    expect(figures.p50Ms).toBe(40);
    expect(figures.maxMs).toBe(80);
    expect(figures.failed).toBe(1);
    expect(figures.meetsTarget).toBe(false);
    expect(figures.seeks[3]).toEqual({ targetMs: 100, direction: 'backward', failed: "The simulation refused 'seek': boom", nodeSessionMs: 3 });
    expect(summarizeSeeks([seek(900, 40), seek(600, 80)]).meetsTarget).toBe(true);
    expect(summarizeSeeks([seek(900, 140)]).meetsTarget).toBe(false);
  });
});

describe('seekPlan', () => {
  it('goes backwards from the end first, then forwards, always inside the run', () => {
    const plan = seekPlan(1_000, 6);
    expect(plan.map((entry) => entry.direction)).toEqual(['backward', 'backward', 'backward', 'backward', 'forward', 'forward']);
    const backward = plan.filter((entry) => entry.direction === 'backward').map((entry) => entry.targetMs);
    expect(backward).toEqual([800, 600, 400, 200]);
    let position = 1_000;
    for (const { targetMs, direction } of plan) {
      expect(targetMs).toBeGreaterThan(0);
      expect(targetMs).toBeLessThan(1_000);
      expect(direction === 'forward' ? targetMs > position : targetMs < position).toBe(true);
      position = targetMs;
    }
  });
});

describe('initialScripts', () => {
  it('lists the module scripts and modulepreloads of index.html, not stylesheets, icons or other origins', () => {
    const html = [
      '<link rel="icon" href="./favicon.svg" type="image/svg+xml" />',
      '<script type="module" crossorigin src="./assets/index-abc.js"></script>',
      '<link rel="modulepreload" crossorigin href="./assets/vendor-def.js">',
      '<link rel="stylesheet" crossorigin href="./assets/index-ghi.css">',
      '<script src="https://example.com/analytics.js"></script>',
      '<link rel=modulepreload href="/assets/react-jkl.js">',
    ].join('\n');
    expect(initialScripts(html)).toEqual(['assets/index-abc.js', 'assets/vendor-def.js', 'assets/react-jkl.js']);
  });
});
