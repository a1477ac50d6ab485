/**
 * What happens to a container once started, and whether the kubelet can build its config at all.
 *
 * The process's behaviour is not guessed: it comes from the image's `behavior` in the cluster
 * definition's ImageRegistry (scenario.ts ImageBehavior). No behaviour: it runs forever.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { resourceAmount } from '../quantity';
import type { ImageBehavior, ImageFacts, KubeObject } from '../scenario';
import { registryImage } from './images';

export const behaviorOf = (images: ImageFacts, image: string): ImageBehavior =>
  registryImage(images, image)?.behavior ?? {};

/** How a run of the container ends, if it ends: after `afterMs`, with the runtime's terminated reason. */
export interface ContainerExit {
  afterMs: number;
  exitCode: number;
  /** containerd's reason: `Completed` (0), `Error` (non-zero), `OOMKilled`. */
  reason: 'Completed' | 'Error' | 'OOMKilled';
  /** What in the cluster definition says so, for the narration. */
  why: string;
}

/** The time the process needs to grow to its memory (the OOM kill comes as soon as it crosses the limit). */
export const OOM_AFTER_MS = 1_500;

/**
 * The exit of one run. Memory above `resources.limits.memory` is an OOM kill by the kernel (SIGKILL:
 * exit code 137, reason OOMKilled, k/k pkg/kubelet/kuberuntime and containerd's oom event); otherwise
 * the behaviour's `exit`, reason Completed for 0 and Error for anything else.
 */
export function containerExit(images: ImageFacts, c: Container): ContainerExit | undefined {
  const b = behaviorOf(images, c.image ?? '');
  const limit = resourceAmount('memory', c.resources?.limits?.memory);
  if (b.memoryBytes !== undefined && limit > 0 && b.memoryBytes > limit) {
    return {
      afterMs: Math.min(OOM_AFTER_MS, b.exit?.afterMs ?? OOM_AFTER_MS),
      exitCode: 137,
      reason: 'OOMKilled',
      why: `the image's behaviour in the cluster's ImageRegistry says it grows to ${b.memoryBytes} bytes, above the container's memory limit ${c.resources?.limits?.memory} (${limit} bytes)`,
    };
  }
  if (!b.exit) return undefined;
  return {
    afterMs: b.exit.afterMs,
    exitCode: b.exit.code,
    reason: b.exit.code === 0 ? 'Completed' : 'Error',
    why: `the image's behaviour in the cluster's ImageRegistry says it exits with code ${b.exit.code} after ${b.exit.afterMs / 1000} s`,
  };
}

const findObject = (cluster: readonly KubeObject[], kind: string, ns: string, name: string) =>
  cluster.find((o) => o.kind === kind && o.metadata.namespace === ns && o.metadata.name === name);

/** Keys of a ConfigMap (data and binaryData) or Secret (data, stringData as stored). */
const keysOf = (o: KubeObject) => [
  ...Object.keys((o.data as object | undefined) ?? {}),
  ...Object.keys((o.binaryData as object | undefined) ?? {}),
];

/**
 * A referenced ConfigMap or Secret, as the kubelet's configmap/secret manager returns it: the
 * NotFound error (`configmap "x" not found`, groupResource `configmap`/`secret`,
 * k/k pkg/kubelet/configmap and pkg/kubelet/secret managers) or the object.
 */
function lookup(
  cluster: readonly KubeObject[],
  kind: 'ConfigMap' | 'Secret',
  ns: string,
  name: string,
): { object: KubeObject; error?: undefined } | { object?: undefined; error: string } {
  const o = findObject(cluster, kind, ns, name);
  return o ? { object: o } : { error: `${kind.toLowerCase()} ${JSON.stringify(name)} not found` };
}

/**
 * The error generateContainerConfig gives when the env cannot be built (k/k pkg/kubelet/kubelet_pods.go
 * makeEnvironmentVariables), or undefined. References marked `optional: true` never fail. The kubelet's
 * managers read the objects through kube-apiserver; here they are the cluster definition's objects.
 */
export function containerConfigError(pod: Pod, c: Container, cluster: readonly KubeObject[]): string | undefined {
  const ns = pod.metadata?.namespace ?? 'default';
  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref || ref.optional) continue;
    const found = lookup(cluster, from.configMapRef ? 'ConfigMap' : 'Secret', ns, ref.name ?? '');
    if (found.error) return found.error;
  }
  for (const env of c.env ?? []) {
    const cm = env.valueFrom?.configMapKeyRef;
    const sec = env.valueFrom?.secretKeyRef;
    const ref = cm ?? sec;
    if (!ref || ref.optional) continue;
    const kind = cm ? 'ConfigMap' : 'Secret';
    const found = lookup(cluster, kind, ns, ref.name ?? '');
    if (!found.object) return found.error;
    if (!keysOf(found.object).includes(ref.key)) return `couldn't find key ${ref.key} in ${kind} ${ns}/${ref.name}`;
  }
  return undefined;
}

/**
 * The error MountVolume.SetUp gives for a configMap or secret volume whose object does not exist
 * (k/k pkg/volume/configmap and pkg/volume/secret SetUpAt), or undefined.
 */
export function volumeSetUpError(pod: Pod, volume: string, cluster: readonly KubeObject[]): string | undefined {
  const ns = pod.metadata?.namespace ?? 'default';
  const v = (pod.spec?.volumes ?? []).find((x) => x.name === volume);
  const cm = v?.configMap;
  const sec = v?.secret;
  if (cm && !cm.optional) return lookup(cluster, 'ConfigMap', ns, cm.name ?? '').error;
  if (sec && !sec.optional) return lookup(cluster, 'Secret', ns, sec.secretName ?? '').error;
  return undefined;
}

/** format.Pod: `<name>_<namespace>(<uid>)`, how kubelet messages name a pod. */
export const formatPod = (pod: Pod): string =>
  `${pod.metadata?.name ?? ''}_${pod.metadata?.namespace ?? 'default'}(${pod.metadata?.uid ?? ''})`;

/**
 * Whether a running container no longer matches its spec (kuberuntime containerChanged): the kubelet
 * compares the hash it labelled the container with at creation, and since v1.31 that hash covers only
 * the name and the image (k/k pkg/kubelet/container/helpers.go HashContainer, pickFieldsToHash; the
 * image is the one container field a pod update may change that needs a new container).
 */
export const containerDefinitionChanged = (running: Container, desired: Container): boolean =>
  running.name !== desired.name || running.image !== desired.image;

/** The containers (init and regular, by name) whose definition an update of the pod changed. */
export function changedContainers(previous: Pod, next: Pod): string[] {
  const all = (p: Pod) => [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])];
  const before = all(previous);
  return all(next).flatMap((c) => {
    const was = before.find((b) => b.name === c.name);
    return was && containerDefinitionChanged(was, c) ? [c.name] : [];
  });
}
