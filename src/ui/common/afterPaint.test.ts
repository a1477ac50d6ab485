import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstContentfulPaint } from './afterPaint';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** A PerformanceObserver whose callback the test calls with the entries' names. */
function fakeObserver() {
  const observers: { callback: (list: { getEntriesByName(n: string): unknown[] }) => void; connected: boolean }[] = [];
  class Fake {
    static supportedEntryTypes = ['paint', 'largest-contentful-paint'];
    entry: (typeof observers)[number];
    constructor(callback: (typeof observers)[number]['callback']) {
      this.entry = { callback, connected: false };
      observers.push(this.entry);
    }
    observe() {
      this.entry.connected = true;
    }
    disconnect() {
      this.entry.connected = false;
    }
  }
  const deliver = (...names: string[]) => {
    for (const o of observers)
      if (o.connected) o.callback({ getEntriesByName: (n: string) => names.filter((x) => x === n) });
  };
  return { Fake, observers, deliver };
}

describe('afterFirstContentfulPaint', () => {
  it('waits for the first contentful paint, then for a task of its own', async () => {
    vi.useFakeTimers();
    const { Fake, observers, deliver } = fakeObserver();
    vi.stubGlobal('PerformanceObserver', Fake);
    let done = false;
    void afterFirstContentfulPaint().then(() => (done = true));
    deliver('first-paint'); // a paint without content does not count
    await vi.runAllTimersAsync();
    expect(done).toBe(false);
    deliver('first-contentful-paint');
    expect(observers[0]?.connected).toBe(false);
    await Promise.resolve();
    expect(done).toBe(false); // not inside the observer's callback
    await vi.runAllTimersAsync();
    expect(done).toBe(true);
  });

  it('falls back to the next frame where there is no paint timing', async () => {
    vi.useFakeTimers();
    vi.stubGlobal(
      'PerformanceObserver',
      class {
        static supportedEntryTypes = ['mark', 'measure'];
      },
    );
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    let done = false;
    void afterFirstContentfulPaint().then(() => (done = true));
    await vi.runAllTimersAsync();
    expect(done).toBe(false);
    expect(frames).toHaveLength(1);
    frames[0]?.();
    await vi.runAllTimersAsync();
    expect(done).toBe(true);
  });
});
