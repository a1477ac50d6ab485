/**
 * What the learner reads at each kube-scheduler step: one-sentence summary, a few sentences of
 * "why", and the kubernetes.io pages that explain it.
 */
import type { Narration, SchedulingResult } from '../trace';

const DOCS = {
  scheduler: {
    label: 'Kubernetes Scheduler',
    href: 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/',
  },
  framework: {
    label: 'Scheduling Framework',
    href: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduling-framework/',
  },
  taints: {
    label: 'Taints and Tolerations',
    href: 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/',
  },
  config: { label: 'Scheduler Configuration', href: 'https://kubernetes.io/docs/reference/scheduling/config/' },
  preemption: {
    label: 'Pod Priority and Preemption',
    href: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/',
  },
  readiness: {
    label: 'Pod Scheduling Readiness',
    href: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-scheduling-readiness/',
  },
  binding: {
    label: 'Binding API',
    href: 'https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/binding-v1/',
  },
  events: {
    label: 'Event API',
    href: 'https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/',
  },
} as const;

export function queuedNarration(pod: string, priority: number): Narration {
  return {
    summary: `The scheduler's informer saw ${pod} without a node and put it in the active queue.`,
    detail:
      `kube-scheduler watches every pod that is not finished. A pod with an empty spec.nodeName and schedulerName default-scheduler is its job. ` +
      `The queue is ordered by the PrioritySort plugin: higher spec.priority first (this pod has ${priority}), then the one that waited longest. ` +
      `Pods that fail wait in a back-off queue (1 s, doubling up to 10 s) or among the unschedulable pods until something in the cluster changes.`,
    docs: [DOCS.scheduler, DOCS.framework],
  };
}

