import { afterEach, describe, expect, it } from 'vitest';
import { defaultScenario } from '@scenarios';
import type { KubeObject } from '@sim';
import { startClient } from './clientTestHarness';
import { SCHEDULER_NODE_WATCH_PATH, SCHEDULER_WATCH_PATH, schedulerMachine } from './scheduler';

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
    expect(sim.received.slice(0, 2)).toEqual([
      { type: 'watch.start', watcher: 'kube-scheduler', path: SCHEDULER_WATCH_PATH },
      { type: 'watch.start', watcher: 'kube-scheduler', path: '/api/v1/nodes?watch=true' },
    ]);
    expect(SCHEDULER_NODE_WATCH_PATH).toBe('/api/v1/nodes?watch=true');
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
      // NodeResourcesFit's hint for AssignedPodDelete: a scheduled pod left, resources are free again
      'AssignedPodDelete: moved to backoffQ',
      'Filter: 1 of 3 nodes fit',
      'One node fits: worker-1',
      'Bind to worker-1: POST binding',
      'Bound; event Scheduled',
    ]);
    // v1.33 SchedulerPopFromBackoffQ: no waiting out the 1 s back-off while nothing else is queued
    expect(sim.recorder.steps[5]!.t).toBeLessThan(sim.recorder.steps[1]!.t + 1000);
    expect(sim.recorder.steps[4]!.facts).toContainEqual({
      label: 'QueueingHint NodeResourcesFit',
      value: 'Queue: the deleted pod frees the resources it requested on its node',
    });
  });
});

/** A node as kube-apiserver would deliver it on the node watch. */
function workerNode(
  name: string,
  opts: { cpu?: string; labels?: Record<string, string>; taints?: object[] } = {},
): KubeObject {
  const resources = { cpu: opts.cpu ?? '8', memory: '16Gi', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `0000000${name.length}-aaaa-4bbb-8ccc-dddddddddddd`,
      resourceVersion: '2101',
      creationTimestamp: '2026-11-26T09:30:20Z',
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...opts.labels },
    },
    spec: { podCIDR: '10.244.3.0/24', ...(opts.taints ? { taints: opts.taints } : {}) },
    status: { allocatable: resources, capacity: resources },
  };
}

/** Runs the scheduler with `pod` and delivers `events` on the watch at the given times. */
function runWith(
  pod: KubeObject,
  events: { at: number; type: 'ADDED' | 'MODIFIED'; object: KubeObject }[],
  until = 100_000,
) {
  const sim = startClient(defaultScenario(), { id: 'kube-scheduler', logic: schedulerMachine });
  stop = sim.stop;
  sim.watch('ADDED', pod);
  for (const e of events) sim.clock.setTimeout(() => sim.watch(e.type, e.object), e.at);
  sim.run(until);
  return sim;
}

