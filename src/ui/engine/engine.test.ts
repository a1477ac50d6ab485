import { describe, expect, it } from 'vitest';
import { PRESETS } from '@scenarios';
import { diagnoseCluster, diagnoseKubeconfig, diagnoseManifest, runSource } from './engine';

const happy = PRESETS[0]!.source;

describe('engine', () => {
  it('runs a scenario from its three texts', () => {
    const run = runSource(happy);
    expect(run.ok).toBe(true);
    if (run.ok) {
      expect(run.trace.result.outcome).toBe('running');
      expect(run.input.identity.user).toBe('kubernetes-admin');
    }
  });

  it('refuses to run against a cluster text with errors, naming the file and the line', () => {
    const run = runSource({ ...happy, cluster: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  labels: [\n' });
    expect(run).toMatchObject({ ok: false, file: 'cluster' });
    if (!run.ok) expect(run.error).toMatch(/^cluster\.yaml has an error, line \d+: /);
  });

  it('refuses to run with an unreadable kubeconfig', () => {
    const run = runSource({ ...happy, kubeconfig: 'apiVersion: v1\nkind: Config\ncurrent-context: nowhere\n' });
    expect(run).toMatchObject({ ok: false, file: 'kubeconfig' });
  });

  it('diagnoses each file: the manifest as kubectl reads it, the cluster and kubeconfig as the simulator does', () => {
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n   labels: x: y\n';
    expect(diagnoseManifest(manifest, 'pod.yaml')[0]).toMatchObject({
      severity: 'error',
      source: 'kubectl',
      message: 'yaml: line 5: mapping values are not allowed in this context',
    });
    const cluster = diagnoseCluster(happy.cluster);
    expect(cluster.diagnostics).toEqual([]);
    expect(diagnoseKubeconfig(happy.kubeconfig, cluster.objects, happy.startTime)).toEqual([]);
    expect(
      diagnoseKubeconfig('apiVersion: v1\nkind: Config\ncurrent-context: nowhere\n', cluster.objects, happy.startTime),
    ).not.toEqual([]);
  });
});
