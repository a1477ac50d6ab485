// How long `simulate` takes: the default journey, every preset of the gallery and the stress scenario
// (100 pods on 20 workers), each the median of repeated runs after warm-up runs. The editor re-plans
// the journey on every keystroke and the embed simulates on load, so the default journey's budget is
// 5 ms. Uses only the layers' public surfaces, so it can be bundled and run anywhere.
import { simulate } from '@actors';
import { PRESETS, defaultScenario, stressScenario } from '@scenarios';
import { buildScenario, type ScenarioInput } from '@sim';

export interface SimulationTiming {
  name: string;
  medianMs: number;
  steps: number;
}

export interface BenchOptions {
  /** Runs whose time is discarded, so the code is compiled and its caches warm. */
  warmup?: number;
  /** Timed runs; the median is reported. */
  runs?: number;
  /** Only these scenarios (by name), in the order of the full list. */
  only?: readonly string[];
}

/** The default budget of the editor's re-planning, in ms. */
export const DEFAULT_JOURNEY_BUDGET_MS = 5;

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
export function benchSimulation({ warmup = 5, runs = 20, only }: BenchOptions = {}): SimulationTiming[] {
  const out: SimulationTiming[] = [];
  for (const { name, input } of benchScenarios()) {
    if (only && !only.includes(name)) continue;
    const scenario = input();
    for (let i = 0; i < warmup; i++) simulate(scenario);
    const times: number[] = [];
    let steps = 0;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      steps = simulate(scenario).steps.length;
      times.push(performance.now() - start);
    }
    out.push({ name, medianMs: median(times), steps });
  }
  return out;
}
