import { describe, expect, it } from 'vitest';
import { defaultScenario } from '@scenarios';
import { diagnose, runScenario } from './engine';

describe('the engine', () => {
  it('runs the default scenario to a Running pod', () => {
    const run = runScenario(defaultScenario());
    expect(run.ok).toBe(true);
    if (run.ok)
      expect(run.trace.result.summary).toMatch(
        /^pod\/example-pod is Running on worker-[12] with IP 10\.244\.[12]\.\d+$/,
      );
  });

  it('turns a simulator failure into an error value instead of throwing', () => {
    const broken = { ...defaultScenario(), cluster: null } as unknown as ReturnType<typeof defaultScenario>;
    const run = runScenario(broken);
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.error).toMatch(/\S/);
  });

  it('reports a YAML error where kubectl would', () => {
    const [first] = diagnose('apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n   labels: x: y\n', 'pod.yaml');
    expect(first).toMatchObject({
      severity: 'error',
      source: 'kubectl',
      message: 'yaml: line 5: mapping values are not allowed in this context',
    });
    expect(diagnose(defaultScenario().manifest, 'pod.yaml')).toEqual([]);
  });
});
