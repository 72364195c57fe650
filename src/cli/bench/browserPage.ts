/**
 * What the browser benchmark runs inside the page. Kept as plain JavaScript text rather than
 * functions handed to Playwright: tsx compiles this file with helpers (such as esbuild's
 * name-keeping wrappers) that do not exist in the page, and text is exactly what runs.
 *
 * The page is measured from outside: the scripts read the DOM the app renders (the virtual
 * time readout, the scrubber, the message overlay) and never reach into the app's code.
 */

/** What the recorder hands back when stopped: raw samples, summarized in Node (browserFigures.ts). */
export interface RecordedPlayback {
  /** Milliseconds between consecutive animation frames. */
  frameIntervals: number[];
  /** Message dots on the overlay at each frame: the playing canvas's count, else the SVG circles (-1 when neither is on screen). */
  inFlight: number[];
  longTasks: Array<{ startTime: number; duration: number }>;
  longTasksSupported: boolean;
  /** How many times the virtual time shown changed: frames that came back from the worker. */
  workerFrames: number;
  wallMs: number;
  virtualStartMs: number;
  virtualEndMs: number;
}

/**
 * Installed before the app's own scripts (page.addInitScript): a long-task observer from
 * the start, and `window.__faultlineBench.start()` / `.stop()` around a measured window,
 * which sample every animation frame while it is open.
 */
export const RECORDER_SCRIPT = String.raw`(() => {
  const state = { recording: false, frameIntervals: [], inFlight: [], longTasks: [], longTasksSupported: true, workerFrames: 0, lastFrame: 0, startedAt: 0, virtualStartMs: 0, observer: null };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    state.longTasksSupported = false;
  }
  const virtualTime = () => Number(document.querySelector('[data-testid="virtual-time"]')?.getAttribute('data-time-ms') ?? NaN);
  const sample = (time) => {
    if (!state.recording) return;
    if (state.lastFrame > 0) state.frameIntervals.push(time - state.lastFrame);
    state.lastFrame = time;
    // Playing, the dots are painted on a canvas that says how many it drew; paused, they are SVG circles.
    const canvas = document.querySelector('[data-testid="flight-canvas"]');
    const group = document.querySelector('[data-testid="flight-overlay"] g');
    state.inFlight.push(canvas !== null ? Number(canvas.getAttribute('data-message-count') ?? 0) : group === null ? -1 : group.childElementCount);
    requestAnimationFrame(sample);
  };
  window.__faultlineBench = {
    start() {
      Object.assign(state, { recording: true, frameIntervals: [], inFlight: [], workerFrames: 0, lastFrame: 0, startedAt: performance.now(), virtualStartMs: virtualTime() });
      state.observer = new MutationObserver(() => { state.workerFrames++; });
      state.observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-time-ms'] });
      requestAnimationFrame(sample);
    },
    stop() {
      state.recording = false;
      state.observer?.disconnect();
      const stoppedAt = performance.now();
      return {
        frameIntervals: state.frameIntervals,
        inFlight: state.inFlight,
        longTasks: state.longTasks.filter((task) => task.startTime + task.duration >= state.startedAt && task.startTime <= stoppedAt),
        longTasksSupported: state.longTasksSupported,
        workerFrames: state.workerFrames,
        wallMs: stoppedAt - state.startedAt,
        virtualStartMs: state.virtualStartMs,
        virtualEndMs: virtualTime(),
      };
    },
  };
})();`;

export function startRecordingExpression(): string {
  return 'window.__faultlineBench.start()';
}

export function stopRecordingExpression(): string {
  return 'window.__faultlineBench.stop()';
}

/** The virtual time the readout shows, as an expression (NaN before the first frame). */
export const VIRTUAL_TIME_EXPRESSION = `Number(document.querySelector('[data-testid="virtual-time"]')?.getAttribute('data-time-ms') ?? NaN)`;

export function shownTimeIsExpression(targetMs: number): string {
  return `Math.abs(${VIRTUAL_TIME_EXPRESSION} - ${JSON.stringify(targetMs)}) < 0.0005 && document.querySelector('[data-testid="shell"]')?.getAttribute('data-run-status') === 'ready'`;
}

export interface SeekOutcome {
  ok: boolean;
  /** From the scrubber's input event to the animation frame after the readout shows the target. */
  ms: number;
  /** From the input event to the readout showing the target (the DOM update). */
  domMs: number;
  /** On failure: the notices the app showed meanwhile. */
  notices: string[];
}

/**
 * Seeks as a user dragging the scrubber would: sets the range input's value and fires its
 * input event (the scrubber's only seek path), then waits until the virtual-time readout
 * shows the target and one more animation frame has begun.
 */
export function seekExpression(targetMs: number, timeoutMs: number): string {
  return String.raw`new Promise((resolve) => {
    const target = ${JSON.stringify(targetMs)};
    const input = document.querySelector('[data-testid="scrubber"]');
    const reached = () => Math.abs(Number(document.querySelector('[data-testid="virtual-time"]')?.getAttribute('data-time-ms')) - target) < 0.0005;
    const notices = () => [...document.querySelectorAll('[data-testid="notice"]')].map((notice) => (notice.querySelector('p') ?? notice).textContent.trim());
    const noticesBefore = notices().length;
    let settled = false;
    const started = performance.now();
    const finish = (ok, domMs) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      clearTimeout(timer);
      resolve({ ok, ms: performance.now() - started, domMs, notices: ok ? [] : notices().slice(noticesBefore) });
    };
    const observer = new MutationObserver(() => {
      if (!reached()) return;
      const domMs = performance.now() - started;
      requestAnimationFrame(() => finish(true, domMs));
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-time-ms'] });
    const timer = setTimeout(() => finish(false, NaN), ${JSON.stringify(timeoutMs)});
    if (input === null || input.disabled) return finish(false, NaN);
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, String(target));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  })`;
}

/** Sets the playback speed through the speed slider (log10 units), as dragging it would. */
export function setSpeedExpression(speed: number): string {
  return String.raw`(() => {
    const input = document.querySelector('[data-testid="speed"]');
    if (input === null) return null;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, String(Math.log10(${JSON.stringify(speed)})));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return document.querySelector('[data-testid="speed-value"]')?.textContent ?? null;
  })()`;
}
