import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IdleTimer } from "./idle";

const MINUTE = 60_000;

describe("IdleTimer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("fires once after the minutes pass with no input", () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer(10 * MINUTE, onIdle);
    timer.start();
    vi.advanceTimersByTime(10 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(timer.running).toBe(false);
  });

  it("counts again from the last input", () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer(10 * MINUTE, onIdle);
    timer.start();
    vi.advanceTimersByTime(9 * MINUTE);
    timer.poke();
    vi.advanceTimersByTime(9 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    timer.poke();
    vi.advanceTimersByTime(10 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("never fires once stopped, nor when the minutes are zero", () => {
    const onIdle = vi.fn();
    const stopped = new IdleTimer(MINUTE, onIdle);
    stopped.start();
    stopped.stop();
    const off = new IdleTimer(0, onIdle);
    off.start();
    expect(off.running).toBe(false);
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
