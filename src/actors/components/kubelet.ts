/**
 * A kubelet as an actor, one per node. It watches the pods bound to its node and its own Node, admits
 * a new pod, and replays the sync plan computed in @sim (sandbox, CNI, image, create, start, and the
 * retry loops of whatever fails, up to the horizon) under the simulated clock; an update of a pod it
 * runs (a new image) is planned the same way, from the containers it already runs. Status changes go
 * to kube-apiserver as PATCH pods/status, events as POST events, repeats of an event as a PATCH of it (the kubelet never
 * waits for an event's answer). CRI calls happen inside the node: steps without packets, recorded the
 * first time only, so a back-off round is a few steps.
 */
import { and, enqueueActions, setup } from 'xstate';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import {
  admittedNarration,
  changedContainers,
  clientHeaders,
  configErrorNarration,
  correlateEvent,
  eventName,
  newCorrelator,
  observedBefore,
  crashBackoffNarration,
  eventRepeatPatch,
  exitedNarration,
  killingNarration,
  unhealthyNarration,
  mountErrorNarration,
  containerCreatingStatus,
  createdNarration,
  creatingStatusNarration,
  effectivePullPolicy,
  formatGoDuration,
  imageErrorNarration,
  kubeletEvent,
  kubeletEventNarration,
  kubeletId,
  networkNarration,
  PAUSE_IMAGE,
  planPodSync,
  planPodUpdate,
  podKey,
  podRequests,
  podRow,
  podStatusPatch,
  presentNarration,
  pulledNarration,
  pullingNarration,
  rejectedNarration,
  rejectedStatus,
  sandboxNarration,
  startedNarration,
  statusChanges,
  syncedStatusNarration,
  syncedStatus,
  volumesNarration,
  type ComponentId,
  type CorrelatorState,
  type Fact,
  type KubeletEventText,
  type KubeObject,
  type Narration,
  type Outcome,
  type Place,
  type PlannedStep,
  type SyncPlan,
} from '@sim';
import type { SimEnv } from '../env';
import type { ClusterEvent } from '../protocol';
import {
  epochNow,
  httpRequest,
  listNodes,
  listPods,
  newExchange,
  podObjectKey,
  toApiserver,
  watchStart,
  type Outgoing,
} from './watchClient';

export interface KubeletInput {
  env: SimEnv;
  node: string;
}

/** k/k pkg/kubelet/config/apiserver.go: a reflector on the pods bound to this node. */
export const kubeletWatchPath = (node: string) =>
  `/api/v1/pods?fieldSelector=spec.nodeName%3D${encodeURIComponent(node)}&watch=true`;

/**
 * k/k pkg/kubelet/kubelet.go NewMainKubelet: the node informer lists and watches only this node
 * (`fields.OneTermEqualSelector(metav1.ObjectNameField, nodeName)`); admission reads the Node from it.
 */
export const kubeletNodeWatchPath = (node: string) =>
  `/api/v1/nodes?fieldSelector=metadata.name%3D${encodeURIComponent(node)}&watch=true`;

/**
 * k/k pkg/kubelet/configmap and pkg/kubelet/secret (the Watch change-detection strategy, the default):
 * the kubelet keeps the ConfigMaps and Secrets its pods use current through watches on kube-apiserver,
 * and reads env values and volumes from that cache, so an object created just before the pod is seen.
 * Simplified: the real managers open one watch per referenced object (fieldSelector metadata.name,
 * which the Node authorizer allows only for objects its pods use); one watch per kind fills the same cache.
 */
