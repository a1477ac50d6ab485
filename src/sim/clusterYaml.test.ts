// The Cluster tab: multi-document YAML → stored objects, image facts and diagnostics at their lines.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_YAML } from '@scenarios';
import { parseCluster } from './clusterYaml';

const NS = `apiVersion: v1
kind: Namespace
metadata:
  name: default
`;
const problems = (text: string) =>
  parseCluster(text).diagnostics.map((d) => [d.range.startLine, d.severity, d.message] as const);

describe('parseCluster: the default cluster', () => {
  const parsed = parseCluster(DEFAULT_CLUSTER_YAML);
  const find = (kind: string, name: string) => parsed.objects.find((o) => o.kind === kind && o.metadata.name === name)!;

  it('reads without a problem, every object once', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.objects).toHaveLength(39);
    expect(new Set(parsed.objects.map((o) => o.kind))).toEqual(
      new Set([
        'Namespace',
        'Node',
        'ServiceAccount',
        'Secret',
        'ConfigMap',
        'ClusterRole',
        'ClusterRoleBinding',
        'Role',
        'RoleBinding',
        'PriorityClass',
        'Pod',
      ]),
    );
  });

  it('fills what kube-apiserver set at creation, keeping the resource versions of the TypeScript cluster', () => {
    expect(find('Namespace', 'default')).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'default',
        uid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        resourceVersion: '207',
        creationTimestamp: '2026-11-26T08:30:00Z',
        labels: { 'kubernetes.io/metadata.name': 'default' },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    expect(parsed.objects.map((o) => Number(o.metadata.resourceVersion)).sort((a, b) => b - a)[0]).toBe(438);
    expect(find('Pod', 'kindnet-b7kpt')).toMatchObject({
      metadata: { namespace: 'kube-system' },
      spec: { priority: 2000001000 },
      status: { qosClass: 'Guaranteed' },
    });
    expect(find('Pod', 'coredns-674b8bbfcf-8l4dm')).toMatchObject({
      spec: { priority: 2000000000 },
      status: { qosClass: 'Burstable' },
    });
    expect(find('PriorityClass', 'system-node-critical').preemptionPolicy).toBe('PreemptLowerPriority');
  });

  it('gives each object a stable uid and keeps an explicit one', () => {
    expect(parseCluster(DEFAULT_CLUSTER_YAML).objects.map((o) => o.metadata.uid)).toEqual(
      parsed.objects.map((o) => o.metadata.uid),
    );
    expect(new Set(parsed.objects.map((o) => o.metadata.uid)).size).toBe(parsed.objects.length);
    expect(find('ServiceAccount', 'ci-bot').metadata.uid).toBe('7c4a397f-f3d7-4948-ac42-ab1552ed57cd');
  });

  it('reads the images on each node from status.images and the registry document', () => {
    expect(parsed.images.presentOnNode['worker-1']).toEqual([
      'docker.io/kindest/kindnetd:v20250512-df8de77b',
      'registry.k8s.io/kube-proxy:v1.33.1',
      'registry.k8s.io/pause:3.10',
    ]);
    expect(parsed.images.presentOnNode['control-plane']).toHaveLength(8);
    expect(parsed.images.registry['sonasingh46/node-web-app:latest']).toEqual({
      size: 345112384,
      digest: 'sha256:7a3b7b0b6b1c5e9e4b2a9f8e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4',
      behavior: { http: [{ port: 8000, paths: ['/'] }] },
    });
    expect(Object.keys(parsed.images.registry)).toHaveLength(13);
    expect(parsed.images.registry['busybox:1.37']?.behavior).toEqual({ exit: { code: 0, afterMs: 1000 } });
  });
});

describe('parseCluster: diagnostics', () => {
  it.each([
    [
      'a kind the cluster cannot hold',
      `${NS}---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n`,
      7,
      'Cluster: kind "Deployment" is not one of the objects the cluster can hold here: Node, Namespace, ServiceAccount, ConfigMap, Secret, ResourceQuota, LimitRange, PersistentVolumeClaim, PersistentVolume, Pod, Role, ClusterRole, RoleBinding, ClusterRoleBinding, PriorityClass, ImageRegistry',
    ],
    [
      'the wrong apiVersion',
      `${NS}---\napiVersion: v1\nkind: Role\nmetadata:\n  name: r\n`,
      6,
      'Cluster: kind Role is served as apiVersion "rbac.authorization.k8s.io/v1", not "v1"',
    ],
    [
      'a missing name',
      `${NS}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: default\n`,
      8,
      'Cluster: metadata.name: Required value',
    ],
    [
      'a duplicate',
      `${NS}---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: bot\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: bot\n  namespace: default\n`,
      14,
      'Cluster: ServiceAccount "bot" in namespace "default" is already defined at line 6',
    ],
    [
      'a namespace that does not exist',
      `${NS}---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: bot\n  namespace: team-a\n`,
      10,
      'Cluster: namespace "team-a" is not in the cluster; add a Namespace named team-a',
    ],
    [
      'a capacity that is not a quantity',
      `apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\nstatus:\n  capacity:\n    cpu: four\n`,
      7,
      "Cluster: status.capacity.cpu: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
    [
      'an unknown taint effect',
      `apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\nspec:\n  taints:\n  - key: gpu\n    effect: NoRun\n`,
      8,
      'Cluster: spec.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ],
    [
      'a pod on a node that does not exist',
      `${NS}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  nodeName: worker-9\n  containers: []\n`,
      11,
      'Cluster: pod default/p runs on node "worker-9", which is not in the cluster',
    ],
    [
      'a registry image with a bad digest',
      `apiVersion: podjourney.dev/v1alpha1\nkind: ImageRegistry\nmetadata:\n  name: registries\nimages:\n- name: app:1\n  size: 10\n  digest: sha256:abc\n`,
      8,
      'Cluster: images[0].digest: a digest is sha256: followed by 64 lowercase hex digits',
    ],
    [
      'a behaviour memory that is not a quantity',
      `apiVersion: podjourney.dev/v1alpha1\nkind: ImageRegistry\nmetadata:\n  name: registries\nimages:\n- name: app:1\n  size: 10\n  digest: sha256:${'a'.repeat(64)}\n  behavior:\n    memory: lots\n`,
      10,
      "Cluster: images[0].behavior.memory: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
  ])('%s', (_, text, line, message) => {
    expect(problems(text)).toEqual([[line, 'error', message]]);
  });

  it('turns the registry behaviour into milliseconds and bytes', () => {
    const text = `apiVersion: podjourney.dev/v1alpha1\nkind: ImageRegistry\nmetadata:\n  name: registries\nimages:\n- name: app:1\n  size: 10\n  digest: sha256:${'a'.repeat(64)}\n  behavior:\n    exit: {code: 1, afterSeconds: 2.5}\n    memory: 600Mi\n    tcpPorts: [8080]\n`;
    const r = parseCluster(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.objects).toEqual([]);
    expect(r.images.registry['app:1']!.behavior).toEqual({
      exit: { code: 1, afterMs: 2500 },
      memoryBytes: 629145600,
      tcpPorts: [8080],
    });
  });

  it('keeps YAML syntax errors at their line', () => {
    expect(problems(`${NS}---\nkind: Namespace\nmetadata:\n  name: x\n   bad: [\n`)[0]?.[0]).toBeGreaterThanOrEqual(6);
  });
});
