import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { defaultCluster, defaultImages } from '@scenarios';
import { createRng } from '../random';
import type { ImageFacts, KubeObject } from '../scenario';
import { schedulePod } from './schedule';
import { defaultNormalizeScore, leastRequestedScore } from './scores';
import { buildSnapshot } from './snapshot';
import { storedPod } from './testPod';

/** Raw and normalized score of one plugin per node, after a full scheduling cycle. */
function scores(
  pod: Pod,
  plugin: string,
  objects: KubeObject[] = defaultCluster(),
  images: ImageFacts = defaultImages(),
) {
  const { result } = schedulePod(pod, buildSnapshot(objects, images), createRng(7));
  return Object.fromEntries(
    result.nodes
      .filter((n) => n.scores)
      .map((n) => {
        const s = n.scores!.find((x) => x.plugin === plugin)!;
        return [n.node, { raw: s.raw, score: s.score, weighted: s.weighted }];
      }),
  );
}

const tolerateAll = (pod: Pod): Pod => ({ ...pod, spec: { ...pod.spec!, tolerations: [{ operator: 'Exists' }] } });
const withTaint = (node: string, taint: object) =>
  defaultCluster().map((o) =>
    o.kind === 'Node' && o.metadata.name === node ? { ...o, spec: { ...(o.spec as object), taints: [taint] } } : o,
  );

