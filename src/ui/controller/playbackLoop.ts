/**
 * The playback clock: one callback per animation frame while playing, with the real time
 * elapsed since the previous frame. It knows nothing of the worker; the controller turns
 * elapsed real time into a virtual-time target and asks the worker for one frame at most.
 */
export interface AnimationScheduler {
  request(callback: (timeMs: number) => void): number;
  cancel(handle: number): void;
}

/** A frame that arrives after a long gap (a background tab, a debugger) moves time by at most this much. */
export const MAXIMUM_FRAME_GAP_MS = 100;

export class PlaybackLoop {
  private handle: number | null = null;
  private previousTimeMs: number | null = null;

  constructor(
    private readonly animation: AnimationScheduler,
    private readonly onFrame: (elapsedRealMs: number) => void,
  ) {}

  get running(): boolean {
    return this.handle !== null;
  }

  start(): void {
    if (this.handle !== null) return;
    this.previousTimeMs = null;
    this.handle = this.animation.request(this.tick);
  }

  stop(): void {
    if (this.handle === null) return;
    this.animation.cancel(this.handle);
    this.handle = null;
  }

  private readonly tick = (timeMs: number): void => {
    const elapsed = this.previousTimeMs === null ? 0 : Math.min(MAXIMUM_FRAME_GAP_MS, Math.max(0, timeMs - this.previousTimeMs));
    this.previousTimeMs = timeMs;
    this.handle = this.animation.request(this.tick);
    this.onFrame(elapsed);
  };
}

export function browserAnimationScheduler(): AnimationScheduler {
  return {
    request: (callback) => requestAnimationFrame(callback),
    cancel: (handle) => cancelAnimationFrame(handle),
  };
}
