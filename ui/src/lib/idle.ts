// The idle lock's clock: after `ms` with no input `onIdle` runs once. Input only stamps the
// time (mouse moves come often); one timeout checks the stamp and sleeps again for the rest.

export type Timers = {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class IdleTimer {
  private last = 0;
  private handle: unknown = null;

  /** `ms` ≤ 0 never locks. */
  constructor(
    private readonly ms: number,
    private readonly onIdle: () => void,
    private readonly timers: Timers = realTimers,
  ) {}

  get running(): boolean {
    return this.handle !== null;
  }

  start(): void {
    this.stop();
    if (!(this.ms > 0)) return;
    this.last = this.timers.now();
    this.schedule(this.ms);
  }

  /** Input was seen: the idle time starts again. */
  poke(): void {
    this.last = this.timers.now();
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  private schedule(wait: number): void {
    this.handle = this.timers.setTimeout(() => this.check(), wait);
  }

  private check(): void {
    const idle = this.timers.now() - this.last;
    if (idle >= this.ms) {
      this.handle = null;
      this.onIdle();
    } else {
      this.schedule(this.ms - idle);
    }
  }
}

/** The window events that count as someone at the keyboard or mouse. */
export const INPUT_EVENTS = ["keydown", "mousedown", "mousemove", "wheel", "touchstart", "pointerdown"] as const;
