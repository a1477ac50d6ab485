/**
 * What the learner reads at each kubelet step, and at each row `kubectl get pods -w` prints (the
 * node's work as the person watching sees it).
 */
import type { Narration } from '../trace';

const DOCS = {
  kubelet: { label: 'kubelet', href: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kubelet/' },
  lifecycle: { label: 'Pod Lifecycle', href: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/' },
  conditions: {
    label: 'Pod conditions',
    href: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-conditions',
  },
  resources: {
    label: 'Resource Management for Pods and Containers',
    href: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  },
  cri: { label: 'Container Runtime Interface (CRI)', href: 'https://kubernetes.io/docs/concepts/architecture/cri/' },
  network: {
    label: 'Network Plugins',
    href: 'https://kubernetes.io/docs/concepts/extend-kubernetes/compute-storage-net/network-plugins/',
  },
  images: { label: 'Images', href: 'https://kubernetes.io/docs/concepts/containers/images/' },
  projected: { label: 'Projected Volumes', href: 'https://kubernetes.io/docs/concepts/storage/projected-volumes/' },
  get: { label: 'kubectl get', href: 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_get/' },
} as const;

export function admittedNarration(pod: string, node: string, requests: string): Narration {
  return {
    summary: `The kubelet on ${node} sees ${pod} bound to it through its watch, and admits it.`,
    detail:
      `Each kubelet watches the API server for pods whose spec.nodeName is its node (fieldSelector=spec.nodeName=${node}); nobody calls the kubelet directly. ` +
      'Before any container work it re-checks what the scheduler checked, against its own view: resources (cpu, memory, pods), node selector and affinity, host ports, and NoExecute taints. ' +
      `The pod requests ${requests}. A pod bound by hand (spec.nodeName set at create) meets this check only.`,
    docs: [DOCS.resources],
  };
}

export function rejectedNarration(reason: string, message: string): Narration {
  return {
    summary: `The kubelet rejects the pod: ${reason}.`,
    detail:
      `Admission failed with "${message}". The kubelet records a warning event and sets the pod's phase to Failed with reason ${reason}; ` +
      'the pod is not retried on this node — a controller would have to create a new one.',
    docs: [DOCS.resources, DOCS.lifecycle],
  };
}

export function creatingStatusNarration(column = 'ContainerCreating'): Narration {
  const init = column.startsWith('Init:');
  return {
    summary: init
      ? `The kubelet reports its first status: Pending, init containers first (${column}).`
      : 'The kubelet reports its first status: Pending, containers waiting with reason ContainerCreating.',
    detail:
      "SyncPod starts by computing the pod status, and the status manager PATCHes pods/status at once: hostIP, startTime, and the five conditions in the kubelet's order " +
      `(PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled). \`kubectl get pods\` now shows ${column}` +
      (init
        ? ': every container waits with reason PodInitializing and Initialized is False until each init container has exited 0, one after the other.'
        : '.'),
    docs: [DOCS.conditions],
  };
}

export function volumesNarration(volumes: readonly string[]): Narration {
  return {
    summary: volumes.length
      ? `Pod cgroup created and volumes mounted: ${volumes.join(', ')}.`
      : 'Pod cgroup created; the pod has no volumes.',
    detail:
      "The kubelet creates the pod's cgroup, its data directories, then waits until every volume is attached and mounted. " +
      'The kube-api-access volume is a projected volume: a service account token (requested from the API server by the kubelet), the cluster CA from the kube-root-ca.crt ConfigMap, and the namespace. ' +
      'Successful mounts produce no events.',
    docs: [DOCS.projected],
  };
}

export function sandboxNarration(pauseImage: string): Narration {
  return {
    summary: "RunPodSandbox: containerd starts the pause container that holds the pod's namespaces.",
    detail:
      `The kubelet talks to the container runtime through the CRI (gRPC on a local socket). The sandbox is a tiny ${pauseImage} container that owns the pod's network namespace; ` +
      'every container of the pod joins it, which is why they share one IP and localhost.',
    docs: [DOCS.cri],
  };
}

export function networkNarration(podIP: string, podCIDR: string): Narration {
  return {
    summary: `CNI ADD: the network plugin gives the pod the IP ${podIP}.`,
    detail:
      `While creating the sandbox, containerd calls the CNI plugin (kindnet in a kind cluster) with ADD. Its IPAM picks a free address from the node's podCIDR ${podCIDR} and wires a veth into the pod's namespace. ` +
      'The kubelet reads the IP back from the sandbox status; PodReadyToStartContainers becomes True.',
    docs: [DOCS.network],
  };
}

export function pullingNarration(image: string, policy: string): Narration {
  return {
    summary: `Pulling image "${image}".`,
    detail:
      `imagePullPolicy is ${policy}: ` +
      (policy === 'Always'
        ? 'the kubelet asks the runtime to pull even if a copy exists (`:latest` or no tag defaults to Always). '
        : 'the image is not on this node yet. ') +
      'The runtime resolves the tag to a digest and downloads the layers; the kubelet records a Pulling event first and a Pulled event with the duration and size when done.',
    docs: [DOCS.images],
  };
}

export function pulledNarration(image: string, duration: string): Narration {
  return {
    summary: `Pulled "${image}" in ${duration}.`,
    detail:
      "The first duration is the pull itself, the one in parentheses includes time waiting for the node's image puller (pulls are serialized by default). " +
      'Image pulls are usually the slowest part of starting a pod.',
    docs: [DOCS.images],
  };
}

export function presentNarration(image: string): Narration {
  return {
    summary: `Image "${image}" is already on the node; no pull.`,
    detail:
      'With imagePullPolicy IfNotPresent (the default for a pinned tag) the kubelet uses the local copy and records a Pulled event saying so.',
    docs: [DOCS.images],
  };
}

const IMAGE_ERRORS: Record<string, string> = {
  ErrImagePull:
    'The pull failed, so the container stays waiting with reason ErrImagePull. The kubelet records the failure in its image back-off (keyed by pod and image): 10 s after the first failure, doubling after each one up to 5 minutes.',
  ImagePullBackOff:
    'The image back-off has not passed yet, so the kubelet does not even try: it records BackOff and the waiting reason becomes ImagePullBackOff. `kubectl get pods` alternates between ErrImagePull and ImagePullBackOff.',
  ErrImageNeverPull:
    'imagePullPolicy is Never and the image is not on the node, so the kubelet will never pull it; the container stays waiting with reason ErrImageNeverPull.',
  InvalidImageName:
    'The kubelet parses the image reference before anything else and this one does not parse (repository names must be lowercase, for one). No pull is attempted; the container waits with reason InvalidImageName and the kubelet re-checks on each re-sync.',
};

export function imageErrorNarration(image: string, reason: string, backoffMs?: number): Narration {
  const backoff = backoffMs ? ` The image back-off now stands at ${backoffMs / 1000} s.` : '';
  return {
    summary: `The image "${image}" cannot be used: ${reason}.`,
    detail: `${IMAGE_ERRORS[reason] ?? ''}${backoff} The pod worker re-syncs a failed pod every 10–15 s; each re-sync either pulls again or reports the back-off.`,
    docs: [DOCS.images],
  };
}

export function configErrorNarration(container: string, error: string): Narration {
  return {
    summary: `The kubelet cannot build ${container}'s config: ${error}.`,
    detail:
      "Before CreateContainer the kubelet resolves env from ConfigMaps and Secrets through its configmap/secret managers (which read them from the API server; here, the cluster definition's objects). " +
      'A missing object or key without optional: true stops the container with waiting reason CreateContainerConfigError; the kubelet retries on every re-sync (10–15 s) until the object appears.',
    docs: [
      {
        label: 'Configure a Pod to Use a ConfigMap',
        href: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/',
      },
    ],
  };
}

export function mountErrorNarration(volume: string, error: string, retry: string): Narration {
  return {
    summary: `Volume "${volume}" cannot be mounted: ${error}.`,
    detail:
      "The kubelet's volume manager sets up each volume before the sandbox exists; a configMap or secret volume needs its object (the kubelet reads it through the API server; here, the cluster definition's objects). " +
      `Without it MountVolume.SetUp fails, a FailedMount event is recorded and the operation is retried after ${retry}, the delay doubling up to 2m2s. ` +
      'Meanwhile SyncPod waits and the pod stays ContainerCreating: no sandbox, no IP, no containers.',
    docs: [{ label: 'ConfigMaps', href: 'https://kubernetes.io/docs/concepts/configuration/configmap/' }],
  };
}

export function exitedNarration(
  container: string,
  exitCode: number,
  reason: string,
  why: string,
  replaced = false,
): Narration {
  if (replaced)
    return {
      summary: `${container} ended with exit code ${exitCode} (${reason}): the old container is gone.`,
      detail:
        `It ends because ${why}. ` +
        'StopContainer returns once the process has exited, and the same sync goes on: it starts a container from the new definition (no crash-loop back-off: the container did not crash). ' +
        'The exit is kept as the container status lastState.terminated.',
      docs: [DOCS.lifecycle],
    };
  return {
    summary: `${container} ended with exit code ${exitCode} (${reason}).`,
    detail:
      `It ends because ${why}. ` +
      'containerd records the exit; the kubelet notices it at its next PLEG relist (every second) and re-syncs the pod. ' +
      (reason === 'OOMKilled'
        ? 'The kernel killed the process with SIGKILL for crossing its cgroup memory limit: exit code 137, reason OOMKilled.'
        : 'Exit code 0 is reported as Completed, anything else as Error; the restartPolicy decides whether it starts again.'),
    docs: [DOCS.lifecycle],
  };
}

const PROBES_DOC = {
  label: 'Configure Liveness, Readiness and Startup Probes',
  href: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
};

export function unhealthyNarration(container: string, probe: string, message: string): Narration {
  const effect =
    probe === 'readiness'
      ? 'After failureThreshold failures in a row the container is marked not ready: Ready and ContainersReady turn False (reason ContainersNotReady) and a Service stops sending it traffic; it is not restarted.'
      : probe === 'liveness'
        ? 'After failureThreshold failures in a row the kubelet kills the container and restarts it.'
        : 'The startup probe holds back the liveness and readiness probes until it succeeds; after failureThreshold failures the container is killed and restarted.';
  return {
    summary: `${container}: ${message}`,
    detail:
      `The kubelet's prober runs the ${probe} probe every periodSeconds, from initialDelaySeconds after the container started, against what the image serves (its behaviour in the cluster's ImageRegistry). ` +
      `Every failure is recorded as an Unhealthy event. ${effect}`,
    docs: [PROBES_DOC],
  };
}

/** Why the kubelet stops a running container to restart it: a failed probe, or a changed definition. */
export function killingNarration(
  container: string,
  cause: 'startup' | 'liveness' | 'changed',
  graceSeconds: number,
): Narration {
  const stop = `The kubelet records Killing and asks the runtime to stop the container: SIGTERM, then SIGKILL after the ${graceSeconds} s grace period.`;
  if (cause === 'changed')
    return {
      summary: `The image of ${container} changed: the kubelet stops the old container to start a new one.`,
      detail:
        'A container cannot change its image while it runs. The kubelet labels every container with a hash of its name and image; after the update the hash of the spec no longer matches, so it replaces the container, whatever the restart policy. ' +
        `${stop} Once it has exited, the same sync pulls the new image and starts the new container (restartCount + 1).`,
      docs: [
        {
          label: 'Updating a Pod',
          href: 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-update-and-replacement',
        },
        {
          label: 'Container restarts',
          href: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts',
        },
      ],
    };
  return {
    summary: `${container} failed its ${cause} probe: the kubelet stops it to restart it.`,
    detail: `${stop} Once it has exited, the pod worker starts it again (restartCount + 1), subject to the same crash-loop back-off as a crash.`,
    docs: [PROBES_DOC],
  };
}

export function crashBackoffNarration(container: string, backoff: string): Narration {
  return {
    summary: `CrashLoopBackOff: ${container} is not restarted for ${backoff} after its last exit.`,
    detail:
      'The kubelet restarts a crashed container at once the first time, then waits: 10 s, doubling after each crash up to 5 minutes (reset after 10 minutes of running). ' +
      'It records a BackOff event and the waiting reason CrashLoopBackOff; the pod worker re-syncs every 10–15 s and restarts the container once the back-off has passed.',
    docs: [
      {
        label: 'Container restarts',
        href: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts',
      },
    ],
  };
}

export function createdNarration(container: string): Narration {
  return {
    summary: `CreateContainer: container ${container} is created in the sandbox.`,
    detail:
      'The kubelet builds the container config (command, env, mounts, security context) and calls CreateContainer; the runtime prepares the root filesystem from the image. ' +
      'v1.33 records the event as "Created container: <name>".',
    docs: [DOCS.cri],
  };
}

export function startedNarration(container: string): Narration {
  return {
    summary: `StartContainer: ${container} is running.`,
    detail:
      "The runtime starts the process inside the pod's namespaces. With no startup or readiness probe, the container counts as started and ready at once; " +
      'the kubelet notices through its PLEG relist (every second) and writes the new status.',
    docs: [DOCS.lifecycle],
  };
}

export function syncedStatusNarration(column: string, phase: string, podIP: string): Narration {
  if (column === 'Running')
    return {
      summary: `The kubelet reports Running with pod IP ${podIP}; every condition is True.`,
      detail:
        "The status PATCH sets phase Running, podIP/podIPs, the container's containerID, image, imageID and startedAt, and flips Ready and ContainersReady to True. " +
        'The conditions keep their order; only the ones that changed get a new lastTransitionTime.',
      docs: [DOCS.conditions],
    };
  return {
    summary: `The kubelet reports phase ${phase}; kubectl shows ${column}.`,
    detail:
      'Each sync starts by computing the status from what the runtime reports and why the last start failed; the status manager PATCHes it when it changed. ' +
      `The phase is ${phase}, and \`kubectl get pods\` derives the STATUS column ${column} from the container states (waiting or terminated reasons), not from the phase alone. ` +
      'Ready and ContainersReady stay False while a container is not ready.',
    docs: [DOCS.conditions, DOCS.lifecycle],
  };
}

// --- kubectl get pods -w -----------------------------------------------------------------------------

export function watchRowNarration(pod: string, status: string, watchType: string, first: boolean): Narration {
  return {
    summary: `kubectl get pods -w prints ${pod}: ${status}.`,
    detail:
      (first ? 'The first row comes with the header. ' : '') +
      `The watch delivered ${watchType}; kubectl prints one row per event and flushes. The STATUS column is computed from the pod (phase, then container waiting reasons), ` +
      'which is why it can say ContainerCreating although no phase has that name.',
    docs: [DOCS.get, DOCS.lifecycle],
  };
}

export function kubeletEventNarration(reason: string, message: string, count = 1): Narration {
  return {
    summary:
      count > 1
        ? `The kubelet records the event ${reason} again (${count} times now): ${message}`
        : `The kubelet records the event ${reason}: ${message}`,
    detail:
      (count > 1
        ? 'A repeat of an event already sent is not a new object: the recorder PATCHes the stored Event with count and lastTimestamp, so `kubectl describe` shows it once with (x' +
          `${count} over …). `
        : "The kubelet's event recorder POSTs a core/v1 Event (source kubelet, the node as host) and does not wait for the answer. ") +
      'Events about a container point at spec.containers{<name>}. `kubectl describe pod` lists them with From kubelet.',
    docs: [
      { label: 'Event API', href: 'https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/' },
    ],
  };
}
