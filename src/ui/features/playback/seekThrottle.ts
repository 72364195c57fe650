/**
 * Seeking while the scrubber is dragged: at most one seek in flight. While one runs, later
 * targets replace each other; when it answers, the latest target (if any, and if different)
 * is sought next. So a fast drag costs a few seeks, and the run always ends at the last
 * target the user chose. Framework-free; the scrubber shows `target` while it is pending.
 */
export class SeekThrottle {
  private inFlight: Promise<void> | null = null;
  private queued: number | null = null;
  private latest: number | null = null;

  constructor(
    private readonly seek: (timeMs: number) => Promise<void>,
    private readonly onChange: (target: number | null) => void = () => {},
  ) {}

  /** The time the user asked for that the run has not reached yet (null when settled). */
  get target(): number | null {
    return this.latest;
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }

  request(timeMs: number): void {
    this.latest = timeMs;
    this.onChange(timeMs);
    if (this.inFlight !== null) {
      this.queued = timeMs;
      return;
    }
    this.start(timeMs);
  }

  /** Resolves when every requested seek has been made. */
  async settled(): Promise<void> {
    while (this.inFlight !== null) await this.inFlight;
  }

  private start(timeMs: number): void {
    const running = this.seek(timeMs)
      .catch(() => {
        // The controller reports failed calls itself; the throttle only has to move on.
      })
      .finally(() => {
        this.inFlight = null;
        const next = this.queued;
        this.queued = null;
        if (next !== null && next !== timeMs) {
          this.start(next);
          return;
        }
        this.latest = null;
        this.onChange(null);
      });
    this.inFlight = running;
  }
}