describe('kube-scheduler machine: the node informer and QueueingHints', () => {
  it('a node added at 20 s moves the unschedulable pod to activeQ; the second cycle binds it there', () => {
    const sim = runWith(storyPod({ cpu: '3950m' }), [{ at: 20_000, type: 'ADDED', object: workerNode('worker-3') }]);
    const steps = sim.recorder.steps;
    expect(steps.map((s) => [Math.floor(s.t / 1000), s.title])).toEqual([
      [0, 'Pod added to activeQ'],
      [0, 'Filter: 0 of 3 nodes fit'],
      [0, 'PATCH status: PodScheduled=False'],
      [0, 'Event FailedScheduling'],
      [20, 'NodeAdd: moved to activeQ'],
      [20, 'Filter: 1 of 4 nodes fit'],
      [20, 'One node fits: worker-3'],
      [20, 'Bind to worker-3: POST binding'],
      [20, 'Bound; event Scheduled'],
    ]);
    // both plugins that rejected the pod answer Queue for an untainted node with 8 cpu
    expect(steps[4]!.facts).toEqual([
      { label: 'Cluster event', value: 'NodeAdd (node worker-3 added)' },
      {
        label: 'QueueingHint TaintToleration',
        value: 'Queue: the pod tolerates every NoSchedule/NoExecute taint of the node',
      },
      { label: 'QueueingHint NodeResourcesFit', value: "Queue: the pod's requests fit the node's allocatable" },
      { label: 'Rejected by', value: 'TaintToleration, NodeResourcesFit' },
      { label: 'Moved to', value: 'activeQ' },
    ]);
    expect(steps[4]!.narration.summary).toBe(
      'NodeAdd (node worker-3 added): the QueueingHint of TaintToleration, NodeResourcesFit answered Queue, so default/example-pod moves to activeQ.',
    );
    expect(steps[5]!.scheduling!.nodes.map((n) => n.node)).toEqual([
      'control-plane',
      'worker-1',
      'worker-2',
      'worker-3',
    ]);
    expect(sim.requests().at(-2)).toMatchObject({
      body: { kind: 'Binding', target: { kind: 'Node', name: 'worker-3' } },
    });
  });

  it('a node no rejecting plugin could use (tainted, too small) is a QueueSkip: the pod keeps waiting', () => {
    const tainted = workerNode('gpu-1', {
      cpu: '2',
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
    });
    const sim = runWith(storyPod({ cpu: '3950m' }), [{ at: 20_000, type: 'ADDED', object: tainted }]);
    const titles = sim.recorder.steps.map((s) => s.title);
    expect(titles.slice(4)).toEqual(['NodeAdd: QueueSkip, pod keeps waiting']);
    expect(sim.recorder.steps[4]!.narration.summary).toBe(
      'NodeAdd (node gpu-1 added): no QueueingHint answered Queue, so default/example-pod stays in unschedulablePods.',
    );
  });

  it("NodeAffinity's hint fires when a node gets the label the pod's nodeSelector asks for", () => {
    const pod = storyPod();
    const picky = { ...pod, spec: { ...(pod.spec as object), nodeSelector: { disktype: 'ssd' } } };
    const worker2 = defaultScenario().cluster.find((o) => o.kind === 'Node' && o.metadata.name === 'worker-2')!;
    const labelled = {
      ...worker2,
      metadata: { ...worker2.metadata, labels: { ...worker2.metadata.labels, disktype: 'ssd' } },
    };
    const sim = runWith(picky, [{ at: 30_000, type: 'MODIFIED', object: labelled }]);
    const failed = sim.requests().find((r) => r.method === 'POST' && r.path.endsWith('/events'));
    expect((failed?.body as { note: string }).note).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. " +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    const moved = sim.recorder.steps[4]!;
    expect(moved.title).toBe('NodeLabelChange: moved to activeQ');
    expect(moved.facts).toContainEqual({
      label: 'QueueingHint NodeAffinity',
      value: "Queue: the node's labels match the pod's nodeSelector and required node affinity",
    });
    expect(sim.recorder.steps.at(-1)!.title).toBe('Bound; event Scheduled');
    expect(sim.requests().at(-2)).toMatchObject({ body: { target: { name: 'worker-2' } } });
  });

  it('a gated pod is never attempted; removing its last gate moves it to activeQ', () => {
    const pod = storyPod();
    const gated = { ...pod, spec: { ...(pod.spec as object), schedulingGates: [{ name: 'example.com/quota' }] } };
    const sim = runWith(gated, [{ at: 5_000, type: 'MODIFIED', object: pod }]);
    expect(sim.recorder.steps.map((s) => [Math.floor(s.t / 1000), s.title]).slice(0, 3)).toEqual([
      [0, 'Gated: waits outside activeQ'],
      [5, 'Gates removed: pod moved to activeQ'],
      [5, 'Filter: 2 of 3 nodes fit'],
    ]);
  });

  it('a second failure with the same message sends no status PATCH (the condition is unchanged)', () => {
    const pod = storyPod({ cpu: '3950m' });
    const sim = startClient(defaultScenario(), { id: 'kube-scheduler', logic: schedulerMachine });
    stop = sim.stop;
    sim.watch('ADDED', pod);
    sim.run(1_000);
    // the watch delivers the pod as patched by the first failure, then the 5-minute flush retries it
    const patched = sim.requests()[0]!.body as { status: { conditions: object[] } };
    sim.watch('MODIFIED', { ...pod, status: { ...(pod.status as object), conditions: patched.status.conditions } });
    sim.run(400_000);
    expect(sim.requests().map((r) => `${r.method} ${r.path.split('/').at(-1)}`)).toEqual([
      'PATCH status',
      'POST events',
      'POST events',
    ]);
    expect(sim.recorder.steps.at(-1)!.facts).toContainEqual({
      label: 'Status',
      value: 'PodScheduled condition unchanged: no PATCH',
    });
  });

  it('a pod still unschedulable at the horizon gets the last word: where it waits and what would retry it', () => {
    const sim = runWith(storyPod({ cpu: '3950m' }), [], 200_000); // the scenario's horizon is 120 s
    const last = sim.recorder.steps.at(-1)!;
    expect([last.t, last.title, last.outcome]).toEqual([120_000, 'Still in unschedulablePods at the horizon', 'warn']);
    expect(last.narration.summary).toBe(
      'The simulation stops here with default/example-pod still Pending: the pod waits in unschedulablePods; it is retried when a node changes, or after 5m0s at the latest.',
    );
    expect(last.facts).toEqual([
      { label: 'Queue', value: 'unschedulablePods' },
      { label: 'Rejected by', value: 'TaintToleration, NodeResourcesFit' },
      // failed at t = 3 ms: the first 30-second flush tick more than 5 minutes later is t = 330 s
      { label: 'Retried at the latest', value: 'in 210 s' },
    ]);
  });

  it('a node added while the cycle runs is an in-flight event: replayed when the pod fails, it goes to backoffQ', () => {
    // the cycle pops at t = 1 ms (snapshot: 3 nodes) and fails at t = 3 ms; worker-3 arrives at t = 2 ms
    const sim = runWith(storyPod({ cpu: '3950m' }), [{ at: 2, type: 'ADDED', object: workerNode('worker-3') }]);
    expect(sim.recorder.steps.map((s) => [s.t, s.title])).toEqual([
      [0, 'Pod added to activeQ'],
      [3, 'Filter: 0 of 3 nodes fit'],
      [3, 'PATCH status: PodScheduled=False'],
      [3, 'Event FailedScheduling'],
      [3, 'NodeAdd: moved to backoffQ'],
      // activeQ is empty, so v1.33 pops from backoffQ at once (SchedulerPopFromBackoffQ)
      [6, 'Filter: 1 of 4 nodes fit'],
      [7, 'One node fits: worker-3'],
      [8, 'Bind to worker-3: POST binding'],
      [12, 'Bound; event Scheduled'],
    ]);
  });
});
