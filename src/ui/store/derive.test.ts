import { describe, expect, it } from 'vitest';
import { simulate } from '@actors';
import { defaultCluster, defaultScenario } from '@scenarios';
import {
  componentKind,
  componentLabel,
  containerRuntime,
  gateOutcomes,
  journeyPod,
  latestScheduling,
  latestStepOf,
  objectAt,
  placeOutcomes,
  podsOnNode,
} from './derive';

const trace = simulate(defaultScenario());
const steps = trace.steps;
const indexOf = (title: RegExp) => steps.findIndex((s) => title.test(s.title));

describe('reading the default journey', () => {
  it('finds the pod of the journey', () => {
    expect(journeyPod(trace)).toEqual({
      key: '/registry/pods/default/example-pod',
      namespace: 'default',
      name: 'example-pod',
    });
    expect(journeyPod({ ...trace, steps: trace.steps.slice(0, 1) })).toBeUndefined();
  });

  it('has no scheduling result before the scheduler filters, then the latest one', () => {
    const filter = steps.findIndex((s) => s.scheduling);
    expect(latestScheduling(steps, filter - 1)).toBeUndefined();
    expect(latestScheduling(steps, filter)?.step.index).toBe(filter);
    expect(latestScheduling(steps, steps.length - 1)?.result.selected).toMatch(/^worker-[12]$/);
  });

  it('shows no object before any, then the step object or the latest one', () => {
    expect(objectAt(steps, 0)).toBeUndefined();
    const decode = indexOf(/^Decode/);
    expect(objectAt(steps, decode)?.step.index).toBe(decode);
    expect(objectAt(steps, steps.length - 1)?.key).toBe('/registry/pods/default/example-pod');
  });

  it('marks the gates the current request has passed', () => {
    const authz = indexOf(/^Authorized: create pods/);
    expect(gateOutcomes(steps, authz)).toEqual({ authentication: 'ok', authorization: 'ok' });
    expect(gateOutcomes(steps, 0)).toEqual({});
    // kubectl sending the POST starts a new exchange: the GET's gates are no longer shown.
    const post = indexOf(/^POST pods/);
    expect(steps[post]?.component).toBe('kubectl');
    expect(gateOutcomes(steps, post)).toEqual({});
    expect(gateOutcomes(steps, post - 1)).toMatchObject({ authentication: 'ok', authorization: 'ok', handler: 'info' });
  });
});

describe('what each component has done so far', () => {
  it('marks the kubelet places of the chosen node as the steps reach them', () => {
    const node = latestScheduling(steps, steps.length - 1)!.result.selected!;
    const kubelet = `kubelet:${node}` as const;
    const pulled = indexOf(/^CRI PullImage done/);
    expect(placeOutcomes(steps, pulled, kubelet)).toEqual({
      'kubelet-admission': 'ok',
      status: 'info',
      sync: 'ok',
      sandbox: 'ok',
      network: 'ok',
      image: 'ok',
    });
    expect(placeOutcomes(steps, 0, kubelet)).toEqual({});
    expect(latestStepOf(steps, pulled, kubelet)?.index).toBe(pulled);
    // The Pulled event (info) after the pull (ok) keeps the image place's ✓.
    expect(placeOutcomes(steps, pulled + 1, kubelet).image).toBe('ok');
    expect(steps[pulled + 1]).toMatchObject({ component: kubelet, place: 'image', outcome: 'info' });
    expect(latestStepOf(steps, 0, 'etcd')).toBeUndefined();
  });
});

describe('the cluster around the journey', () => {
  const cluster = defaultCluster();
  it('lists the pods already running on a node', () => {
    expect(podsOnNode(cluster, 'control-plane').map((p) => p.name)).toContain('etcd-control-plane');
    expect(podsOnNode(cluster, 'worker-1').every((p) => p.namespace === 'kube-system')).toBe(true);
  });
  it('reads the container runtime from the node status', () => {
    expect(containerRuntime(cluster, 'worker-1')).toBe('containerd://2.1.1');
    expect(containerRuntime(cluster, 'nope')).toBeUndefined();
  });
  it.each([
    ['kubectl', 'kubectl', 'kubectl'],
    ['kubectl-watch', 'kubectl', 'kubectl get pods -w'],
    ['kube-apiserver', 'apiserver', 'kube-apiserver'],
    ['etcd', 'etcd', 'etcd'],
    ['kube-scheduler', 'scheduler', 'kube-scheduler'],
    ['kubelet:worker-2', 'kubelet', 'kubelet:worker-2'],
  ] as const)('%s is a %s component labelled %s', (id, kind, label) => {
    expect(componentKind(id)).toBe(kind);
    expect(componentLabel(id)).toBe(label);
  });
});
