import { describe, expect, it } from 'vitest';
import { PRESETS } from '@scenarios';
import { checkManifest, failureOf, readCluster, readKubeconfig, recordRun, runSource } from './engine';
import { isRecordedRunOf, sourceKey } from '../store/recorded';

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

  it('reads a cluster text once for the run and the checks, and a run leaves it as it was', () => {
    expect(readCluster(happy.cluster)).toBe(readCluster(happy.cluster));
    const before = JSON.stringify(readCluster(happy.cluster));
    const first = runSource(happy);
    const second = runSource(happy);
    expect(JSON.stringify(readCluster(happy.cluster))).toBe(before);
    expect(first.ok && second.ok && JSON.stringify(first.trace) === JSON.stringify(second.trace)).toBe(true);
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

  it('checks each file: the manifest as kubectl reads it, the cluster and kubeconfig as the simulator does', () => {
    const cluster = readCluster(happy.cluster);
    expect(cluster.diagnostics).toEqual([]);
    const kubeconfig = readKubeconfig(happy.kubeconfig, cluster, happy.startTime);
    expect(kubeconfig.diagnostics).toEqual([]);
    expect(
      readKubeconfig('apiVersion: v1\nkind: Config\ncurrent-context: nowhere\n', cluster, happy.startTime).diagnostics,
    ).not.toEqual([]);
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n   labels: x: y\n';
    expect(checkManifest(happy, manifest, cluster, kubeconfig).diagnostics[0]).toMatchObject({
      severity: 'error',
      source: 'kubectl',
      message: 'yaml: line 5: mapping values are not allowed in this context',
    });
    expect(checkManifest(happy, happy.manifest, cluster, kubeconfig)).toMatchObject({
      diagnostics: [],
      outcome: { verdict: 'runs' },
    });
  });

  it('checks only how kubectl reads the manifest while the cluster text has errors', () => {
    const cluster = readCluster('apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  labels: [\n');
    const kubeconfig = readKubeconfig(happy.kubeconfig, cluster, happy.startTime);
    const check = checkManifest(happy, happy.manifest.replace('image:', 'imagee:'), cluster, kubeconfig);
    expect(check).toEqual({ diagnostics: [] });
  });

  it('points a failed run back at the lines that caused it', () => {
    const preset = PRESETS.find((p) => p.id === 'podsecurity-restricted')!;
    const run = runSource(preset.source);
    if (!run.ok) throw new Error(run.error);
    const failure = failureOf(run.trace, run.input);
    expect(failure).toMatchObject({ file: 'manifest', who: expect.stringMatching(/^kube-apiserver · PodSecurity/) });
    const step = run.trace.steps[failure!.step]!;
    expect(step.outcome).toBe('fail');
    const lines = preset.source.manifest.split('\n');
    expect(failure!.ranges.map((r) => lines[r.startLine - 1]!.trim())).toContain('- name: example-pod');
  });

  it('has no failure to point at when the pod runs', () => {
    const run = runSource(happy);
    if (!run.ok) throw new Error(run.error);
    expect(failureOf(run.trace, run.input)).toBeUndefined();
  });

  it('records a preset as the engine runs it, so the page can show it without the engine', () => {
    const preset = PRESETS.find((p) => p.id === 'podsecurity-restricted')!;
    const run = runSource(preset.source);
    if (!run.ok) throw new Error(run.error);
    const recorded = JSON.parse(JSON.stringify(recordRun(preset.source))) as unknown;
    expect(isRecordedRunOf(recorded, preset.id)).toBe(true);
    expect(isRecordedRunOf(recorded, preset.id, preset.source)).toBe(true);
    expect(isRecordedRunOf(recorded, 'happy-path')).toBe(false);
    expect(recorded).toMatchObject({
      trace: JSON.parse(JSON.stringify(run.trace)),
      identity: { user: 'kubernetes-admin', namespace: 'default' },
      failure: run.failure,
      nodeFacts: { 'worker-1': { runtime: 'containerd://2.1.1' } },
    });
    const cluster = readCluster(preset.source.cluster);
    const check = checkManifest(
      preset.source,
      preset.source.manifest,
      cluster,
      readKubeconfig(preset.source.kubeconfig, cluster, preset.source.startTime),
    );
    expect((recorded as { checks: unknown }).checks).toEqual({
      byFile: { manifest: check.diagnostics, cluster: [], kubeconfig: [] },
      outcome: check.outcome,
    });
    // A recording of other texts is not used for these.
    const edited = { ...preset.source, manifest: `${preset.source.manifest}\n` };
    expect(sourceKey(edited)).not.toBe(sourceKey(preset.source));
    expect(isRecordedRunOf(recorded, preset.id, edited)).toBe(false);
    // A file whose texts do not match its own key (altered) is not used either.
    const altered = { ...(recorded as object), source: edited };
    expect(isRecordedRunOf(altered, preset.id)).toBe(false);
    // With the page's own texts the key is checked against them: the file's copy is not what is shown.
    expect(isRecordedRunOf(altered, preset.id, preset.source)).toBe(true);
    expect(isRecordedRunOf(altered, preset.id, edited)).toBe(false);
  });
});
