import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDLE_FALLBACK_MS, whenIdle } from './idle';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('whenIdle', () => {
  it('uses requestIdleCallback with the timeout where the browser has it, and cancels it', () => {
    const calls: { cb: () => void; timeout?: number }[] = [];
    const cancelled: number[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: () => void, o?: { timeout?: number }) =>
      calls.push({ cb, timeout: o?.timeout }),
    );
    vi.stubGlobal('cancelIdleCallback', (id: number) => cancelled.push(id));
    const task = vi.fn();
    const cancel = whenIdle(task, 3000);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.timeout).toBe(3000);
    expect(task).not.toHaveBeenCalled();
    calls[0]?.cb();
    expect(task).toHaveBeenCalledTimes(1);
    cancel();
    expect(cancelled).toEqual([1]);
  });

  it('falls back to a timeout where there is none (Safari), and that can be cancelled too', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers();
    const task = vi.fn();
    whenIdle(task, 5000);
    vi.advanceTimersByTime(IDLE_FALLBACK_MS - 1);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);

    const never = vi.fn();
    whenIdle(never, 5000)();
    vi.advanceTimersByTime(10_000);
    expect(never).not.toHaveBeenCalled();
  });

  it('never waits longer than the timeout asked for', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers();
    const task = vi.fn();
    whenIdle(task, 100);
    vi.advanceTimersByTime(100);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
