/**
 * A created pod after kube-apiserver: the scheduling cycle the scheduler actor runs
 * (src/actors/components/scheduler.ts: buildSnapshot, schedulePod, the FailedScheduling note), then
 * what the chosen node's kubelet meets (src/sim/kubelet: admission, volume set-up, image pull,
 * container config, how the image's process behaves, probes). The scheduler's tie-break uses the
 * given Rng, so the node may differ from the run's; no node name is reported.
 */
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import { firstLineOf, type SourceRange } from '../manifest';
import type { KubeObject } from '../scenario';
import type { Rng } from '../random';
import { admitPod } from '../kubelet/admission';
import { behaviorOf, containerConfigError, containerExit, volumeSetUpError } from '../kubelet/containers';
import {
  failedMount,
  failedToPullImage,
  imageNeverPull,
  invalidImageName,
  startFailed,
  unhealthy,
} from '../kubelet/events';
import { imageNameError, pullDecision } from '../kubelet/images';
import { allocatePodIP } from '../kubelet/plan';
import { probeFailure, probesOf } from '../kubelet/probes';
import { notFoundError } from '../kubelet/worker';
import { failedSchedulingNote, needsScheduling, schedulingGatedCondition } from '../scheduler/messages';
import { isGated } from '../scheduler/queue';
import { schedulePod } from '../scheduler/schedule';
import { buildSnapshot } from '../scheduler/snapshot';
import { rangeForPath } from './ranges';
import { diagnostic, type DocContext, type Gate, type Stop } from './types';

type Obj = Record<string, unknown>;
const SCHEDULER = (stage: string, place: Gate['place'] = 'filter'): Gate => ({
  source: 'kube-scheduler',
  stage,
  place,
});
const KUBELET = (stage: string, place: Gate['place']): Gate => ({ source: 'kubelet', stage, place });

/** The containers of a pod with their paths, init containers first (the kubelet starts them first). */
function containersOf(pod: Pod): { c: Container; path: string }[] {
  return (['initContainers', 'containers'] as const).flatMap((k) =>
    (pod.spec?.[k] ?? []).map((c, i) => ({ c, path: `spec.${k}[${i}]` })),
  );
}

/** The fields a filter plugin reads, for the markers of a FailedScheduling. */
function filterPaths(plugin: string, pod: Pod, fitError: string, written: (p: string) => boolean): string[] {
  const specPaths = (...ps: string[]) => ps.filter(written);
  switch (plugin) {
    case 'NodeResourcesFit': {
      const short = ['cpu', 'memory', 'ephemeral-storage'].filter((r) => fitError.includes(`Insufficient ${r}`));
      // a request defaulted from the limit is marked at the limit the person wrote
      return containersOf(pod).flatMap(({ path }) =>
        short.flatMap((r) => specPaths(`${path}.resources.requests.${r}`, `${path}.resources.limits.${r}`).slice(0, 1)),
      );
    }
    case 'NodeAffinity':
      return specPaths('spec.nodeSelector', 'spec.affinity');
    case 'TaintToleration':
    case 'NodeUnschedulable':
      return specPaths('spec.tolerations');
    case 'NodeName':
      return specPaths('spec.nodeName');
    case 'NodePorts':
      return containersOf(pod).flatMap(({ path }) => specPaths(`${path}.ports`));
    default:
      return (pod.spec?.volumes ?? []).flatMap((v, i) =>
        v.persistentVolumeClaim || v.ephemeral ? specPaths(`spec.volumes[${i}]`) : [],
      );
  }
}

export interface NodeResult {
  stop?: Stop;
}

/** The scheduler's verdict on the pod; `node` is the one it would bind to. */
function schedule(pod: Pod, ctx: DocContext, rng: Rng): { stop?: Stop; node?: Node } {
  const { doc, text, cluster, images } = ctx;
  const mark = (gate: Gate, message: string, paths: string[]): Stop => ({
    verdict: 'unschedulable',
    gate,
    message,
    diagnostics: (paths.length ? paths : ['spec']).map((path) =>
      diagnostic(gate, 'warning', message, rangeForPath(doc, path, text), { path }),
    ),
  });
  const nodeNamed = (name: string) =>
    cluster.find((o) => o.kind === 'Node' && o.metadata.name === name) as unknown as Node | undefined;
  if (isGated(pod)) {
    // the scheduler never pops a gated pod; PrepareForCreate gave it this condition
    return {
      stop: mark(SCHEDULER('scheduling gates', 'queue'), schedulingGatedCondition().message, ['spec.schedulingGates']),
    };
  }
  if (!needsScheduling(pod)) {
    // a pod with spec.nodeName goes straight to that node's kubelet
    return { node: nodeNamed(pod.spec?.nodeName ?? '') };
  }
  const outcome = schedulePod(pod, buildSnapshot(cluster, images), rng);
  if (outcome.fitError !== undefined) {
    const plugins = outcome.unschedulablePlugins;
    const message = failedSchedulingNote(outcome.fitError);
    const gate = SCHEDULER(`${plugins.join(', ')} filter`);
    const written = (p: string) => doc.ranges[p] !== undefined;
    const paths = [...new Set(plugins.flatMap((p) => filterPaths(p, pod, outcome.fitError ?? '', written)))];
    return { stop: mark(gate, message, paths) };
  }
  return { node: nodeNamed(outcome.result.selected ?? '') };
}

