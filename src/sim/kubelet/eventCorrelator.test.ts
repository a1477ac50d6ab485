import { describe, expect, it } from 'vitest';
import {
  correlateEvent,
  newCorrelator,
  observedBefore,
  type Correlated,
  type CorrelatorState,
} from './eventCorrelator';
import type { KubeletEventText } from './events';

const ev = (reason: string, message: string, type: 'Normal' | 'Warning' = 'Warning'): KubeletEventText => ({
  type,
  reason,
  message,
});

/** Feeds events about one pod, one per second, and returns what the recorder does with each. */
function feed(events: KubeletEventText[], start: CorrelatorState = newCorrelator(), stepMs = 1000) {
  let state = start;
  const out: Correlated[] = [];
  events.forEach((event, i) => {
    const r = correlateEvent(state, {
      object: 'uid-1',
      fieldPath: 'web',
      event,
      nowMs: i * stepMs,
      newName: `pod.${i}`,
    });
    state = r.state;
    out.push(r.result);
  });
  return { state, out };
}

describe("the kubelet's event correlator (client-go tools/record events_cache.go)", () => {
  it('creates an event once, then patches it with a growing count', () => {
    const { out } = feed([ev('BackOff', 'x'), ev('BackOff', 'x'), ev('BackOff', 'x')]);
    expect(out.map((r) => (r.send ? `${r.send} ${r.name} x${r.count}` : 'dropped'))).toEqual([
      'create pod.0 x1',
      'patch pod.0 x2',
      'patch pod.0 x3',
    ]);
  });

  it('the spam filter lets 25 events about a pod through, then one per 5 minutes; counts go on', () => {
    const { out } = feed(Array.from({ length: 27 }, () => ev('Unhealthy', 'Readiness probe failed: 404')));
    expect(out.slice(24).map((r) => r.send)).toEqual(['patch', false, false]);
    const later = feed(
      [ev('Unhealthy', 'Readiness probe failed: 404')],
      feed(Array.from({ length: 27 }, () => ev('Unhealthy', 'Readiness probe failed: 404'))).state,
      0,
    );
    // no time has passed: still no token
    expect(later.out[0]!.send).toBe(false);
    const { state } = feed(Array.from({ length: 26 }, () => ev('Unhealthy', 'm')));
    const r = correlateEvent(state, {
      object: 'uid-1',
      fieldPath: 'web',
      event: ev('Unhealthy', 'm'),
      nowMs: 26_000 + 300_000,
      newName: 'n',
    });
    expect(r.result).toMatchObject({ send: 'patch', name: 'pod.0', count: 27 });
  });

  it('the 10th distinct message for one reason is combined', () => {
    const { out } = feed(Array.from({ length: 11 }, (_, i) => ev('Pulled', `Successfully pulled in ${i}ms`, 'Normal')));
    expect(out[8]!.event.message).toBe('Successfully pulled in 8ms');
    expect(out.slice(9).map((r) => `${r.send} ${r.event.message} x${r.count}`)).toEqual([
      'create (combined from similar events): Successfully pulled in 9ms x1',
      'patch (combined from similar events): Successfully pulled in 10ms x2',
    ]);
  });

  it('knows whether a reason was recorded for a container before', () => {
    const { state } = feed([ev('Pulling', 'Pulling image "x"', 'Normal')]);
    expect(observedBefore(state, 'uid-1', 'web', { type: 'Normal', reason: 'Pulling' })).toBe(true);
    expect(observedBefore(state, 'uid-1', 'web', { type: 'Normal', reason: 'Pulled' })).toBe(false);
  });
});
