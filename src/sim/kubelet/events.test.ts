import { describe, expect, it } from 'vitest';
import { boundPod, TEST_UID } from '../scheduler/testPod';
import { clientHeaders, unixNanoHex } from './apiClient';
import {
  backOffPullingImage,
  backOffRestarting,
  createdContainer,
  eventRepeatPatch,
  failedMount,
  failedToPullImage,
  imageNeverPull,
  invalidImageName,
  killingDefinitionChanged,
  killingUnhealthy,
  kubeletEvent,
  pulledImage,
  startFailed,
  unhealthy,
} from './events';

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

describe('failure event texts (image_manager.go, kuberuntime, prober, volume manager)', () => {
  it.each([
    [failedToPullImage('nginx:x', 'boom'), 'Warning', 'Failed', 'Failed to pull image "nginx:x": boom'],
    [backOffPullingImage('nginx:x'), 'Normal', 'BackOff', 'Back-off pulling image "nginx:x"'],
    [startFailed('ImagePullBackOff'), 'Warning', 'Failed', 'Error: ImagePullBackOff'],
    [startFailed('configmap "app" not found'), 'Warning', 'Failed', 'Error: configmap "app" not found'],
    [
      invalidImageName('Sona/Bad:latest', 'e'),
      'Warning',
      'InspectFailed',
      'Failed to apply default image tag "Sona/Bad:latest": e',
    ],
    [
      imageNeverPull('busybox:1.36'),
      'Warning',
      'ErrImageNeverPull',
      'Container image "busybox:1.36" is not present with pull policy of Never',
    ],
    [
      backOffRestarting('web', `example-pod_default(${TEST_UID})`),
      'Warning',
      'BackOff',
      `Back-off restarting failed container web in pod example-pod_default(${TEST_UID})`,
    ],
    [
      failedMount('config', 'configmap "app" not found'),
      'Warning',
      'FailedMount',
      'MountVolume.SetUp failed for volume "config" : configmap "app" not found',
    ],
    [
      unhealthy('readiness', 'HTTP probe failed with statuscode: 404'),
      'Warning',
      'Unhealthy',
      'Readiness probe failed: HTTP probe failed with statuscode: 404',
    ],
    [
      killingUnhealthy('web', 'liveness'),
      'Normal',
      'Killing',
      'Container web failed liveness probe, will be restarted',
    ],
    [
      killingDefinitionChanged('example-pod'),
      'Normal',
      'Killing',
      'Container example-pod definition changed, will be restarted',
    ],
  ])('%o', (event, type, reason, message) => {
    expect(event).toEqual({ type, reason, message });
  });

  it('a repeat is patched with count, lastTimestamp and message only', () => {
    expect(eventRepeatPatch(3, '2026-11-26T09:31:00Z', 'Error: ErrImagePull')).toEqual({
      count: 3,
      lastTimestamp: '2026-11-26T09:31:00Z',
      message: 'Error: ErrImagePull',
    });
  });
});
