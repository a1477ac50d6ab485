/**
 * What every component actor receives as input: the scenario, seeded randomness, the simulated
 * clock and the recorder. One SimEnv per run; nothing here is global.
 */
import { createRng, type ComponentId, type Rng, type ScenarioInput } from '@sim';
import type { QueueClock } from './clock';
import type { Recorder } from './recorder';

export interface SimEnv {
  input: ScenarioInput;
  rng: Rng;
  /** Simulated ms since Apply. */
  now(): number;
  /** Wall-clock time of a simulated instant, RFC 3339 in whole seconds (as metadata timestamps are). */
  wallTime(ms?: number): string;
  /** Same, with microseconds (as `time` in managedFields and status `startedAt` are not, but events' eventTime is). */
  wallTimeMicro(ms?: number): string;
  recorder: Recorder;
  /** Network latency in ms for a message from one component to another (deterministic). */
  latency(from: ComponentId, to: ComponentId): number;
}

export interface ComponentInput {
  env: SimEnv;
}

/** Latencies: a local cluster (kind-like) where every hop takes a couple of ms. */
export function defaultLatency(from: ComponentId, to: ComponentId): number {
  if (from === 'etcd' || to === 'etcd') return 1;
  if (from === 'kubectl' || to === 'kubectl' || from === 'kubectl-watch' || to === 'kubectl-watch') return 4;
  return 2;
}

/**
 * RFC 3339 text of instants, at whole seconds or with microseconds. Every step of a run stamps
 * objects, events and printed ages, and date formatting is not free, so each second of the run is
 * formatted once and the milliseconds are appended.
 */
function createTimeFormat(): { seconds(epochMs: number): string; micro(epochMs: number): string } {
  const formatted = new Map<number, string>();
  const second = (epochMs: number): string => {
    const s = Math.floor(Math.trunc(epochMs) / 1000);
    let text = formatted.get(s);
    if (text === undefined) formatted.set(s, (text = new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')));
    return text; // 2026-11-26T09:00:00Z
  };
  return {
    seconds: second,
    micro: (epochMs) => {
      const whole = Math.trunc(epochMs); // as Date keeps a time value (TimeClip)
      const ms = String(whole - Math.floor(whole / 1000) * 1000).padStart(3, '0');
      return `${second(whole).slice(0, -1)}.${ms}000Z`;
    },
  };
}

/** The environment of one run: the scenario's seed and start time, this clock and this recorder. */
export function createSimEnv(input: ScenarioInput, clock: QueueClock, recorder: Recorder): SimEnv {
  const start = Date.parse(input.startTime);
  const base = Number.isFinite(start) ? start : 0;
  const time = createTimeFormat();
  return {
    input,
    rng: createRng(input.seed),
    now: () => clock.now(),
    wallTime: (ms = clock.now()) => time.seconds(base + ms),
    wallTimeMicro: (ms = clock.now()) => time.micro(base + ms),
    recorder,
    latency: defaultLatency,
  };
}
