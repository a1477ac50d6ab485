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

function rfc3339(epochMs: number, micro: boolean): string {
  const iso = new Date(epochMs).toISOString(); // 2026-11-26T09:00:00.123Z
  if (!micro) return iso.replace(/\.\d{3}Z$/, 'Z');
  return iso.replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** The environment of one run: the scenario's seed and start time, this clock and this recorder. */
export function createSimEnv(input: ScenarioInput, clock: QueueClock, recorder: Recorder): SimEnv {
  const start = Date.parse(input.startTime);
  const base = Number.isFinite(start) ? start : 0;
  return {
    input,
    rng: createRng(input.seed),
    now: () => clock.now(),
    wallTime: (ms = clock.now()) => rfc3339(base + ms, false),
    wallTimeMicro: (ms = clock.now()) => rfc3339(base + ms, true),
    recorder,
    latency: defaultLatency,
  };
}
