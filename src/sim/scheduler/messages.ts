/**
 * What kube-scheduler sends to kube-apiserver: the Binding (DefaultBinder), its Events (events.k8s.io/v1
 * recorder) and, when a pod does not fit, the PodScheduled=False status patch.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { eventName, podReference } from '../kubelet/apiClient';
import { podStatusPatch } from '../kubelet/podStatusPatch';
import { truncateMessage } from './fitError';

/** The profile's scheduler name (KubeSchedulerProfile default). */
export const DEFAULT_SCHEDULER = 'default-scheduler';

/** eventhandlers.go: a pod this scheduler must place — unassigned and addressed to one of its profiles. */
export const needsScheduling = (pod: Pod): boolean =>
  !pod.spec?.nodeName && (pod.spec?.schedulerName ?? DEFAULT_SCHEDULER) === DEFAULT_SCHEDULER;

/** The request path of the binding subresource. */
export const bindingPath = (pod: Pod): string =>
  `/api/v1/namespaces/${pod.metadata?.namespace ?? 'default'}/pods/${pod.metadata?.name}/binding`;

/**
 * defaultbinder/default_binder.go Bind: the Binding carries the pod's UID (a precondition) and no
 * resourceVersion.
 */
export function bindingBody(pod: Pod, node: string): Record<string, unknown> {
  return {
    kind: 'Binding',
    apiVersion: 'v1',
    metadata: { name: pod.metadata?.name, namespace: pod.metadata?.namespace ?? 'default', uid: pod.metadata?.uid },
    target: { kind: 'Node', name: node },
  };
}

export const eventsPath = (namespace: string): string => `/apis/events.k8s.io/v1/namespaces/${namespace}/events`;

/**
 * An events.k8s.io/v1 Event as client-go tools/events recorder.go makeEvent builds it:
 * reportingInstance is "<controller>-<hostname>" (the node the scheduler runs on).
 */
export function schedulerEvent(args: {
  pod: Pod;
  type: 'Normal' | 'Warning';
  reason: string;
  action: string;
  note: string;
  /** The host kube-scheduler runs on. */
  host: string;
  /** Now, RFC 3339 with microseconds (eventTime is a MicroTime). */
  timeMicro: string;
}): Record<string, unknown> {
  const { pod } = args;
  return {
    kind: 'Event',
    apiVersion: 'events.k8s.io/v1',
    metadata: {
      name: eventName(pod.metadata?.name ?? '', args.timeMicro),
      namespace: pod.metadata?.namespace ?? 'default',
    },
    eventTime: args.timeMicro,
    reportingController: DEFAULT_SCHEDULER,
    reportingInstance: `${DEFAULT_SCHEDULER}-${args.host}`,
    action: args.action,
    reason: args.reason,
    regarding: podReference(pod),
    note: args.note,
    type: args.type,
  };
}

/** schedule_one.go bindingCycle: `Eventf(assumed, nil, Normal, "Scheduled", "Binding", "Successfully assigned %v/%v to %v", ...)`. */
export const scheduledNote = (pod: Pod, node: string): string =>
  `Successfully assigned ${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name} to ${node}`;

/**
 * handleSchedulingFailure: the FailedScheduling event (action "Scheduling", note truncated to 1024
 * characters) and the PodScheduled=False condition with reason Unschedulable and the full message,
 * sent as a strategic merge patch of the status without a UID precondition (pkg/scheduler/util).
 */
function unschedulableCondition(fitError: string, now: string) {
  return {
    type: 'PodScheduled',
    status: 'False',
    lastProbeTime: null,
    lastTransitionTime: now,
    reason: 'Unschedulable',
    message: fitError,
  };
}

export function unschedulableStatusPatch(pod: Pod, fitError: string, now: string): Record<string, unknown> | undefined {
  const old = pod.status ?? {};
  const prev = (old.conditions ?? []).find((c) => c.type === 'PodScheduled');
  // podutil.UpdatePodCondition: the transition time moves only when the status changes.
  const cond = unschedulableCondition(
    fitError,
    prev?.status === 'False' && prev.lastTransitionTime ? prev.lastTransitionTime : now,
  );
  const conditions = prev
    ? (old.conditions ?? []).map((c) => (c.type === 'PodScheduled' ? cond : c))
    : [...(old.conditions ?? []), cond];
  return podStatusPatch(old, { ...old, conditions });
}

export const failedSchedulingNote = (fitError: string): string => truncateMessage(fitError);

/**
 * The condition a gated pod carries. kube-apiserver adds it when the pod is created with
 * spec.schedulingGates and no PodScheduled condition yet (k/k pkg/registry/core/pod/strategy.go
 * applySchedulingGatedCondition, called from PrepareForCreate); the scheduler never attempts the pod,
 * so nothing else writes PodScheduled until the gates are gone. printPod shows it as SchedulingGated.
 */
export function schedulingGatedCondition() {
  return {
    type: 'PodScheduled',
    status: 'False',
    // applySchedulingGatedCondition sets neither time: both serialise as null
    lastProbeTime: null,
    lastTransitionTime: null,
    reason: 'SchedulingGated', // v1.PodReasonSchedulingGated
    message: 'Scheduling is blocked due to non-empty scheduling gates',
  };
}

/**
 * The host kube-scheduler runs on (its static pod's node; the hostname in reportingInstance), or the
 * first node when the cluster list has no scheduler pod.
 */
export function schedulerHost(
  objects: readonly { kind: string; metadata: { labels?: Record<string, string> }; spec?: unknown }[],
): string {
  const pod = objects.find((o) => o.kind === 'Pod' && o.metadata.labels?.component === 'kube-scheduler');
  const node = (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
  return node ?? (objects.find((o) => o.kind === 'Node')?.metadata as { name?: string } | undefined)?.name ?? '';
}