/** What the node's kubelet meets, in the order of its sync: admission, volumes, then each container. */
function onNode(pod: Pod, node: Node, ctx: DocContext): Stop | undefined {
  const { doc, text, cluster, images } = ctx;
  const at = (path: string): SourceRange => rangeForPath(doc, path, text);
  const failing = (gate: Gate, message: string, path: string): Stop => ({
    verdict: 'failing',
    gate,
    message,
    diagnostics: [diagnostic(gate, 'warning', message, firstLineOf(at(path), text), { path })],
  });
  const nodeName = node.metadata?.name ?? '';
  const others = cluster.filter(
    (o) => o.kind === 'Pod' && (o.spec as Obj | undefined)?.nodeName === nodeName,
  ) as unknown as Pod[];
  const admission = admitPod(pod, node, others);
  if (!admission.admit)
    return failing(KUBELET(`admission (${admission.reason})`, 'kubelet-admission'), admission.message, 'spec');

  const volumes = pod.spec?.volumes ?? [];
  for (const [i, v] of volumes.entries()) {
    const err = volumeSetUpError(pod, v.name, cluster);
    if (err) return failing(KUBELET('volume set-up', 'sync'), failedMount(v.name, err).message, `spec.volumes[${i}]`);
  }

  for (const { c, path } of containersOf(pod)) {
    const image = c.image ?? '';
    const nameError = imageNameError(image);
    if (nameError)
      return failing(
        KUBELET('image (InvalidImageName)', 'image'),
        invalidImageName(image, nameError).message,
        `${path}.image`,
      );
    const pull = pullDecision(images, nodeName, c);
    if (pull.kind === 'not-found')
      return failing(
        KUBELET('image pull (ErrImagePull)', 'image'),
        failedToPullImage(image, notFoundError(image)).message,
        `${path}.image`,
      );
    if (pull.kind === 'never-absent')
      return failing(KUBELET('image (ErrImageNeverPull)', 'image'), imageNeverPull(image).message, `${path}.image`);
    const configError = containerConfigError(pod, c, cluster);
    if (configError) {
      const gate = KUBELET('container config (CreateContainerConfigError)', 'container');
      return failing(gate, startFailed(configError).message, configPath(pod, c, path, cluster));
    }
    const exit = containerExit(images, c);
    const policy = pod.spec?.restartPolicy ?? 'Always';
    // an init container that exits 0 is done; a regular one under Always is started again
    const init = path.startsWith('spec.initContainers');
    if (exit && (exit.exitCode !== 0 || (!init && policy === 'Always'))) {
      const restarted = init
        ? policy !== 'Never'
        : policy === 'Always' || (policy === 'OnFailure' && exit.exitCode !== 0);
      const what = restarted
        ? `the kubelet restarts it with a growing back-off (CrashLoopBackOff)`
        : `with restartPolicy ${policy} it is not restarted and the pod fails`;
      const message = `${exit.reason} (exit code ${exit.exitCode}): ${exit.why}; ${what}.`;
      return failing(KUBELET(`container (${exit.reason})`, 'container'), message, `${path}.image`);
    }
    const podIP = allocatePodIP(
      node.spec?.podCIDR ?? '',
      others.map((p) => p.status?.podIP ?? ''),
    );
    for (const p of probesOf(c)) {
      const output = probeFailure(c, p.probe, behaviorOf(images, image), podIP);
      if (output) {
        const probePath = `${path}.${p.type}Probe`;
        return failing(
          KUBELET(`${p.type} probe (Unhealthy)`, 'container'),
          unhealthy(p.type, output).message,
          probePath,
        );
      }
    }
  }
  return undefined;
}

/** The env or envFrom entry whose ConfigMap or Secret (or key) is missing, else the container. */
function configPath(pod: Pod, c: Container, path: string, cluster: readonly KubeObject[]): string {
  const only = (part: Partial<Container>): Container => ({ name: c.name, ...part });
  const envFrom = (c.envFrom ?? []).findIndex((e) => containerConfigError(pod, only({ envFrom: [e] }), cluster));
  if (envFrom >= 0) return `${path}.envFrom[${envFrom}]`;
  const env = (c.env ?? []).findIndex((e) => containerConfigError(pod, only({ env: [e] }), cluster));
  return env >= 0 ? `${path}.env[${env}].valueFrom` : path;
}

/** The pod's journey after it is stored: unschedulable, failing on its node, or neither. */
export function afterStored(pod: KubeObject, ctx: DocContext, rng: Rng): Stop | undefined {
  const p = pod as unknown as Pod;
  const { stop, node } = schedule(p, ctx, rng);
  if (stop) return stop;
  return node ? onNode(p, node, ctx) : undefined;
}
