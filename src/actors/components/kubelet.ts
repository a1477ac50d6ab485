/**
 * A kubelet as an actor, one per node. It watches the pods bound to its node, admits a new one, and
 * replays the sync plan computed in @sim (sandbox, CNI, image, create, start) under the simulated
 * clock. Status changes go to kube-apiserver as PATCH pods/status, events as POST events (the kubelet
 * never waits for an event's answer). CRI calls happen inside the node: steps without packets.
 */
import { enqueueActions, setup } from 'xstate';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import {
  admittedNarration,
  clientHeaders,
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
  podKey,
  podRequests,
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
  type Fact,
  type KubeletEventText,
  type KubeObject,
  type Narration,
  type Outcome,
  type Place,
  type PlannedAction,
  type SyncPlan,
} from '@sim';
import type { SimEnv } from '../env';
import type { ClusterEvent } from '../protocol';
import { httpRequest, listPods, newExchange, podObjectKey, toApiserver, type Outgoing } from './watchClient';

export interface KubeletInput {
  env: SimEnv;
  node: string;
}

/** k/k pkg/kubelet/config/apiserver.go: a reflector on the pods bound to this node. */
export const kubeletWatchPath = (node: string) =>
  `/api/v1/pods?fieldSelector=spec.nodeName%3D${encodeURIComponent(node)}&watch=true`;

interface Sync {
  pod: Pod;
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
  /** Pods bound to this node, from the informer (initial list and watch). */
  pods: Record<string, Pod>;
  /** UIDs the kubelet has already taken on. */
  handled: string[];
  /** New pods waiting for the pod worker, in arrival order. */
  pending: Pod[];
  sync?: Sync;
  seq: number;
}

const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const asPod = (o: KubeObject) => o as unknown as Pod;

/** What an action does besides updating context: recorder calls, then messages to kube-apiserver. */
interface Effects {
  record: (() => void)[];
  send: Outgoing[];
}

