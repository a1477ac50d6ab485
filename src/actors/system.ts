/**
 * The cluster system: one XState actor per component, spawned under one root so they can address each
 * other by systemId (the ComponentId). `simulate` runs them under a QueueClock until nothing is pending
 * (or the horizon is reached) and returns the recorded trace.
 */
import {
  createActor,
  createMachine,
  enqueueActions,
  spawnChild,
  type AnyActorLogic,
  type AnyStateMachine,
} from 'xstate';
import {
  kubeletId,
  KUBERNETES_VERSION,
  type ComponentId,
  type KubeObject,
  type ScenarioInput,
  type Trace,
  type TraceNode,
} from '@sim';
import { QueueClock } from './clock';
import { createRecorder } from './recorder';
import { createSimEnv } from './env';
import { SYSTEM_IDS } from './protocol';
import { kubectlMachine } from './components/kubectl';
import { kubectlWatchMachine } from './components/kubectlWatch';
import { apiserverLogic } from './components/apiserver';
import { etcdLogic } from './components/etcd';
import { schedulerMachine } from './components/scheduler';
import { kubeletMachine } from './components/kubelet';
import { summarizeResult } from './result';

/** The nodes of the cluster, in the order the stage draws them (control plane first, then by name). */
export function traceNodes(cluster: readonly KubeObject[]): TraceNode[] {
  return cluster
    .filter((o) => o.kind === 'Node')
    .map((n) => {
      const labels = n.metadata.labels ?? {};
      const spec = (n.spec ?? {}) as { podCIDR?: string };
      const status = (n.status ?? {}) as { addresses?: { type: string; address: string }[] };
      return {
        name: n.metadata.name ?? '',
        role: 'node-role.kubernetes.io/control-plane' in labels ? ('control-plane' as const) : ('worker' as const),
        internalIP: status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
        podCIDR: spec.podCIDR ?? '',
      };
    })
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'control-plane' ? -1 : 1));
}

interface Child {
  id: ComponentId;
  logic: AnyActorLogic;
  input: object;
}

/**
 * The root: spawns the components it is given, in order. Defined once (a machine definition is a
 * tree of state nodes that is worth building only once), the components of a run arrive as input.
 */
const clusterMachine = createMachine({
  types: {} as { input: { children: readonly Child[] }; context: { children: readonly Child[] } },
  id: 'cluster',
  context: ({ input }) => ({ children: input.children }),
  entry: enqueueActions(({ context, enqueue }) => {
    for (const c of context.children) enqueue(spawnChild(c.logic, { id: c.id, systemId: c.id, input: c.input }));
  }),
});

/** Runs a scenario to quiescence (or its horizon) and returns the trace. Deterministic for a given input. */
export function simulate(input: ScenarioInput): Trace {
  const clock = new QueueClock();
  const recorder = createRecorder(() => clock.now());
  const env = createSimEnv(input, clock, recorder);
  const nodes = traceNodes(input.cluster);

  const children: Child[] = [
    { id: SYSTEM_IDS.etcd, logic: etcdLogic, input: { env } },
    { id: SYSTEM_IDS.apiserver, logic: apiserverLogic, input: { env } },
    { id: SYSTEM_IDS.scheduler, logic: schedulerMachine, input: { env } },
    ...nodes.map((n) => ({
      id: kubeletId(n.name),
      logic: kubeletMachine as AnyStateMachine,
      input: { env, node: n.name },
    })),
    { id: SYSTEM_IDS.kubectlWatch, logic: kubectlWatchMachine, input: { env } },
    { id: SYSTEM_IDS.kubectl, logic: kubectlMachine, input: { env } },
  ];

  const root = createActor(clusterMachine, { clock, input: { children } });
  root.start();
  for (const c of children) root.system.get(c.id)?.send({ type: 'sim.start' });
  root.system.get(SYSTEM_IDS.kubectl)?.send({ type: 'kubectl.run' });

  let horizonReached: boolean;
  try {
    horizonReached = clock.runUntilIdle(input.horizonMs);
  } finally {
    root.stop();
  }

  const steps = [...recorder.steps];
  return {
    version: KUBERNETES_VERSION,
    scenarioId: input.id,
    steps,
    nodes,
    result: summarizeResult(recorder.stored, steps, horizonReached, input.cluster),
  };
}
