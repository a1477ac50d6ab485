/**
 * The kubelet's Events: their exact reasons and messages, and the core/v1 Event object its recorder
 * POSTs to `/api/v1/namespaces/<ns>/events`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { eventName, podReference } from './apiClient';
import { formatGoDuration } from './images';

export interface KubeletEventText {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** `%q` of a plain string (Go quotes and escapes like JSON for printable text). */
const q = (s: string) => JSON.stringify(s);

// k/k pkg/kubelet/images/image_manager.go (v1.33), reasons from pkg/kubelet/events/event.go.
export const pullingImage = (image: string): KubeletEventText => ({
  type: 'Normal',
  reason: 'Pulling',
  message: `Pulling image ${q(image)}`,
});

export const pulledImage = (image: string, pullMs: number, totalMs: number, size: number): KubeletEventText => ({
  type: 'Normal',
  reason: 'Pulled',
  message: `Successfully pulled image ${q(image)} in ${formatGoDuration(pullMs)} (${formatGoDuration(totalMs)} including waiting). Image size: ${size} bytes.`,
});

/** With the KubeletEnsureSecretPulledImages alpha gate off (the v1.33 default). */
export const imageAlreadyPresent = (image: string): KubeletEventText => ({
  type: 'Normal',
  reason: 'Pulled',
  message: `Container image ${q(image)} already present on machine`,
});

// k/k pkg/kubelet/images/image_manager.go EnsureImageExists: the failures, each logged as an event.
export const failedToPullImage = (image: string, err: string): KubeletEventText => ({
  type: 'Warning',
  reason: 'Failed',
  message: `Failed to pull image ${q(image)}: ${err}`,
});

/** Still inside the image back-off (IsInBackOffSinceUpdate): no pull; reason events.BackOffPullImage. */
export const backOffPullingImage = (image: string): KubeletEventText => ({
  type: 'Normal',
  reason: 'BackOff',
  message: `Back-off pulling image ${q(image)}`,
});

/** The image name does not parse (applyDefaultImageTag): reason events.FailedToInspectImage. */
export const invalidImageName = (image: string, err: string): KubeletEventText => ({
  type: 'Warning',
  reason: 'InspectFailed',
  message: `Failed to apply default image tag ${q(image)}: ${err}`,
});

export const imageNeverPull = (image: string): KubeletEventText => ({
  type: 'Warning',
  reason: 'ErrImageNeverPull',
  message: `Container image ${q(image)} is not present with pull policy of Never`,
});

/**
 * k/k pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer: every failure to start a
 * container is also recorded as `Warning Failed "Error: <message>"` (events.FailedToCreateContainer),
 * where the message is the error's text: ErrImagePull, ImagePullBackOff, InvalidImageName, or the
 * config error (`configmap "x" not found`).
 */
export const startFailed = (message: string): KubeletEventText => ({
  type: 'Warning',
  reason: 'Failed',
  message: `Error: ${message}`,
});

/** k/k pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff (reason events.BackOffStartContainer). */
export const backOffRestarting = (container: string, pod: string): KubeletEventText => ({
  type: 'Warning',
  reason: 'BackOff',
  message: `Back-off restarting failed container ${container} in pod ${pod}`,
});

/** k/k pkg/kubelet/prober/prober.go: every failed probe (reason events.ContainerUnhealthy). */
export const unhealthy = (probe: 'startup' | 'liveness' | 'readiness', output: string): KubeletEventText => ({
  type: 'Warning',
  reason: 'Unhealthy',
  message: `${probe[0]!.toUpperCase()}${probe.slice(1)} probe failed: ${output}`,
});

/**
 * k/k pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions ("Container %s failed liveness
 * probe") and killContainer (", will be restarted"), reason events.KillingContainer.
 */
export const killingUnhealthy = (container: string, probe: 'startup' | 'liveness'): KubeletEventText => ({
  type: 'Normal',
  reason: 'Killing',
  message: `Container ${container} failed ${probe} probe, will be restarted`,
});

/**
 * k/k pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions: a running container whose
 * definition changed ("Container %s definition changed") is restarted whatever the restart policy
 * (", will be restarted"); killContainer records the message as Normal Killing (events.KillingContainer).
 */
export const killingDefinitionChanged = (container: string): KubeletEventText => ({
  type: 'Normal',
  reason: 'Killing',
  message: `Container ${container} definition changed, will be restarted`,
});

/** k/k pkg/kubelet/volumemanager/reconciler (operationexecutor MountVolume.SetUp failed), reason events.FailedMountVolume. */
export const failedMount = (volume: string, err: string): KubeletEventText => ({
  type: 'Warning',
  reason: 'FailedMount',
  message: `MountVolume.SetUp failed for volume ${q(volume)} : ${err}`,
});

// k/k pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer (v1.33: "Created container: %v").
export const createdContainer = (name: string): KubeletEventText => ({
  type: 'Normal',
  reason: 'Created',
  message: `Created container: ${name}`,
});
export const startedContainer = (name: string): KubeletEventText => ({
  type: 'Normal',
  reason: 'Started',
  message: `Started container ${name}`,
});

/** kubecontainer.GenerateContainerRef: init containers are `spec.initContainers{name}`. */
const containerFieldPath = (pod: Pod, name: string) =>
  (pod.spec?.initContainers ?? []).some((c) => c.name === name)
    ? `spec.initContainers{${name}}`
    : `spec.containers{${name}}`;

/**
 * The Event client-go's record.EventRecorder creates (tools/record/event.go makeEvent), with the
 * kubelet as source. Container events point at `spec.containers{<name>}` (GenerateContainerRef).
 */
export function kubeletEvent(args: {
  pod: Pod;
  node: string;
  event: KubeletEventText;
  container?: string;
  /** RFC 3339 in whole seconds, for first/lastTimestamp. */
  time: string;
  /** The same instant with micro- or nanoseconds, for the name's UnixNano suffix. */
  timeMicro: string;
}): Record<string, unknown> {
  const { pod, node, event } = args;
  return {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: {
      name: eventName(pod.metadata?.name ?? '', args.timeMicro),
      namespace: pod.metadata?.namespace ?? 'default',
    },
    involvedObject: podReference(pod, args.container ? containerFieldPath(pod, args.container) : undefined),
    reason: event.reason,
    message: event.message,
    source: { component: 'kubelet', host: node },
    firstTimestamp: args.time,
    lastTimestamp: args.time,
    count: 1,
    type: event.type,
    reportingComponent: 'kubelet',
    reportingInstance: node,
  };
}

/**
 * The body of the PATCH the event recorder sends for a repeat of an Event it already created: a
 * two-way strategic merge patch touching only count, lastTimestamp and message (client-go
 * tools/record events_cache.go eventObserve), keys in Go's marshal order.
 */
export const eventRepeatPatch = (count: number, lastTimestamp: string, message: string): Record<string, unknown> => ({
  count,
  lastTimestamp,
  message,
});
