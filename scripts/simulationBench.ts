// How long `simulate` takes: the default journey, every preset of the gallery and the stress scenario
// (100 pods on 20 workers). Apply runs it once; an edited link runs it when the page opens.
//
// The default journey runs first, in a fresh process, and is reported three ways: its first run (the
// engine's code is new to the JavaScript engine), the median of runs 6 to 25 (its code is still being
// compiled: a person's first few Applies), and the median once the process has settled (at least
// `settleRuns` runs and `settleMs` of them) — the steady figure a benchmark of repeated runs reads, and
// the one the 5 ms budget is held to. Every other scenario runs after it, so the shared code is warm:
// each is the median of `runs` runs after `warmup` runs of its own.
// Uses only the layers' public surfaces, so it can be bundled and run anywhere.
import { simulate } from '@actors';
import { PRESETS, defaultScenario, stressScenario } from '@scenarios';
import { buildScenario, type ScenarioInput } from '@sim';

export interface SimulationTiming {
  name: string;
  /** The median of the timed runs (the default journey: once the process has settled). */
  medianMs: number;
  steps: number;
  /** The default journey only, as the first scenario of a fresh process: its first run, and runs 6 to 25. */
  cold?: { firstMs: number; runs6to25Ms: number };
}

export interface BenchOptions {
  /** Runs whose time is discarded, so the code is compiled and its caches warm. */
  warmup?: number;
  /** Timed runs; the median is reported. */
  runs?: number;
  /** Only these scenarios (by name), in the order of the full list. */
  only?: readonly string[];
  /** The first scenario runs until the process has settled: at least this many runs … */
  settleRuns?: number;
  /** … and at least this long, before its timed runs. */
  settleMs?: number;
}

/** What is timed, in order: the default journey, every preset, the stress scenario. */
export function benchScenarios(): { name: string; input: () => ScenarioInput }[] {
  const presets = PRESETS.map((p) => ({
    name: p.id,
    input: () => {
      const built = buildScenario(p.source);
      if (!built.ok) throw new Error(`preset ${p.id} does not build: ${built.error}`);
      return built.input;
    },
  }));
  return [{ name: 'default', input: defaultScenario }, ...presets, { name: 'stress', input: stressScenario }];
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Times `simulate` alone (building the input from its texts is not part of the measure). */
export function benchSimulation({
  warmup = 5,
  runs = 20,
  only,
  settleRuns = 200,
  settleMs = 1000,
}: BenchOptions = {}): SimulationTiming[] {
  const out: SimulationTiming[] = [];
  const timed = (scenario: ScenarioInput) => {
    const start = performance.now();
    const steps = simulate(scenario).steps.length;
    return { ms: performance.now() - start, steps };
  };
  for (const { name, input } of benchScenarios()) {
    if (only && !only.includes(name)) continue;
    const scenario = input();
    let cold: SimulationTiming['cold'];
    if (out.length === 0) {
      // the first scenario of the process: it pays for compiling the engine, so it settles first
      const early: number[] = [];
      const since = performance.now();
      while (early.length < Math.max(warmup, settleRuns) || performance.now() - since < settleMs) {
        early.push(timed(scenario).ms);
        if (early.length >= 100_000) break;
      }
      if (early.length >= 25) cold = { firstMs: early[0]!, runs6to25Ms: median(early.slice(5, 25)) };
    } else {
      for (let i = 0; i < warmup; i++) simulate(scenario);
    }
    const times: number[] = [];
    let steps = 0;
    for (let i = 0; i < runs; i++) {
      const r = timed(scenario);
      times.push(r.ms);
      steps = r.steps;
    }
    out.push({ name, medianMs: median(times), steps, ...(cold ? { cold } : {}) });
  }
  return out;
}
