// The run's wall times are formatted once per second and the milliseconds appended; this proves the
// text is exactly what formatting each instant with Date gives (RFC 3339, whole seconds or micro).
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '@scenarios';
import { QueueClock } from './clock';
import { createRecorder } from './recorder';
import { createSimEnv } from './env';

describe('wall times of a run', () => {
  it.each(['2026-11-26T09:30:00Z', '2026-11-26T09:30:59Z', '1969-12-31T23:59:58Z'])('from %s', (startTime) => {
    const clock = new QueueClock();
    const env = createSimEnv(
      { ...defaultScenario(), startTime },
      clock,
      createRecorder(() => clock.now()),
    );
    const base = Date.parse(startTime);
    for (const ms of [0, 1, 999, 1000, 1001, 12_345, 59_999, 60_000, 1500.7, 3_600_017]) {
      const iso = new Date(base + ms).toISOString();
      expect(env.wallTime(ms)).toBe(iso.replace(/\.\d{3}Z$/, 'Z'));
      expect(env.wallTimeMicro(ms)).toBe(iso.replace(/\.(\d{3})Z$/, '.$1000Z'));
    }
    expect(env.wallTime()).toBe(startTime);
  });
});
