// The simulation benchmark's shape (its timings are measured by `benchSimulation` itself, not here).
import { describe, expect, it } from 'vitest';
import { PRESETS } from '@scenarios';
import { benchScenarios, benchSimulation } from './simulationBench';

describe('benchSimulation', () => {
  it('times the named scenarios, in the order of the full list, with their step counts', () => {
    const rows = benchSimulation({ warmup: 0, runs: 1, settleRuns: 0, settleMs: 0, only: ['happy-path', 'default'] });
    expect(rows.map((r) => [r.name, r.steps])).toEqual([
      ['default', 60],
      ['happy-path', 60],
    ]);
    for (const r of rows) expect(r.medianMs).toBeGreaterThan(0);
  });

  it('reports the first scenario as a fresh process meets it once it has run 25 times', () => {
    const [cold] = benchSimulation({ warmup: 0, runs: 1, settleRuns: 25, settleMs: 0, only: ['default'] });
    expect(cold!.cold!.firstMs).toBeGreaterThan(0);
    expect(cold!.cold!.runs6to25Ms).toBeGreaterThan(0);
    const [quick] = benchSimulation({ warmup: 0, runs: 1, settleRuns: 3, settleMs: 0, only: ['default'] });
    expect(quick!.cold).toBeUndefined();
  });

  it('lists the default journey, every preset and the stress scenario', () => {
    expect(benchScenarios().map((s) => s.name)).toEqual(['default', ...PRESETS.map((p) => p.id), 'stress']);
  });
});