function nodeObject(env: SimEnv, node: string): Node {
  return env.input.cluster.find((o) => o.kind === 'Node' && o.metadata.name === node) as unknown as Node;
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
function perform(context: Context, action: PlannedAction): Effects & { seq: number; status: Record<string, unknown> } {
  const { env, node, me } = context;
  const sync = context.sync!;
  const pod = sync.pod;
  const ns = pod.metadata?.namespace ?? 'default';
  let seq = context.seq;
  let status = sync.status;
  const fx: Effects = { record: [], send: [] };
  const enqueue = (f: () => void) => fx.record.push(f);

  const record = (
    spec: StepSpec,
    extra: {
      packets?: { label: string };
      http?: ReturnType<typeof newExchange>;
      changes?: ReturnType<typeof statusChanges>;
    } = {},
  ) =>
    enqueue(() =>
      env.recorder.step({
        component: me,
        ...spec,
        objectKey: podObjectKey(pod),
        ...(extra.packets
          ? { packets: [{ from: me, to: 'kube-apiserver', kind: 'request', label: extra.packets.label }] }
          : {}),
        ...(extra.http ? { http: extra.http } : {}),
        ...(extra.changes ? { changes: extra.changes } : {}),
      }),
    );

  /** POST /api/v1/namespaces/<ns>/events — its own step (a message to kube-apiserver), fire and forget. */
  const postEvent = (place: Place, event: KubeletEventText, container?: string) => {
    const exchange = newExchange(me, ++seq, {
      method: 'POST',
      path: `/api/v1/namespaces/${ns}/events`,
      headers: clientHeaders('kubelet'),
      body: kubeletEvent({
        pod,
        node,
        event,
        ...(container ? { container } : {}),
        time: env.wallTime(),
        timeMicro: env.wallTimeMicro(),
      }),
    });
    record(
      {
        place,
        title: `Event ${event.reason}`,
        outcome: event.type === 'Warning' ? 'warn' : 'info',
        narration: kubeletEventNarration(event.reason, event.message),
        facts: [{ label: 'Event', value: `${event.type} ${event.reason}: ${event.message}` }],
      },
      { packets: { label: 'POST events' }, http: exchange },
    );
    fx.send.push(httpRequest(env, exchange));
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
      enqueue(() =>
        env.recorder.podCard({
          at: me,
          status: 'ContainerCreating',
          ready: `0/${pod.spec?.containers.length ?? 0}`,
          nodeName: node,
        }),
      );
      patchStatus(
        {
          place: 'status',
          title: 'PATCH status: ContainerCreating',
          outcome: 'info',
          narration: creatingStatusNarration(),
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
      const cidr = nodeObject(env, node).spec?.podCIDR ?? '';
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
        record({
          place: 'image',
          title: 'CRI PullImage done',
          outcome: 'ok',
          narration: pulledNarration(action.image, pulledIn(sync, sync.index)),
          facts,
        });
      } else if (action.phase === 'present') {
        record({
          place: 'image',
          title: 'CRI ImageStatus: image present',
          outcome: 'ok',
          narration: presentNarration(action.image),
          facts,
        });
      } else {
        record({
          place: 'image',
          title: 'CRI PullImage started',
          outcome: 'info',
          narration: pullingNarration(action.image, policy),
          facts,
        });
      }
      postEvent('image', action.event, action.container);
      break;
    }
    case 'image-error': {
      const title = action.reason === 'ErrImagePull' ? 'CRI PullImage failed' : 'Image absent, pull policy Never';
      record({ place: 'image', title, outcome: 'fail', narration: imageErrorNarration(action.image, action.reason) });
      for (const e of action.events) postEvent('image', e, action.container);
      break;
    }
    case 'created':
      record({
        place: 'container',
        title: `CRI CreateContainer ${action.container}`,
        outcome: 'ok',
        narration: createdNarration(action.container),
        facts: [{ label: 'Container ID', value: action.containerID }],
      });
      postEvent('container', action.event, action.container);
      break;
    case 'started':
      record({
        place: 'container',
        title: `CRI StartContainer ${action.container}`,
        outcome: 'ok',
        narration: startedNarration(action.container),
      });
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
      const running = next.phase === 'Running';
      const total = pod.spec?.containers.length ?? 0;
      const ready = action.containers.filter((c) => c.running).length;
      const waiting = action.containers.find((c) => !c.running);
      enqueue(() =>
        env.recorder.podCard({
          at: me,
          status: running ? 'Running' : waiting && !waiting.running ? waiting.reason : 'Pending',
          ready: `${ready}/${total}`,
          podIP: sync.plan.podIP,
        }),
      );
      patchStatus(
        {
          place: 'status',
          title: running ? 'PATCH status: Running' : 'PATCH status: container waiting',
          outcome: running ? 'ok' : 'warn',
          narration: syncedStatusNarration(running, sync.plan.podIP),
        },
        next,
      );
      break;
    }
  }
  return { ...fx, seq, status };
}

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
    planDone: ({ context }) => !context.sync || context.sync.index >= context.sync.plan.steps.length,
  },
  delays: {
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
      enqueue.sendTo(
        toApiserver,
        { type: 'watch.start', watcher: me, path: kubeletWatchPath(node) } satisfies ClusterEvent,
        {
          delay: env.latency(me, 'kube-apiserver'),
        },
      );
      const mine = listPods(env, (p) => (p.spec as { nodeName?: string } | undefined)?.nodeName === node).map(asPod);
      // Pods in the initial list were admitted before the person pressed Apply.
      enqueue.assign({
        pods: Object.fromEntries(mine.map((p) => [podKey(p), p])),
        handled: mine.map((p) => p.metadata?.uid ?? podKey(p)),
      });
    }),

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
      const fresh = !context.handled.includes(uid) && !isTerminal(pod);
      enqueue.assign({
        pods: { ...context.pods, [key]: pod },
        ...(fresh ? { handled: [...context.handled, uid], pending: [...context.pending, pod] } : {}),
      });
    }),

    /** The pod worker takes the next pod: the whole sync is planned up front, deterministically. */
    begin: enqueueActions(({ context, enqueue }) => {
      const [pod, ...rest] = context.pending;
      if (!pod) return;
      const { env, node } = context;
      const t0 = env.now();
      const others = Object.values(context.pods).filter((p) => podKey(p) !== podKey(pod) && !isTerminal(p));
      const plan = planPodSync({
        pod,
        node: nodeObject(env, node),
        podsOnNode: others,
        images: env.input.images,
        rng: env.rng,
        wallTime: (offset) => env.wallTime(t0 + offset),
      });
      enqueue.assign({
        pending: rest,
        sync: { pod, plan, index: 0, status: (pod.status ?? {}) as Record<string, unknown> },
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
        enqueue.sendTo(toApiserver, out.event, { delay: out.delay });
    }),

    step: enqueueActions(({ context, enqueue }) => {
      const sync = context.sync;
      const planned = sync?.plan.steps[sync.index];
      if (!sync || !planned) return;
      const { seq, status, record, send } = perform(context, planned.action);
      enqueue.assign({ seq, sync: { ...sync, index: sync.index + 1, status } });
      for (const f of record) enqueue(f);
      for (const out of send) enqueue.sendTo(toApiserver, out.event, { delay: out.delay });
    }),

    finish: enqueueActions(({ enqueue }) => enqueue.assign({ sync: undefined })),
  },
}).createMachine({
  id: 'kubelet',
  context: ({ input }) => ({
    env: input.env,
    node: input.node,
    me: kubeletId(input.node),
    pods: {},
    handled: [],
    pending: [],
    seq: 0,
  }),
  initial: 'idle',
  states: {
    idle: { on: { 'sim.start': { target: 'watching', actions: 'start' } } },
    watching: {
      on: { 'watch.event': { actions: 'onWatch' } },
      initial: 'idle',
      states: {
        idle: { always: { guard: 'hasPending', target: 'syncing', actions: 'begin' } },
        syncing: {
          initial: 'admitting',
          states: {
            admitting: {
              after: {
                1: [
                  { guard: 'admitted', target: 'stepping', actions: 'admit' },
                  { target: '#kubelet.watching.idle', actions: 'reject' },
                ],
              },
            },
            stepping: {
              always: { guard: 'planDone', target: '#kubelet.watching.idle', actions: 'finish' },
              after: { nextStep: { target: 'stepping', reenter: true, actions: 'step' } },
            },
          },
        },
      },
    },
  },
});
