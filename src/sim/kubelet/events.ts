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
  /** The same instant with microseconds, for the name's UnixNano suffix. */
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
    involvedObject: podReference(pod, args.container ? `spec.containers{${args.container}}` : undefined),
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
