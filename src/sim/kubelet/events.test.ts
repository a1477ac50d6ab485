import { describe, expect, it } from 'vitest';
import { boundPod, TEST_UID } from '../scheduler/testPod';
import { clientHeaders, unixNanoHex } from './apiClient';
import { createdContainer, kubeletEvent, pulledImage } from './events';

describe('kubelet events', () => {
  it('a container event is a core/v1 Event from source kubelet pointing at spec.containers{name}', () => {
    const ev = kubeletEvent({
      pod: boundPod('worker-1'),
      node: 'worker-1',
      event: createdContainer('example-pod'),
      container: 'example-pod',
      time: '2026-11-26T09:30:13Z',
      timeMicro: '2026-11-26T09:30:13.250000Z',
    });
    expect(ev).toEqual({
      kind: 'Event',
      apiVersion: 'v1',
      metadata: { name: 'example-pod.18eb8e5e911de480', namespace: 'default' },
      involvedObject: {
        kind: 'Pod',
        namespace: 'default',
        name: 'example-pod',
        uid: TEST_UID,
        apiVersion: 'v1',
        resourceVersion: '1057',
        fieldPath: 'spec.containers{example-pod}',
      },
      reason: 'Created',
      message: 'Created container: example-pod',
      source: { component: 'kubelet', host: 'worker-1' },
      firstTimestamp: '2026-11-26T09:30:13Z',
      lastTimestamp: '2026-11-26T09:30:13Z',
      count: 1,
      type: 'Normal',
      reportingComponent: 'kubelet',
      reportingInstance: 'worker-1',
    });
  });

  it('Pulled reports both durations and the size', () => {
    expect(pulledImage('nginx:1.27', 4123, 4125, 72080558).message).toBe(
      'Successfully pulled image "nginx:1.27" in 4.123s (4.125s including waiting). Image size: 72080558 bytes.',
    );
  });

  it('event names end in the UnixNano of the event time, in hex', () => {
    expect(unixNanoHex('2026-11-26T09:30:13.250000Z')).toBe(1795685413250000000n.toString(16));
    expect(unixNanoHex('2026-11-26T09:30:13Z')).toBe(1795685413000000000n.toString(16));
  });

  it('clients speak protobuf, and PATCH with a strategic merge patch', () => {
    expect(clientHeaders('kubelet', { patch: true })).toEqual({
      Accept: 'application/vnd.kubernetes.protobuf,application/json',
      'Content-Type': 'application/strategic-merge-patch+json',
      'User-Agent': 'kubelet/v1.33.0 (linux/amd64) kubernetes/60a317e',
    });
    expect(clientHeaders('kube-scheduler')).toEqual({
      Accept: 'application/vnd.kubernetes.protobuf, */*',
      'Content-Type': 'application/vnd.kubernetes.protobuf',
      'User-Agent': 'kube-scheduler/v1.33.0 (linux/amd64) kubernetes/60a317e',
    });
  });
});