describe('score plugins on the default cluster', () => {
  it('NodeResourcesFit LeastAllocated: ((allocatable - requested) × 100 / allocatable), cpu and memory averaged (weights 1:1)', () => {
    // noderesources/least_allocated.go; requests are "non-zero": a container without requests counts
    // as 100m cpu and 200 MiB memory (pkg/scheduler/util DefaultMilliCPURequest / DefaultMemoryRequest).
    // worker-*: kindnet 100m/50Mi + kube-proxy (none → 100m/200Mi) + this pod (none → 100m/200Mi)
    //   cpu    (4000 - 300) × 100 / 4000 = 92
    //   memory (8589934592 - 471859200) × 100 / 8589934592 = 94
    //   → (92 + 94) / 2 = 93
    // control-plane (when tolerated): 1050m of requests + 100m → 71; 1142947840 + 209715200 bytes → 84; → 77
    expect(leastRequestedScore(300, 4000)).toBe(92);
    expect(leastRequestedScore(471_859_200, 8_589_934_592)).toBe(94);
    expect(scores(storedPod(), 'NodeResourcesFit')).toEqual({
      'worker-1': { raw: 93, score: 93, weighted: 93 },
      'worker-2': { raw: 93, score: 93, weighted: 93 },
    });
    expect(scores(tolerateAll(storedPod()), 'NodeResourcesFit')).toEqual({
      'control-plane': { raw: 77, score: 77, weighted: 77 },
      'worker-1': { raw: 93, score: 93, weighted: 93 },
      'worker-2': { raw: 93, score: 93, weighted: 93 },
    });
  });

  it('TaintToleration (weight 3): untolerated PreferNoSchedule taints counted, then normalized in reverse', () => {
    expect(scores(storedPod(), 'TaintToleration')).toEqual({
      'worker-1': { raw: 0, score: 100, weighted: 300 },
      'worker-2': { raw: 0, score: 100, weighted: 300 },
    });
    expect(
      scores(
        storedPod(),
        'TaintToleration',
        withTaint('worker-1', { key: 'spot', value: 'true', effect: 'PreferNoSchedule' }),
      ),
    ).toEqual({
      'worker-1': { raw: 1, score: 0, weighted: 0 },
      'worker-2': { raw: 0, score: 100, weighted: 300 },
    });
  });

  it('NodeAffinity (weight 2): sum of matching preferred weights, normalized to the best node', () => {
    const term = (weight: number, host: string) => ({
      weight,
      preference: { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] },
    });
    const pod = storedPod({
      spec: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [term(80, 'worker-2'), term(20, 'worker-1')],
          },
        },
      },
    });
    expect(scores(pod, 'NodeAffinity')).toEqual({
      'worker-1': { raw: 20, score: 25, weighted: 50 },
      'worker-2': { raw: 80, score: 100, weighted: 200 },
    });
  });

  it('NodeResourcesBalancedAllocation (weight 1): (1 - |cpu fraction - memory fraction| / 2) × 100, real requests', () => {
    // worker-1 with the pod: cpu (100 + 1000) / 4000 = 0.275; memory (52428800 + 1073741824) / 8589934592 = 0.1311
    // → (1 - 0.0719) × 100 = 92
    const pod = storedPod({ containers: [{ resources: { requests: { cpu: '1', memory: '1Gi' } } }] });
    expect(scores(pod, 'NodeResourcesBalancedAllocation')['worker-1']).toEqual({ raw: 92, score: 92, weighted: 92 });
  });

  it('ImageLocality (weight 1): image size × share of nodes having it, scaled between 23 MiB and 1000 MiB per container', () => {
    // The node reports the image in status.images (the scheduler's cache keys imageStates by those names).
    const images = defaultImages();
    const cluster = defaultCluster().map((o) => {
      if (o.kind !== 'Node' || o.metadata.name !== 'worker-2') return o;
      const status = o.status as { images?: { names: string[]; sizeBytes: number }[] };
      const pulled = { names: ['docker.io/sonasingh46/node-web-app:latest'], sizeBytes: 345112384 };
      return { ...o, status: { ...status, images: [pulled, ...(status.images ?? [])] } };
    });
    // 345112384 bytes × 1/3 nodes = 115037461 → 100 × (115037461 - 24117248) / (1048576000 - 24117248) = 8
    const full = storedPod({ containers: [{ image: 'docker.io/sonasingh46/node-web-app:latest' }] });
    expect(scores(full, 'ImageLocality', cluster, images)).toEqual({
      'worker-1': { raw: 0, score: 0, weighted: 0 },
      'worker-2': { raw: 8, score: 8, weighted: 8 },
    });
    // Nodes report containerd's full names; the plugin only appends ":latest", so a short name finds nothing.
    expect(scores(storedPod(), 'ImageLocality', cluster, images)['worker-2']).toEqual({
      raw: 0,
      score: 0,
      weighted: 0,
    });
  });

  it('lists every default score plugin with its weight, and why PreScore skipped it for the story pod', () => {
    const { result } = schedulePod(storedPod(), buildSnapshot(defaultCluster(), defaultImages()), createRng(7));
    expect(result.scorePlugins).toEqual([
      { name: 'TaintToleration', weight: 3 },
      { name: 'NodeAffinity', weight: 2, skipped: 'the pod has no preferred node affinity' },
      { name: 'NodeResourcesFit', weight: 1 },
      {
        name: 'VolumeBinding',
        weight: 1,
        skipped: 'storage capacity scoring is off (StorageCapacityScoring feature gate, alpha)',
      },
      {
        name: 'PodTopologySpread',
        weight: 2,
        skipped: 'no Service or workload selects the pod, so the default spread constraints do not apply',
      },
      {
        name: 'InterPodAffinity',
        weight: 2,
        skipped: 'neither the pod nor any running pod has preferred inter-pod affinity',
      },
      { name: 'NodeResourcesBalancedAllocation', weight: 1, skipped: 'the pod requests no cpu or memory (BestEffort)' },
      { name: 'ImageLocality', weight: 1 },
    ]);
    expect(result.nodes.map((n) => [n.node, n.total])).toEqual([
      ['control-plane', undefined],
      ['worker-1', 393],
      ['worker-2', 393],
    ]);
  });

  it('PodTopologySpread stops skipping when a Service selects the pod (default constraints apply)', () => {
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { env: 'story-telling' } },
    };
    const { result } = schedulePod(
      storedPod(),
      buildSnapshot([...defaultCluster(), svc], defaultImages()),
      createRng(7),
    );
    expect(result.scorePlugins.find((p) => p.name === 'PodTopologySpread')?.skipped).toBeUndefined();
  });
});

describe('defaultNormalizeScore', () => {
  it.each([
    [[0, 0], false, [0, 0]],
    [[0, 0], true, [100, 100]],
    [[1, 3], false, [33, 100]],
    [[1, 3], true, [67, 0]],
  ])('%j reverse=%s → %j', (input, reverse, expected) => {
    expect(defaultNormalizeScore(input, reverse)).toEqual(expected);
  });
});