export function gatedNarration(pod: string, gates: readonly string[]): Narration {
  return {
    summary: `${pod} has scheduling gates (${gates.join(', ')}), so it waits outside the active queue.`,
    detail:
      'The SchedulingGates plugin runs at PreEnqueue: while spec.schedulingGates is not empty the scheduler does not even try. ' +
      'No event is recorded. kube-apiserver already set PodScheduled=False with reason SchedulingGated ("Scheduling is blocked due to non-empty scheduling gates") when it created the pod, so `kubectl get pods` shows SchedulingGated. ' +
      'Whoever owns a gate removes it when the pod may be scheduled.',
    docs: [DOCS.readiness],
  };
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export function filterNarration(result: SchedulingResult, feasible: readonly string[]): Narration {
  const rejected = result.nodes.filter((n) => !feasible.includes(n.node));
  const why = rejected
    .map((n) => {
      const f = n.filters.find((x) => x.status !== 'Success' && x.status !== 'Skipped');
      return f ? `${n.node}: ${f.plugin} — ${f.reason}` : n.node;
    })
    .join('; ');
  return {
    summary:
      feasible.length === 0
        ? `No node passed the filters.`
        : `${count(feasible.length, 'node')} of ${result.nodes.length} can run the pod: ${feasible.join(', ')}.`,
    detail:
      `Each Filter plugin can veto a node; the first veto ends that node's checks. Plugins whose PreFilter found nothing to check for this pod are skipped. ` +
      (rejected.length ? `Rejected: ${why}. ` : '') +
      (why.includes('node-role.kubernetes.io/control-plane')
        ? 'kubeadm taints control-plane nodes with node-role.kubernetes.io/control-plane:NoSchedule so ordinary pods stay off them.'
        : ''),
    docs: [DOCS.framework, DOCS.taints],
  };
}

export function scoreNarration(result: SchedulingResult): Narration {
  const scored = result.nodes.filter((n) => n.total !== undefined);
  const totals = scored.map((n) => `${n.node} ${n.total}`).join(', ');
  const best = Math.max(...scored.map((n) => n.total ?? 0));
  const tied = scored.filter((n) => n.total === best).length > 1;
  const skipped = result.scorePlugins.filter((p) => p.skipped).map((p) => p.name);
  return {
    summary: `Scored the feasible nodes (${totals}) and picked ${result.selected}.`,
    detail:
      `Each Score plugin gives every feasible node 0–100; the score is multiplied by the plugin's weight and summed. ` +
      `NodeResourcesFit (LeastAllocated) prefers the node with the most free cpu and memory, counting containers without requests as 100m cpu and 200 MB. ` +
      (skipped.length ? `Skipped for this pod: ${skipped.join(', ')}. ` : '') +
      (tied
        ? 'The best totals tied, so the scheduler picked one of them at random (reservoir sampling).'
        : 'The highest total wins.'),
    docs: [DOCS.config, DOCS.framework],
  };
}

export function singleNodeNarration(node: string): Narration {
  return {
    summary: `Only ${node} passed the filters, so it is chosen without scoring.`,
    detail:
      'When exactly one node is feasible, kube-scheduler skips PreScore and Score entirely: there is nothing to compare.',
    docs: [DOCS.framework],
  };
}

export function unschedulableNarration(fitError: string, preemptionNominated?: string): Narration {
  return {
    summary: 'The pod fits on no node; it stays Pending.',
    detail:
      `The FailedScheduling message counts, per reason, how many nodes rejected the pod: "${fitError}" ` +
      (preemptionNominated
        ? `Preemption found room on ${preemptionNominated} by evicting lower-priority pods. `
        : 'DefaultPreemption then checked whether evicting lower-priority pods would help; here it would not. ') +
      'The scheduler writes the condition PodScheduled=False (reason Unschedulable) and parks the pod until a cluster event could help, or for at most 5 minutes.',
    docs: [DOCS.preemption, DOCS.scheduler],
  };
}

export function bindNarration(pod: string, node: string): Narration {
  return {
    summary: `Reserve and Permit passed; the scheduler asks the API server to bind ${pod} to ${node}.`,
    detail:
      'The scheduler assumes the pod on the node in its own cache at once, so the next pod already sees the resources taken. ' +
      "The binding cycle runs asynchronously: DefaultBinder POSTs a Binding object to the pod's binding subresource; the API server sets spec.nodeName and the PodScheduled condition. " +
      'The scheduler never talks to the kubelet: the kubelet will learn about the pod from its own watch.',
    docs: [DOCS.binding, DOCS.framework],
  };
}

export function scheduledEventNarration(pod: string, node: string): Narration {
  return {
    summary: `Bound. The scheduler records the event Scheduled: "Successfully assigned ${pod} to ${node}".`,
    detail:
      'kube-scheduler records events through the events.k8s.io/v1 API. `kubectl describe pod` lists them with From default-scheduler. ' +
      'Events are separate objects that expire after an hour by default.',
    docs: [DOCS.events],
  };
}

export function failedSchedulingNarration(): Narration {
  return {
    summary: 'The scheduler records PodScheduled=False on the pod and a FailedScheduling warning event.',
    detail:
      'The status is changed with a strategic merge patch of the pods/status subresource; the event repeats as the scheduler retries, which `kubectl describe` shows as (xN over …). ' +
      '`kubectl get pods` still shows Pending: the pod exists, it just has nowhere to run.',
    docs: [DOCS.scheduler, DOCS.events],
  };
}

/** The queue's rule for a pod that failed, said once (FailedScheduling step and the end of a run). */
export const UNSCHEDULABLE_WAIT =
  'the pod waits in unschedulablePods; it is retried when a node changes, or after 5m0s at the latest';

/** After FailedScheduling: where the pod waits and what would move it (the end of the story if nothing changes). */
export function unschedulableWaitNarration(plugins: readonly string[], retryInMs: number): Narration {
  const who = plugins.length ? plugins.join(', ') : 'no plugin';
  return {
    summary: `Event FailedScheduling recorded; ${UNSCHEDULABLE_WAIT}.`,
    detail:
      `The pod was rejected by ${who}. Each of these plugins registered the cluster events that could change its verdict ` +
      '(a node added, a node whose allocatable, labels, taints or unschedulable flag change, a pod on a node deleted) with a QueueingHint; ' +
      'when such an event arrives and a hint answers Queue, the pod moves to activeQ (or backoffQ while its back-off of 1 s, doubling up to 10 s, runs). ' +
      `Without any such event the unschedulable-pods flush retries it ${Math.round(retryInMs / 1000)} s from now (more than 5 minutes after it failed, at the next 30-second tick).`,
    docs: [DOCS.framework, DOCS.scheduler],
  };
}

/** The run's end for a pod still unschedulable: what a real cluster would do next. */
/** The horizon note: what happens to a waiting pod after the simulation stops. */
export const horizonNote = (retryInMs: number): string =>
  `The pod waits in unschedulablePods: it is retried when a node or pod change may help, or in ${Math.round(retryInMs / 1000)} s at the latest.`;

export function horizonNarration(pod: string, plugins: readonly string[], retryInMs: number): Narration {
  return {
    summary: `The simulation stops here with ${pod} still Pending: ${UNSCHEDULABLE_WAIT}.`,
    detail:
      `In a real cluster nothing more happens to the pod by itself: it was rejected by ${plugins.join(', ') || 'no plugin'}, and only a cluster event those plugins' QueueingHints accept ` +
      '(for example a node added with enough room, a taint removed, a label added, or a pod on a node deleted) moves it back to activeQ. ' +
      `Otherwise the unschedulable-pods flush retries it in ${Math.round(retryInMs / 1000)} s, and each failed attempt records FailedScheduling again. ` +
      'Adding a node or freeing resources (an intervention) changes this ending.',
    docs: [DOCS.framework, DOCS.scheduler],
  };
}

/** Where a cluster event moved a waiting pod, and which plugin's QueueingHint fired. */
export function requeueNarration(args: {
  pod: string;
  event: string;
  subject: string;
  to: 'activeQ' | 'backoffQ';
  hints: readonly { plugin: string; why: string }[];
}): Narration {
  const fired = args.hints.map((h) => (h.plugin ? `${h.plugin} (${h.why})` : h.why)).join('; ');
  return {
    summary: `${args.event} (${args.subject}): the QueueingHint of ${args.hints.map((h) => h.plugin || 'the queue').join(', ')} answered Queue, so ${args.pod} moves to ${args.to}.`,
    detail:
      `The scheduler's informers saw ${args.subject}. For every pod waiting in unschedulablePods the queue asks the plugins that rejected it whether this event could help: ${fired}. ` +
      (args.to === 'activeQ'
        ? 'Its back-off is over, so it goes straight to activeQ and the next scheduling cycle tries it.'
        : 'It is still backing off, so it goes to backoffQ; v1.33 pops from backoffQ when activeQ is empty (SchedulerPopFromBackoffQ).'),
    docs: [DOCS.framework, DOCS.config],
  };
}

/** A cluster event that no rejecting plugin cares about: the pod stays where it is. */
export function queueSkipNarration(args: {
  pod: string;
  event: string;
  subject: string;
  plugins: readonly string[];
}): Narration {
  return {
    summary: `${args.event} (${args.subject}): no QueueingHint answered Queue, so ${args.pod} stays in unschedulablePods.`,
    detail:
      `The pod was rejected by ${args.plugins.join(', ')}. Their QueueingHints looked at ${args.subject} and answered QueueSkip: ` +
      'this change cannot make the pod fit, so retrying would only repeat the same FailedScheduling. It still gets retried after 5 minutes at the latest.',
    docs: [DOCS.framework],
  };
}

/** The last scheduling gate was removed: PreEnqueue passes and the pod enters activeQ. */
export function ungatedNarration(pod: string): Narration {
  return {
    summary: `${pod} has no scheduling gates left, so it enters activeQ.`,
    detail:
      'The SchedulingGates plugin runs at PreEnqueue: it kept the pod out of the active queue while spec.schedulingGates was not empty. ' +
      'Removing the last gate is an update of the pod; the queue runs PreEnqueue again and, now that it passes, moves the pod to activeQ.',
    docs: [DOCS.readiness],
  };
}
