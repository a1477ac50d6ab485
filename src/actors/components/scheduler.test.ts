import { afterEach, describe, expect, it } from 'vitest';
import { defaultScenario } from '@scenarios';
import type { KubeObject } from '@sim';
import { startClient } from './clientTestHarness';
import { SCHEDULER_WATCH_PATH, schedulerMachine } from './scheduler';

/** The story pod as kube-apiserver stores it (what the watch delivers). */
function storyPod(requests: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'example-pod',
      namespace: 'default',
      uid: '11111111-2222-4333-8444-555555555555',
      resourceVersion: '1052',
      creationTimestamp: '2026-11-26T09:30:00Z',
    },
    spec: {
      containers: [
        {
          name: 'example-pod',
          image: 'sonasingh46/node-web-app:latest',
          imagePullPolicy: 'Always',
          resources: { requests },
        },
      ],
      schedulerName: 'default-scheduler',
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
    },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
}

let stop = () => {};
afterEach(() => stop());

describe('kube-scheduler machine', () => {
  it('watches, queues, filters, scores, binds with the exact Binding body, then records Scheduled', () => {
    const sim = startClient(defaultScenario(), { id: 'kube-scheduler', logic: schedulerMachine });
    stop = sim.stop;
    sim.run(10);
    expect(sim.received[0]).toEqual({ type: 'watch.start', watcher: 'kube-scheduler', path: SCHEDULER_WATCH_PATH });
    sim.watch('ADDED', storyPod());
    sim.run();

    const steps = sim.recorder.steps.map((s) => [s.place, s.title, s.outcome]);
    const node = sim.recorder.steps.find((s) => s.place === 'score')!.scheduling!.selected!;
    expect(steps).toEqual([
      ['queue', 'Pod added to activeQ', 'info'],
      ['filter', 'Filter: 2 of 3 nodes fit', 'ok'],
      ['score', `Score: ${node} wins with 393`, 'ok'],
      ['bind', `Bind to ${node}: POST binding`, 'info'],
      ['bind', 'Bound; event Scheduled', 'ok'],
    ]);
    const [binding, event] = sim.requests();
    expect(binding).toEqual({
      method: 'POST',
      path: '/api/v1/namespaces/default/pods/example-pod/binding',
      headers: {
        Accept: 'application/vnd.kubernetes.protobuf, */*',
        'Content-Type': 'application/vnd.kubernetes.protobuf',
        'User-Agent': 'kube-scheduler/v1.33.0 (linux/amd64) kubernetes/60a317e',
      },
      body: {
        kind: 'Binding',
        apiVersion: 'v1',
        metadata: { name: 'example-pod', namespace: 'default', uid: '11111111-2222-4333-8444-555555555555' },
        target: { kind: 'Node', name: node },
      },
    });
    expect(event).toMatchObject({
      method: 'POST',
      path: '/apis/events.k8s.io/v1/namespaces/default/events',
      body: {
        reason: 'Scheduled',
        action: 'Binding',
        type: 'Normal',
        note: `Successfully assigned default/example-pod to ${node}`,
        reportingController: 'default-scheduler',
      },
    });
    // the filter step shows control-plane rejected by its taint; scores come with the score step
    const filter = sim.recorder.steps[1]!.scheduling!;
    expect(filter.nodes[0]!.filters.at(-1)).toMatchObject({
      plugin: 'TaintToleration',
      status: 'UnschedulableAndUnresolvable',
    });
    expect(filter.nodes.some((n) => n.scores)).toBe(false);
    expect(sim.recorder.steps[3]!.packets).toEqual([
      { from: 'kube-scheduler', to: 'kube-apiserver', kind: 'request', label: 'binding' },
    ]);
    expect(sim.recorder.steps.at(-1)!.pod).toMatchObject({ at: 'kube-scheduler', status: 'Pending', nodeName: node });
  });

  it('ignores pods that are assigned already or addressed to another scheduler', () => {
    const sim = startClient(defaultScenario(), { id: 'kube-scheduler', logic: schedulerMachine });
    stop = sim.stop;
    const pod = storyPod();
    sim.watch('ADDED', { ...pod, spec: { ...(pod.spec as object), schedulerName: 'my-scheduler' } });
    sim.watch('ADDED', {
      ...pod,
      metadata: { ...pod.metadata, name: 'pinned' },
      spec: { ...(pod.spec as object), nodeName: 'worker-1' },
    });
    sim.run();
    expect(sim.recorder.steps).toEqual([]);
    expect(sim.requests()).toEqual([]);
  });

  it('no node fits: PATCH PodScheduled=False, FailedScheduling event (golden check 17), retry after the 5-minute flush', () => {
    const sim = startClient(defaultScenario(), { id: 'kube-scheduler', logic: schedulerMachine });
    stop = sim.stop;
    sim.watch('ADDED', storyPod({ cpu: '3950m' }));
    expect(sim.run(60_000)).toBe(true); // the retry is pending beyond the horizon
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    const [patch, event] = sim.requests();
    expect(patch).toMatchObject({
      method: 'PATCH',
      path: '/api/v1/namespaces/default/pods/example-pod/status',
      headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
      body: {
        status: {
          conditions: [
            { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null },
          ],
        },
      },
    });
    expect(event).toMatchObject({
      body: { type: 'Warning', reason: 'FailedScheduling', action: 'Scheduling', note: message },
    });
    expect(sim.recorder.steps.map((s) => s.title)).toEqual([
      'Pod added to activeQ',
      'Filter: 0 of 3 nodes fit',
      'PATCH status: PodScheduled=False',
      'Event FailedScheduling',
    ]);
    // the flush at t = 330 s tries again
    sim.run(400_000);
    expect(sim.recorder.steps.filter((s) => s.place === 'filter')).toHaveLength(2);
  });
});

describe('kube-scheduler machine: cluster events', () => {
  it('retries an unschedulable pod as soon as a pod on a node is deleted (popped from backoffQ when activeQ is empty)', () => {
    const sim = startClient(defaultScenario(), { id: 'kube-scheduler', logic: schedulerMachine });
    stop = sim.stop;
    sim.watch('ADDED', storyPod({ cpu: '3950m' }));
    sim.run(100);
    // kindnet on worker-1 goes away: 4000m free there now
    const kindnet = defaultScenario().cluster.find((o) => o.kind === 'Pod' && o.metadata.name === 'kindnet-b7kpt')!;
    sim.watch('DELETED', kindnet);
    sim.run(60_000);
    const titles = sim.recorder.steps.map((s) => s.title);
    expect(titles.slice(4)).toEqual([
      'Filter: 1 of 3 nodes fit',
      'One node fits: worker-1',
      'Bind to worker-1: POST binding',
      'Bound; event Scheduled',
    ]);
    // v1.33 SchedulerPopFromBackoffQ: no waiting out the 1 s back-off while nothing else is queued
    expect(sim.recorder.steps[4]!.t).toBeLessThan(sim.recorder.steps[1]!.t + 1000);
  });
});