export const kubeletConfigWatchPaths = ['/api/v1/configmaps?watch=true', '/api/v1/secrets?watch=true'] as const;
const CONFIG_KINDS = new Set(['ConfigMap', 'Secret']);
const configKey = (o: KubeObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

/** A pod for the pod worker: a new one, or an update of one it runs (`previous`: the spec its containers run). */
interface Work {
  pod: Pod;
  previous?: Pod;
}

interface Sync {
  pod: Pod;
  /** An update of a pod already running here: no admission. */
  update: boolean;
  plan: SyncPlan;
  /** Index of the next planned step. */
  index: number;
  /** The status the kubelet last wrote (or saw), the base of its next patch. */
  status: Record<string, unknown>;
}

interface Context {
  env: SimEnv;
  node: string;
  me: ComponentId;
  /** This kubelet's Node, from the node informer (initial list and watch). */
  self: Node;
  /** Pods bound to this node, from the informer (initial list and watch). */
  pods: Record<string, Pod>;
  /** ConfigMaps and Secrets as the kubelet's managers last saw them (initial list and watches). */
  config: Record<string, KubeObject>;
  /** UIDs the kubelet has already taken on. */
  handled: string[];
  /** Pods waiting for the pod worker, in arrival order. */
  pending: Work[];
  sync?: Sync;
  seq: number;
  /** The event recorder's correlator state (client-go tools/record events_cache.go). */
  events: CorrelatorState;
  /** Event names given at the latest simulated microsecond, to keep them unique. */
  naming: { micro: string; n: number };
}

const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const asPod = (o: KubeObject) => o as unknown as Pod;

/** What an action does besides updating context: recorder calls, then messages to kube-apiserver. */
interface Effects {
  record: (() => void)[];
  send: Outgoing[];
}

/** What a step of this kubelet records; the recorder stamps time and snapshots. */
interface StepSpec {
  place: Place;
  title: string;
  outcome: Outcome;
  narration: Narration;
  facts?: Fact[];
}

/**
 * The effects of one planned step: the step record, and the request it sends (an event POST or a
 * status PATCH), if any; with the new sequence number and the status the kubelet now knows.
 */
function perform(
  context: Context,
  planned: PlannedStep,
): Effects & { seq: number; status: Record<string, unknown>; events: CorrelatorState; naming: Context['naming'] } {
  const { action } = planned;
  const { env, node, me } = context;
  const sync = context.sync!;
  const pod = sync.pod;
  const ns = pod.metadata?.namespace ?? 'default';
  let seq = context.seq;
  let status = sync.status;
  let events = context.events;
  let naming = context.naming;
  const fx: Effects = { record: [], send: [] };
  const enqueue = (f: () => void) => fx.record.push(f);
  /** The last step this action records; the horizon note goes on it (the step is recorded after this action). */
  let lastNarration: Narration | undefined;
  let lastNote: { horizonNote?: string } | undefined;

  const record = (
    spec: StepSpec,
    extra: {
      packets?: { label: string };
      http?: ReturnType<typeof newExchange>;
      changes?: ReturnType<typeof statusChanges>;
    } = {},
  ) => {
    const narration = { ...spec.narration };
    const note: { horizonNote?: string } = {};
    lastNarration = narration;
    lastNote = note;
    enqueue(() =>
      env.recorder.step({
        component: me,
        ...spec,
        narration,
        ...note,
        objectKey: podObjectKey(pod),
        ...(extra.packets
          ? { packets: [{ from: me, to: 'kube-apiserver', kind: 'request', label: extra.packets.label }] }
          : {}),
        ...(extra.http ? { http: extra.http } : {}),
        ...(extra.changes ? { changes: extra.changes } : {}),
      }),
    );
  };

  /**
   * An event is its own step (a message to kube-apiserver), fire and forget, after the event
   * recorder's correlator (@sim eventCorrelator): a first occurrence is a POST, a repeat a PATCH of the
   * stored Event with the new count, and one the spam filter drops is neither (and no step).
   */
  const postEvent = (place: Place, event: KubeletEventText, container?: string) => {
    // Events recorded in the same simulated microsecond are nanoseconds apart in a real kubelet, so
    // their UnixNano name suffixes differ: count the names already given at this instant.
    const micro = env.wallTimeMicro();
    const n = naming.micro === micro ? naming.n : 0;
    const timeMicro = micro.replace(/Z$/, `${String(n).padStart(3, '0')}Z`);
    const newName = eventName(pod.metadata?.name ?? '', timeMicro);
    const correlated = correlateEvent(events, {
      object: pod.metadata?.uid ?? '',
      fieldPath: container ?? '',
      event,
      nowMs: env.now(),
      newName,
    });
    events = correlated.state;
    const result = correlated.result;
    if (!result.send) return;
    if (result.name === newName) naming = { micro, n: n + 1 };
    const sent = result.event;
    const exchange = newExchange(
      me,
      ++seq,
      result.send === 'patch'
        ? {
            method: 'PATCH',
            path: `/api/v1/namespaces/${ns}/events/${result.name}`,
            headers: clientHeaders('kubelet', { patch: true }),
            body: eventRepeatPatch(result.count, env.wallTime(), sent.message),
          }
        : {
            method: 'POST',
            path: `/api/v1/namespaces/${ns}/events`,
            headers: clientHeaders('kubelet'),
            body: {
              ...kubeletEvent({
                pod,
                node,
                event: sent,
                ...(container ? { container } : {}),
                time: env.wallTime(),
                timeMicro,
              }),
              ...(result.name !== newName ? { metadata: { name: result.name, namespace: ns } } : {}),
              ...(result.count > 1 ? { count: result.count } : {}),
            },
          },
    );
    record(
      {
        place,
        title: result.count > 1 ? `Event ${sent.reason} (x${result.count})` : `Event ${sent.reason}`,
        outcome: sent.type === 'Warning' ? 'warn' : 'info',
        narration: kubeletEventNarration(sent.reason, sent.message, result.count),
        facts: [
          { label: 'Event', value: `${sent.type} ${sent.reason}: ${sent.message}` },
          ...(result.count > 1 ? [{ label: 'Count', value: String(result.count) }] : []),
        ],
      },
      { packets: { label: result.send === 'patch' ? 'PATCH events' : 'POST events' }, http: exchange },
    );
    fx.send.push(httpRequest(env, exchange));
  };

  /**
   * A node-local CRI step. On a retry the event steps tell the story (their count goes up), so the CRI
   * step is recorded only the first time: a back-off round stays a few steps.
   */
  const firstTime = (container: string, event: KubeletEventText | undefined) =>
    !event || !observedBefore(events, pod.metadata?.uid ?? '', container, event);
  const criStep = (spec: StepSpec, container: string, event: KubeletEventText | undefined) => {
    if (firstTime(container, event)) record(spec);
  };

  /** A failure the kubelet reports: its step (the first time only) and the events it records. */
  const failure = (spec: StepSpec, container: string, events: readonly KubeletEventText[]) => {
    criStep(spec, container, events[0]);
    for (const e of events) postEvent(spec.place, e, container || undefined);
  };

  /** PATCH pods/status with the strategic merge patch from the last status to `next`. */
  const patchStatus = (spec: StepSpec, next: Record<string, unknown>) => {
    const body = podStatusPatch(status, next, pod.metadata?.uid);
    const changes = statusChanges(status, next, 'kubelet');
    status = next;
    if (!body) return;
    const exchange = newExchange(me, ++seq, {
      method: 'PATCH',
      path: `/api/v1/namespaces/${ns}/pods/${pod.metadata?.name}/status`,
      headers: clientHeaders('kubelet', { patch: true }),
      body,
    });
    record(spec, { packets: { label: 'PATCH pods/status' }, http: exchange, changes });
    fx.send.push(httpRequest(env, exchange));
  };

  switch (action.kind) {
    case 'status-creating': {
      const next = containerCreatingStatus(
        { ...pod, status: status as Pod['status'] },
        sync.plan.hostIP,
        env.wallTime(),
      );
      const [, ready = '', column = ''] = podRow({ ...pod, status: next as Pod['status'] }, epochNow(env));
      enqueue(() => env.recorder.podCard({ at: me, status: column, ready, nodeName: node }));
      patchStatus(
        {
          place: 'status',
          title: `PATCH status: ${column}`,
          outcome: 'info',
          narration: creatingStatusNarration(column),
        },
        next,
      );
      break;
    }
    case 'volumes':
      record({
        place: 'sync',
        title: 'Cgroup and volumes ready',
        outcome: 'ok',
        narration: volumesNarration(action.volumes),
        facts: action.volumes.map((v) => ({ label: 'Volume', value: v })),
      });
      break;
    case 'sandbox':
      record({
        place: 'sandbox',
        title: 'RunPodSandbox: pause container up',
        outcome: 'ok',
        narration: sandboxNarration(PAUSE_IMAGE),
        facts: [
          { label: 'Sandbox ID', value: action.sandboxID },
          { label: 'Image', value: PAUSE_IMAGE },
        ],
      });
      break;
    case 'network': {
      const cidr = context.self.spec?.podCIDR ?? '';
      record({
        place: 'network',
        title: `CNI ADD: pod IP ${action.podIP}`,
        outcome: 'ok',
        narration: networkNarration(action.podIP, cidr),
        facts: [
          { label: 'Pod IP', value: action.podIP },
          { label: 'podCIDR', value: cidr },
        ],
      });
      break;
    }
    case 'image': {
      // CRI ImageService calls (PullImage, ImageStatus) are node-local; the events around them are requests.
      const container = pod.spec?.containers.find((c) => c.name === action.container);
      const policy = container ? effectivePullPolicy(container) : '';
      const facts = [
        { label: 'Image', value: action.image },
        { label: 'imagePullPolicy', value: policy },
      ];
      if (action.phase === 'pulled') {
        criStep(
          {
            place: 'image',
            title: 'CRI PullImage done',
            outcome: 'ok',
            narration: pulledNarration(action.image, pulledIn(sync, sync.index)),
            facts,
          },
          action.container,
          action.event,
        );
      } else if (action.phase === 'present') {
        criStep(
          {
            place: 'image',
            title: 'CRI ImageStatus: image present',
            outcome: 'ok',
            narration: presentNarration(action.image),
            facts,
          },
          action.container,
          action.event,
        );
      } else {
        criStep(
          {
            place: 'image',
            title: 'CRI PullImage started',
            outcome: 'info',
            narration: pullingNarration(action.image, policy),
            facts,
          },
          action.container,
          action.event,
        );
      }
      postEvent('image', action.event, action.container);
      break;
    }
    case 'image-error': {
      failure(
        {
          place: 'image',
          title: IMAGE_ERROR_TITLES[action.reason],
          outcome: 'fail',
          narration: imageErrorNarration(action.image, action.reason, action.backoffMs),
        },
        action.container,
        action.events,
      );
      break;
    }
    case 'config-error':
      failure(
        {
          place: 'container',
          title: `Config for ${action.container} failed`,
          outcome: 'fail',
          narration: configErrorNarration(action.container, action.message),
          facts: [{ label: 'Error', value: action.message }],
        },
        action.container,
        action.events,
      );
      break;
    case 'mount-error':
      failure(
        {
          place: 'sync',
          title: `MountVolume.SetUp failed: ${action.volume}`,
          outcome: 'fail',
          narration: mountErrorNarration(action.volume, action.message, formatGoDuration(action.retryMs)),
          facts: [{ label: 'Error', value: action.message }],
        },
        '',
        action.events,
      );
      break;
    case 'exited':
      record({
        place: 'container',
        title: `${action.container} exited: ${action.reason} (${action.exitCode})`,
        // A container the kubelet replaces did not fail: it was stopped on purpose.
        outcome: action.exitCode === 0 || action.replaced ? 'info' : 'fail',
        narration: exitedNarration(action.container, action.exitCode, action.reason, action.why, action.replaced),
        facts: [
          { label: 'Exit code', value: String(action.exitCode) },
          { label: 'Reason', value: action.reason },
        ],
      });
      break;
    case 'unhealthy':
      criStep(
        {
          place: 'container',
          title: `${action.probe[0]!.toUpperCase()}${action.probe.slice(1)} probe failed: ${action.container}`,
          outcome: 'warn',
          narration: unhealthyNarration(action.container, action.probe, action.events[0]?.message ?? ''),
        },
        action.container,
        action.events[0],
      );
      for (const e of action.events) postEvent('container', e, action.container);
      break;
    case 'killing': {
      // killContainer records Killing, then calls StopContainer (kuberuntime_container.go).
      const first = firstTime(action.container, action.events[0]);
      for (const e of action.events) postEvent('container', e, action.container);
      if (first)
        record({
          place: 'container',
          title: `StopContainer ${action.container} (grace ${action.graceSeconds}s)`,
          outcome: 'warn',
          narration: killingNarration(action.container, action.cause, action.graceSeconds),
        });
      break;
    }
    case 'crash-backoff':
      criStep(
        {
          place: 'container',
          title: `Back-off ${formatGoDuration(action.backoffMs)}: ${action.container} stays down`,
          outcome: 'warn',
          narration: crashBackoffNarration(action.container, formatGoDuration(action.backoffMs)),
        },
        action.container,
        action.events[0],
      );
      for (const e of action.events) postEvent('container', e, action.container);
      break;
    case 'created':
      criStep(
        {
          place: 'container',
          title: `CRI CreateContainer ${action.container}`,
          outcome: 'ok',
          narration: createdNarration(action.container),
          facts: [{ label: 'Container ID', value: action.containerID }],
        },
        action.container,
        action.event,
      );
      postEvent('container', action.event, action.container);
      break;
    case 'started':
      criStep(
        {
          place: 'container',
          title: `CRI StartContainer ${action.container}`,
          outcome: 'ok',
          narration: startedNarration(action.container),
        },
        action.container,
        action.event,
      );
      postEvent('container', action.event, action.container);
      break;
    case 'status-synced': {
      const next = syncedStatus(
        { ...pod, status: status as Pod['status'] },
        sync.plan.hostIP,
        sync.plan.podIP,
        action.containers,
        env.wallTime(),
      );
      // The card shows what `kubectl get pods` would print for the pod with this status.
      const [, ready = '', column = ''] = podRow({ ...pod, status: next as Pod['status'] }, epochNow(env));
      enqueue(() => env.recorder.podCard({ at: me, status: column, ready, podIP: sync.plan.podIP }));
      patchStatus(
        {
          place: 'status',
          title: `PATCH status: ${column}`,
          outcome: column === 'Running' || column === 'Completed' ? 'ok' : 'warn',
          narration: syncedStatusNarration(column, String(next.phase), sync.plan.podIP),
        },
        next,
      );
      break;
    }
  }
  if (planned.horizon && lastNarration) lastNarration.detail += ` ${planned.horizon}`;
  if (planned.horizon && lastNote) lastNote.horizonNote = planned.horizon;
  return { ...fx, seq, status, events, naming };
}

const IMAGE_ERROR_TITLES = {
  ErrImagePull: 'CRI PullImage failed',
  ErrImageNeverPull: 'Image absent, pull policy Never',
  ImagePullBackOff: 'Image pull in back-off: no pull',
  InvalidImageName: 'Image name does not parse',
} as const;

/** The pull duration of the Pulled step: the time since the matching Pulling step. */
function pulledIn(sync: Sync, index: number): string {
  const steps = sync.plan.steps;
  const pulled = steps[index]!;
  const pulling = [...steps.slice(0, index)]
    .reverse()
    .find((s) => s.action.kind === 'image' && s.action.phase === 'pulling');
  return formatGoDuration(pulled.at - (pulling?.at ?? pulled.at));
}

export const kubeletMachine = setup({
  types: {
    context: {} as Context,
    events: {} as ClusterEvent,
    input: {} as KubeletInput,
  },
  guards: {
    hasPending: ({ context }) => context.pending.length > 0,
    admitted: ({ context }) => context.sync?.plan.admission.admit === true,
    isUpdate: ({ context }) => context.sync?.update === true,
    planDone: ({ context }) => !context.sync || context.sync.index >= context.sync.plan.steps.length,
    cutAtHorizon: ({ context }) => context.sync?.plan.resumeAt !== undefined,
  },
  delays: {
    /** From the last planned step to the kubelet's next retry, past the horizon. */
    resumeDelay: ({ context }) => {
      const plan = context.sync?.plan;
      return Math.max(1, (plan?.resumeAt ?? 0) - (plan?.steps.at(-1)?.at ?? 0));
    },
    /** Offsets in the plan are from when the kubelet saw the pod; admission took the first ms. */
    nextStep: ({ context }) => {
      const steps = context.sync?.plan.steps ?? [];
      const i = context.sync?.index ?? 0;
      return (steps[i]?.at ?? 0) - (i === 0 ? 1 : (steps[i - 1]?.at ?? 0));
    },
  },
  actions: {
    start: enqueueActions(({ context, enqueue }) => {
      const { env, node, me } = context;
      for (const path of [kubeletWatchPath(node), kubeletNodeWatchPath(node), ...kubeletConfigWatchPaths]) {
        const out = watchStart(env, me, path);
        enqueue.sendTo(toApiserver, out.event, { delay: out.delay, id: out.id });
      }
      const mine = listPods(env, (p) => (p.spec as { nodeName?: string } | undefined)?.nodeName === node).map(asPod);
      // Pods in the initial list were admitted before the person pressed Apply.
      enqueue.assign({
        pods: Object.fromEntries(mine.map((p) => [podKey(p), p])),
        handled: mine.map((p) => p.metadata?.uid ?? podKey(p)),
      });
    }),

    /**
     * The pod informer. A pod not seen before goes to the pod worker (HandlePodAdditions); an update
     * of one it runs does too when a container's definition changed (HandlePodUpdates, whose sync
     * replaces the container); other updates (its own status writes) only refresh the informer.
     */
    onWatch: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'watch.event' || event.object.kind !== 'Pod') return;
      const pod = asPod(event.object);
      if (pod.spec?.nodeName !== context.node) return;
      const key = podKey(pod);
      const uid = pod.metadata?.uid ?? key;
      if (event.watchType === 'DELETED') {
        const pods = { ...context.pods };
        delete pods[key];
        enqueue.assign({ pods });
        return;
      }
      const known = context.handled.includes(uid);
      const previous = context.pods[key];
      const work: Work | undefined = isTerminal(pod)
        ? undefined
        : !known
          ? { pod }
          : previous && changedContainers(previous, pod).length > 0
            ? { pod, previous }
            : undefined;
      enqueue.assign({
        pods: { ...context.pods, [key]: pod },
        ...(work ? { pending: [...context.pending, work] } : {}),
        ...(known ? {} : { handled: [...context.handled, uid] }),
      });
    }),

    /** The ConfigMap and Secret managers' caches. */
    onConfigWatch: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'watch.event' || !CONFIG_KINDS.has(event.object.kind)) return;
      const config = { ...context.config };
      if (event.watchType === 'DELETED') delete config[configKey(event.object)];
      else config[configKey(event.object)] = event.object;
      enqueue.assign({ config });
    }),

    /** The node informer: the kubelet's own Node as kube-apiserver last sent it (labels, taints, ...). */
    onNodeWatch: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'watch.event' || event.object.kind !== 'Node') return;
      if (event.object.metadata.name !== context.node || event.watchType === 'DELETED') return;
      enqueue.assign({ self: event.object as unknown as Node });
    }),

    /** The pod worker takes the next pod: the whole sync is planned up front, deterministically. */
    begin: enqueueActions(({ context, enqueue }) => {
      const [work, ...rest] = context.pending;
      if (!work) return;
      const { pod, previous } = work;
      const { env } = context;
      const t0 = env.now();
      const others = Object.values(context.pods).filter((p) => podKey(p) !== podKey(pod) && !isTerminal(p));
      const input = {
        pod,
        node: context.self,
        podsOnNode: others,
        images: env.input.images,
        // what the plan reads from the cluster: the ConfigMaps and Secrets as the managers see them now
        cluster: [...env.input.cluster.filter((o) => !CONFIG_KINDS.has(o.kind)), ...Object.values(context.config)],
        rng: env.rng,
        wallTime: (offset: number) => env.wallTime(t0 + offset),
        horizonMs: env.input.horizonMs - t0,
      };
      const plan = previous ? planPodUpdate(input, previous) : planPodSync(input);
      enqueue.assign({
        pending: rest,
        sync: { pod, update: !!previous, plan, index: 0, status: (pod.status ?? {}) as Record<string, unknown> },
      });
    }),

    admit: enqueueActions(({ context, enqueue }) => {
      const sync = context.sync!;
      const { env, me, node } = context;
      const reqs = podRequests(sync.pod);
      const requests = Object.keys(reqs).length
        ? Object.entries(reqs)
            .map(([k, v]) => `${k} ${k === 'cpu' ? `${v}m` : v}`)
            .join(', ')
        : 'nothing (BestEffort)';
      enqueue(() => {
        env.recorder.podCard({ at: me, status: 'Pending', nodeName: node });
        env.recorder.step({
          component: me,
          place: 'kubelet-admission',
          title: `Admit pod on ${node}`,
          outcome: 'ok',
          narration: admittedNarration(`${sync.pod.metadata?.namespace}/${sync.pod.metadata?.name}`, node, requests),
          facts: [
            { label: 'Watch', value: kubeletWatchPath(node) },
            { label: 'Requests', value: requests },
          ],
          objectKey: podObjectKey(sync.pod),
        });
      });
    }),

    /** kubelet.go rejectPod: a warning event and phase Failed with "Pod was rejected: …". */
    reject: enqueueActions(({ context, enqueue }) => {
      const sync = context.sync!;
      const { env, me, node } = context;
      const admission = sync.plan.admission;
      if (admission.admit) return;
      const pod = sync.pod;
      const ns = pod.metadata?.namespace ?? 'default';
      const next = rejectedStatus(pod, admission.reason, admission.message, env.wallTime());
      const patch = newExchange(me, context.seq + 1, {
        method: 'PATCH',
        path: `/api/v1/namespaces/${ns}/pods/${pod.metadata?.name}/status`,
        headers: clientHeaders('kubelet', { patch: true }),
        body: podStatusPatch(sync.status, next, pod.metadata?.uid),
      });
      const event = newExchange(me, context.seq + 2, {
        method: 'POST',
        path: `/api/v1/namespaces/${ns}/events`,
        headers: clientHeaders('kubelet'),
        body: kubeletEvent({
          pod,
          node,
          event: { type: 'Warning', reason: admission.reason, message: admission.message },
          time: env.wallTime(),
          timeMicro: env.wallTimeMicro(),
        }),
      });
      enqueue.assign({ seq: context.seq + 2, sync: undefined });
      enqueue(() => {
        env.recorder.podCard({
          at: me,
          status: admission.reason,
          ready: `0/${pod.spec?.containers.length ?? 0}`,
          nodeName: node,
        });
        env.recorder.step({
          component: me,
          place: 'kubelet-admission',
          title: `Rejected: ${admission.reason}`,
          outcome: 'fail',
          narration: rejectedNarration(admission.reason, admission.message),
          facts: [{ label: 'Event', value: `Warning ${admission.reason}: ${admission.message}` }],
          packets: [{ from: me, to: 'kube-apiserver', kind: 'request', label: 'POST events' }],
          http: event,
          objectKey: podObjectKey(pod),
        });
        env.recorder.step({
          component: me,
          place: 'status',
          title: 'PATCH status: Failed',
          outcome: 'fail',
          narration: rejectedNarration(admission.reason, admission.message),
          packets: [{ from: me, to: 'kube-apiserver', kind: 'request', label: 'PATCH pods/status' }],
          http: patch,
          changes: statusChanges(sync.status, next, 'kubelet'),
          objectKey: podObjectKey(pod),
        });
      });
      for (const out of [httpRequest(env, event), httpRequest(env, patch)])
        enqueue.sendTo(toApiserver, out.event, { delay: out.delay, id: out.id });
    }),

    step: enqueueActions(({ context, enqueue }) => {
      const sync = context.sync;
      const planned = sync?.plan.steps[sync.index];
      if (!sync || !planned) return;
      const { seq, status, events, naming, record, send } = perform(context, planned);
      enqueue.assign({ seq, events, naming, sync: { ...sync, index: sync.index + 1, status } });
      for (const f of record) enqueue(f);
      for (const out of send) enqueue.sendTo(toApiserver, out.event, { delay: out.delay, id: out.id });
    }),

    finish: enqueueActions(({ enqueue }) => enqueue.assign({ sync: undefined })),
  },
}).createMachine({
  id: 'kubelet',
  context: ({ input }) => ({
    env: input.env,
    node: input.node,
    me: kubeletId(input.node),
    // The node informer's initial list; the watch keeps it current.
    self: listNodes(input.env).find((n) => n.metadata.name === input.node) as unknown as Node,
    pods: {},
    config: Object.fromEntries(
      input.env.input.cluster.filter((o) => CONFIG_KINDS.has(o.kind)).map((o) => [configKey(o), o]),
    ),
    handled: [],
    pending: [],
    seq: 0,
    events: newCorrelator(),
    naming: { micro: '', n: 0 },
  }),
  initial: 'idle',
  states: {
    idle: { on: { 'sim.start': { target: 'watching', actions: 'start' } } },
    watching: {
      on: { 'watch.event': { actions: ['onWatch', 'onNodeWatch', 'onConfigWatch'] } },
      initial: 'idle',
      states: {
        idle: { always: { guard: 'hasPending', target: 'syncing', actions: 'begin' } },
        syncing: {
          initial: 'admitting',
          states: {
            admitting: {
              after: {
                1: [
                  { guard: 'isUpdate', target: 'stepping' },
                  { guard: 'admitted', target: 'stepping', actions: 'admit' },
                  { target: '#kubelet.watching.idle', actions: 'reject' },
                ],
              },
            },
            stepping: {
              always: [
                { guard: and(['planDone', 'cutAtHorizon']), target: 'retryPending' },
                { guard: 'planDone', target: '#kubelet.watching.idle', actions: 'finish' },
              ],
              after: { nextStep: { target: 'stepping', reenter: true, actions: 'step' } },
            },
            /**
             * The horizon cut a retry loop: the kubelet's next retry is still scheduled (beyond the
             * horizon), so the run ends with work pending, as it would in a real cluster.
             */
            retryPending: {
              after: { resumeDelay: { target: '#kubelet.watching.idle', actions: 'finish' } },
            },
          },
        },
      },
    },
  },
});
