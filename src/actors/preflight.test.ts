// Pre-flight (src/sim/preflight) against the simulated journey: for every preset whose run ends
// rejected, pending or failing, the same verdict and a marker at the place where the run fails.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '@scenarios';
import { buildScenario, preflight, type PreflightOutcome, type Trace } from '@sim';
import { simulate } from './system';

/** The run's outcome in preflight's words. */
const VERDICT_OF: Record<Trace['result']['outcome'], PreflightOutcome['verdict'][]> = {
  rejected: ['rejected', 'unreadable'],
  pending: ['unschedulable'],
  waiting: ['failing'],
  failed: ['failing'],
  running: ['runs'],
};

describe('preflight agrees with the run of every failing preset', () => {
  it('lists no disagreement', () => {
    const disagreements: string[] = [];
    for (const p of PRESETS) {
      const built = buildScenario(p.source);
      if (!built.ok) continue;
      const trace = simulate(built.input);
      if (trace.result.outcome === 'running') continue;
      const r = preflight(built.input);
      if (!VERDICT_OF[trace.result.outcome].includes(r.outcome.verdict))
        disagreements.push(`${p.id}: run ${trace.result.outcome}, preflight ${r.outcome.verdict}`);
      const place = trace.steps.find((s) => s.outcome === 'fail')?.place;
      if (place && !r.diagnostics.some((d) => d.place === place))
        disagreements.push(`${p.id}: run fails at ${place}, no diagnostic there`);
    }
    // A bad credential is the kubeconfig tab's to mark: the outcome says 401, the manifest has no marker.
    expect(disagreements).toEqual([
      'unknown-token: run fails at authentication, no diagnostic there',
      'foreign-certificate: run fails at authentication, no diagnostic there',
      'expired-certificate: run fails at authentication, no diagnostic there',
    ]);
  }, 60_000); // every preset's whole run
});
