import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { backoffNext, inBackOffSince, inBackOffSinceUpdate, podWorkerRequeueMs, type Backoff } from './backoff';

describe('flowcontrol back-off (10 s doubling to 300 s)', () => {
  it('doubles on each failure and caps at 5 minutes', () => {
    const b: Backoff = {};
    const seen = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => backoffNext(b, 'k', i * 1000).backoffMs);
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });

  it('starts over after twice the maximum without a failure', () => {
    const b: Backoff = {};
    backoffNext(b, 'k', 0);
    backoffNext(b, 'k', 1000);
    expect(backoffNext(b, 'k', 1000 + 600_001).backoffMs).toBe(10_000);
  });

  it.each([
    [5_000, true],
    [9_999, true],
    [10_000, false],
  ])('IsInBackOffSinceUpdate %i ms after a failure: %s', (now, inBackOff) => {
    const b: Backoff = {};
    backoffNext(b, 'img', 0);
    expect(inBackOffSinceUpdate(b, 'img', now)).toBe(inBackOff);
  });

  it('IsInBackOffSince measures from the event time (the container exit), and knows no unknown key', () => {
    const b: Backoff = {};
    backoffNext(b, 'c', 1_000);
    expect(inBackOffSince(b, 'c', 5_000, 14_999)).toBe(true);
    expect(inBackOffSince(b, 'c', 5_000, 15_000)).toBe(false);
    expect(inBackOffSince(b, 'other', 5_000, 6_000)).toBe(false);
  });

  it('the pod worker requeues a failed sync after 10–15 s (wait.Jitter(10s, 0.5))', () => {
    const rng = createRng(3);
    const delays = Array.from({ length: 50 }, () => podWorkerRequeueMs(rng));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(10_000);
    expect(Math.max(...delays)).toBeLessThan(15_000);
  });
});
