// Pre-flight: exact markers for edits of the default pod and of the gallery's presets.
import { describe, expect, it } from 'vitest';
import { PRESETS, defaultScenario } from '@scenarios';
import type { ScenarioInput } from '../scenario';
import { buildScenario } from '../scenarioSource';
import { preflight, type PreflightOutcome } from './index';

const base = defaultScenario();
const withManifest = (edit: (m: string) => string, input: ScenarioInput = base): ScenarioInput => ({
  ...input,
  manifest: edit(input.manifest),
});
const range = (startLine: number, startColumn: number, endLine: number, endColumn: number) => ({
  startLine,
  startColumn,
  endLine,
  endColumn,
});
const presetInput = (id: string): ScenarioInput => {
  const built = buildScenario(PRESETS.find((p) => p.id === id)!.source);
  if (!built.ok) throw new Error(built.error);
  return built.input;
};

describe('preflight of the default scenario and its edits', () => {
  it('the default pod: nothing to say, it runs', () => {
    const r = preflight(base);
    expect(r.diagnostics).toEqual([]);
    expect(r.outcome).toEqual({ verdict: 'runs', stage: 'kubelet · containers started', message: 'Running on a node' });
  });

  it('imagee: 400 at the key, with the rename', () => {
    const r = preflight(withManifest((m) => m.replace('    image: ', '    imagee: ')));
    const message =
      'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"';
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        message,
        source: 'kube-apiserver',
        range: range(10, 5, 10, 11),
        stage: 'strict decoding (400)',
        place: 'decode',
        path: 'spec.containers[0].imagee',
        fixes: [{ title: 'Rename "imagee" to "image"', edits: [{ range: range(10, 5, 10, 11), text: 'image' }] }],
      },
    ]);
    expect(r.outcome).toEqual({
      verdict: 'rejected',
      stage: 'kube-apiserver · strict decoding (400)',
      message,
      line: 10,
    });
  });

  it('a typo at top level and in spec: one marker per field, each with its fix', () => {
    const r = preflight(
      withManifest((m) => m.replace('kind: Pod', 'kind: Pod\nspecc: {}').replace('  containers:', '  contianers:')),
    );
    expect(r.diagnostics.map((d) => [d.path, d.range, d.fixes?.[0]?.title])).toEqual([
      ['spec.contianers', range(9, 3, 9, 13), 'Rename "contianers" to "containers"'],
      ['specc', range(3, 1, 3, 6), 'Rename "specc" to "spec"'],
    ]);
    expect(r.diagnostics[0]!.message).toBe(
      'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.contianers", unknown field "specc"',
    );
  });

  it('privileged in a baseline namespace: 403 at the field, fix to false', () => {
    const r = preflight(presetInput('podsecurity-baseline'));
    const message =
      'Error from server (Forbidden): error when creating "pod.yaml": pods "example-pod" is forbidden: violates PodSecurity "baseline:latest": privileged (container "example-pod" must not set securityContext.privileged=true)';
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        message,
        source: 'kube-apiserver',
        range: range(15, 7, 15, 23),
        stage: 'PodSecurity admission (baseline)',
        place: 'validating-admission',
        path: 'spec.containers[0].securityContext.privileged',
        fixes: [{ title: 'Set privileged to false', edits: [{ range: range(15, 19, 15, 23), text: 'false' }] }],
      },
    ]);
    expect(r.outcome).toEqual({
      verdict: 'rejected',
      stage: 'kube-apiserver · PodSecurity admission (baseline)',
      message,
      line: 15,
    });
  });

  it('restricted: each missing setting at the container, inserted into a new securityContext', () => {
    const r = preflight(presetInput('podsecurity-restricted'));
    expect(r.diagnostics.map((d) => [d.path, d.range, d.fixes?.[0]?.edits[0]?.text])).toEqual([
      [
        'spec.containers[0].securityContext.allowPrivilegeEscalation',
        range(10, 5, 10, 22),
        '\n    securityContext:\n      allowPrivilegeEscalation: false',
      ],
      [
        'spec.containers[0].securityContext.capabilities',
        range(10, 5, 10, 22),
        '\n    securityContext:\n      capabilities:\n        drop: ["ALL"]',
      ],
      [
        'spec.containers[0].securityContext.runAsNonRoot',
        range(10, 5, 10, 22),
        '\n    securityContext:\n      runAsNonRoot: true',
      ],
      [
        'spec.containers[0].securityContext.seccompProfile',
        range(10, 5, 10, 22),
        '\n    securityContext:\n      seccompProfile:\n        type: RuntimeDefault',
      ],
    ]);
    expect(r.diagnostics[0]!.fixes![0]!.edits[0]!.range).toEqual(range(10, 22, 10, 22));
  });

  it('cpu: "100": Insufficient cpu at the request, a warning (created, stays Pending)', () => {
    const r = preflight(withManifest((m) => `${m}    resources:\n      requests:\n        cpu: "100"\n`));
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    expect(r.diagnostics).toEqual([
      {
        severity: 'warning',
        message,
        source: 'kube-scheduler',
        range: range(15, 9, 15, 19),
        stage: 'TaintToleration, NodeResourcesFit filter',
        place: 'filter',
        path: 'spec.containers[0].resources.requests.cpu',
      },
    ]);
    expect(r.outcome.verdict).toBe('unschedulable');
  });

  it('a missing ConfigMap: the kubelet at the env reference', () => {
    const r = preflight(
      withManifest(
        (m) =>
          `${m}    env:\n    - name: MODE\n      valueFrom:\n        configMapKeyRef:\n          name: app-config\n          key: mode\n`,
      ),
    );
    expect(r.diagnostics).toEqual([
      {
        severity: 'warning',
        message: 'Error: configmap "app-config" not found',
        source: 'kubelet',
        range: range(15, 7, 15, 17),
        stage: 'container config (CreateContainerConfigError)',
        place: 'container',
        path: 'spec.containers[0].env[0].valueFrom',
      },
    ]);
    expect(r.outcome).toEqual<PreflightOutcome>({
      verdict: 'failing',
      stage: 'kubelet · container config (CreateContainerConfigError)',
      message: 'Error: configmap "app-config" not found',
      line: 15,
    });
  });

  it('an image the registry does not have: ErrImagePull at image:', () => {
    const r = preflight(withManifest((m) => m.replace('node-web-app:latest', 'node-web-ap:latest')));
    expect(r.diagnostics.map((d) => [d.message, d.range, d.place, d.stage])).toEqual([
      [
        'Failed to pull image "sonasingh46/node-web-ap:latest": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/sonasingh46/node-web-ap:latest": failed to resolve reference "docker.io/sonasingh46/node-web-ap:latest": docker.io/sonasingh46/node-web-ap:latest: not found',
        range(10, 5, 10, 42),
        'image',
        'image pull (ErrImagePull)',
      ],
    ]);
  });

  it('an invalid name: 422 at metadata.name with the cause text', () => {
    const r = preflight(
      withManifest((m) => m.replace('  name: example-pod\n  labels', '  name: Example_Pod\n  labels')),
    );
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        message:
          "metadata.name: Invalid value: \"Example_Pod\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        source: 'kube-apiserver',
        range: range(4, 3, 4, 20),
        stage: 'validation (422)',
        place: 'validation',
        path: 'metadata.name',
      },
    ]);
    expect(r.outcome.verdict).toBe('rejected');
    expect(r.outcome.message.startsWith('The Pod "Example_Pod" is invalid: metadata.name: Invalid value')).toBe(true);
  });

  it('a ConfigMap then a Pod: each against its kind, on its own lines', () => {
    const manifest = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndataa:\n  mode: fast\n---\n${base.manifest.replace('    image: ', '    imagee: ')}`;
    const r = preflight({ ...base, manifest });
    expect(r.diagnostics.map((d) => [d.path, d.range, d.message])).toEqual([
      [
        'dataa',
        range(5, 1, 5, 6),
        'Error from server (BadRequest): error when creating "pod.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "dataa"',
      ],
      [
        'spec.containers[0].imagee',
        range(17, 5, 17, 11),
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
      ],
    ]);
    expect(r.diagnostics[0]!.fixes?.[0]?.title).toBe('Rename "dataa" to "data"');
    expect(r.outcome.line).toBe(5);
  });

  it('flow style on one line: ranges inside that line, no insertion fix', () => {
    const manifest =
      '{apiVersion: v1, kind: Pod, metadata: {name: example-pod}, spec: {containers: [{name: web, imagee: nginx:1.27}]}}\n';
    const r = preflight({ ...base, manifest });
    expect(r.diagnostics.map((d) => [d.path, d.range, d.fixes?.[0]?.title])).toEqual([
      ['spec.containers[0].imagee', range(1, 92, 1, 98), 'Rename "imagee" to "image"'],
    ]);
  });
});
