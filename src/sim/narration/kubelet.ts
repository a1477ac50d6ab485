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

export function creatingStatusNarration(): Narration {
  return {
    summary: 'The kubelet reports its first status: Pending, containers waiting with reason ContainerCreating.',
    detail:
      "SyncPod starts by computing the pod status, and the status manager PATCHes pods/status at once: hostIP, startTime, and the five conditions in the kubelet's order " +
      '(PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled). `kubectl get pods` now shows ContainerCreating.',
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

export function imageErrorNarration(image: string, reason: string): Narration {
  return {
    summary: `The image "${image}" cannot be used: ${reason}.`,
    detail:
      `The container stays waiting with reason ${reason}. The kubelet keeps retrying with a back-off of 10 s, doubling up to 5 minutes, ` +
      'and `kubectl get pods` alternates between ErrImagePull and ImagePullBackOff.',
    docs: [DOCS.images],
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

export function syncedStatusNarration(running: boolean, podIP: string): Narration {
  return running
    ? {
        summary: `The kubelet reports Running with pod IP ${podIP}; every condition is True.`,
        detail:
          "The status PATCH sets phase Running, podIP/podIPs, the container's containerID, image, imageID and startedAt, and flips Ready and ContainersReady to True. " +
          'The conditions keep their order; only the ones that changed get a new lastTransitionTime.',
        docs: [DOCS.conditions],
      }
    : {
        summary: `The kubelet reports the pod IP ${podIP}, but a container is still waiting.`,
        detail:
          'PodReadyToStartContainers is True (the sandbox and network exist); Ready stays False while a container waits.',
        docs: [DOCS.conditions],
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

export function kubeletEventNarration(reason: string, message: string): Narration {
  return {
    summary: `The kubelet records the event ${reason}: ${message}`,
    detail:
      "The kubelet's event recorder POSTs a core/v1 Event (source kubelet, the node as host) and does not wait for the answer; " +
      'events about a container point at spec.containers{<name>}. `kubectl describe pod` lists them with From kubelet.',
    docs: [
      { label: 'Event API', href: 'https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/' },
    ],
  };
}
