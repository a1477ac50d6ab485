import { describe, expect, it } from 'vitest';
import {
  bindingBody,
  bindingPath,
  eventsPath,
  needsScheduling,
  scheduledNote,
  schedulerEvent,
  schedulingGatedCondition,
  unschedulableStatusPatch,
} from './messages';
import { storedPod, TEST_UID } from './testPod';

describe('what kube-scheduler sends', () => {
  it('the Binding of FIDELITY §8.6: pod UID as precondition, no resourceVersion', () => {
    expect(bindingPath(storedPod())).toBe('/api/v1/namespaces/default/pods/example-pod/binding');
    expect(JSON.stringify(bindingBody(storedPod(), 'worker-1'))).toBe(
      `{"kind":"Binding","apiVersion":"v1","metadata":{"name":"example-pod","namespace":"default","uid":"${TEST_UID}"},"target":{"kind":"Node","name":"worker-1"}}`,
    );
  });

  it('golden check 16: the Scheduled event (events.k8s.io/v1)', () => {
    const ev = schedulerEvent({
      pod: storedPod(),
      type: 'Normal',
      reason: 'Scheduled',
      action: 'Binding',
      note: scheduledNote(storedPod(), 'worker-1'),
      host: 'control-plane',
      timeMicro: '2026-11-26T09:30:00.012000Z',
    });
    expect(eventsPath('default')).toBe('/apis/events.k8s.io/v1/namespaces/default/events');
    expect(ev).toEqual({
      kind: 'Event',
      apiVersion: 'events.k8s.io/v1',
      // "%v.%x" of the pod name and UnixNano (1795685400012000000 ns)
      metadata: { name: 'example-pod.18eb8e5b7c120b00', namespace: 'default' },
      eventTime: '2026-11-26T09:30:00.012000Z',
      reportingController: 'default-scheduler',
      reportingInstance: 'default-scheduler-control-plane',
      action: 'Binding',
      reason: 'Scheduled',
      regarding: {
        kind: 'Pod',
        namespace: 'default',
        name: 'example-pod',
        uid: TEST_UID,
        apiVersion: 'v1',
        resourceVersion: '1052',
      },
      note: 'Successfully assigned default/example-pod to worker-1',
      type: 'Normal',
    });
  });

  it('golden check 17: PodScheduled=False reason Unschedulable, as a status patch without UID', () => {
    expect(unschedulableStatusPatch(storedPod(), '0/3 nodes are available: …', '2026-11-26T09:30:00Z')).toEqual({
      status: {
        conditions: [
          {
            lastProbeTime: null,
            lastTransitionTime: '2026-11-26T09:30:00Z',
            message: '0/3 nodes are available: …',
            reason: 'Unschedulable',
            status: 'False',
            type: 'PodScheduled',
          },
        ],
      },
    });
  });

  it.each([
    [storedPod(), true],
    [storedPod({ spec: { nodeName: 'worker-1' } }), false],
    [storedPod({ spec: { schedulerName: 'my-scheduler' } }), false],
  ])('needsScheduling, case %#', (pod, expected) => {
    expect(needsScheduling(pod)).toBe(expected);
  });

  it('a gated pod: PodScheduled=False reason SchedulingGated, set by kube-apiserver at create (strategy.go)', () => {
    expect(schedulingGatedCondition()).toEqual({
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: null,
      reason: 'SchedulingGated',
      message: 'Scheduling is blocked due to non-empty scheduling gates',
    });
  });
});
