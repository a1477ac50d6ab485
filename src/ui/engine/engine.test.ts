import { describe, expect, it } from 'vitest';
import { PRESETS } from '@scenarios';
import { checkManifest, failureOf, readCluster, readKubeconfig, recordRun, runSource } from './engine';
import { packRecordedRun, readRecordedRun, sourceKey, type RecordedRun } from '../store/recorded';

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
    const recording = recordRun(preset.source)!;
    // What the page reads: the file the build writes, parsed.
    const file = (r: RecordedRun | object) => JSON.parse(JSON.stringify(r)) as unknown;
    const recorded = file(packRecordedRun(recording));
    expect(readRecordedRun(recorded, preset.id)).toEqual(file(recording));
    expect(readRecordedRun(recorded, preset.id, preset.source)).toEqual(file(recording));
    expect(readRecordedRun(recorded, 'happy-path')).toBeUndefined();
    expect(readRecordedRun(recorded, preset.id)).toMatchObject({
      trace: file(run.trace),
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
    expect(recording.checks).toEqual({
      byFile: { manifest: check.diagnostics, cluster: [], kubeconfig: [] },
      outcome: check.outcome,
    });
    // A recording of other texts is not used for these.
    const edited = { ...preset.source, manifest: `${preset.source.manifest}\n` };
    expect(sourceKey(edited)).not.toBe(sourceKey(preset.source));
    expect(readRecordedRun(recorded, preset.id, edited)).toBeUndefined();
    // A file whose texts do not match its own key (altered) is not used either.
    const altered = { ...(recorded as object), source: edited };
    expect(readRecordedRun(altered, preset.id)).toBeUndefined();
    // With the page's own texts the key is checked against them: the file's copy is not what is shown.
    expect(readRecordedRun(altered, preset.id, preset.source)).toBeDefined();
    expect(readRecordedRun(altered, preset.id, edited)).toBeUndefined();
  });

  it('writes each snapshot of a recorded run once, and the steps share them again when it is read', () => {
    const preset = PRESETS.find((p) => p.id === 'happy-path')!;
    const recording = recordRun(preset.source)!;
    const packed = packRecordedRun(recording);
    const plain = JSON.stringify(recording).length;
    const written = JSON.stringify(packed).length;
    // 60 steps but 9 etcd snapshots and 6 event lists: the file is less than half as long.
    expect(written).toBeLessThan(plain / 2);
    expect(packed.snapshots.length).toBeLessThan(recording.trace.steps.length / 4);
    const read = readRecordedRun(JSON.parse(JSON.stringify(packed)), preset.id)!;
    const steps = read.trace.steps;
    // Where the engine's steps carry one object, the read steps do too.
    for (let i = 1; i < steps.length; i++) {
      const [before, now] = [recording.trace.steps[i - 1]!, recording.trace.steps[i]!];
      expect(steps[i]!.stored === steps[i - 1]!.stored).toBe(
        JSON.stringify(now.stored) === JSON.stringify(before.stored),
      );
      expect(steps[i]!.events === steps[i - 1]!.events).toBe(
        JSON.stringify(now.events) === JSON.stringify(before.events),
      );
    }
    expect(read.trace).toEqual(JSON.parse(JSON.stringify(recording.trace)));
  });

  it('does not use a recorded file whose references are broken, and never throws on one', () => {
    const preset = PRESETS.find((p) => p.id === 'happy-path')!;
    const good = JSON.parse(JSON.stringify(packRecordedRun(recordRun(preset.source)!))) as PackedFile;
    type PackedFile = ReturnType<typeof packRecordedRun>;
    const broken: ((f: PackedFile) => void)[] = [
      (f) => (f.values = f.values.slice(0, 3)),
      (f) => (f.snapshots = []),
      (f) => ((f.trace.steps[5] as { stored?: unknown }).stored = -1),
      (f) => ((f.trace.steps[5] as { events?: unknown }).events = 1.5),
      (f) => ((f.trace.steps[5] as { pod?: unknown }).pod = '0'),
      (f) => delete (f.trace.steps[7] as { terminal?: unknown }).terminal,
      (f) => ((f.trace.steps as unknown[])[2] = null),
      (f) => ((f.snapshots as unknown[])[0] = 'x'),
      (f) => (f.snapshots[0]![Object.keys(f.snapshots[0]!)[0] ?? 'k'] = 10 ** 9),
      (f) => ((f as { values?: unknown }).values = {}),
      (f) => ((f as { format: number }).format = 1),
    ];
    for (const breakIt of broken) {
      const f = structuredClone(good);
      breakIt(f);
      expect(readRecordedRun(f, preset.id)).toBeUndefined();
    }
    expect(readRecordedRun(good, preset.id)).toBeDefined();
    // A key named __proto__ in a snapshot is an etcd key like any other, not the object's prototype.
    const proto = structuredClone(good);
    proto.snapshots[0] = JSON.parse('{"__proto__": 0}') as Record<string, number>;
    const read = readRecordedRun(proto, preset.id)!;
    const stored = read.trace.steps.find((s) => Object.hasOwn(s.stored, '__proto__'))!.stored;
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(stored, '__proto__')?.value).toEqual(good.values[0]);
  });
});
