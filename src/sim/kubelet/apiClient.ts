/**
 * How the in-cluster components (kube-scheduler, kubelets) talk to kube-apiserver: client-go with
 * protobuf as the content type, their User-Agent, and the names client-go gives to Events.
 */
import { KUBERNETES_VERSION } from '../trace';
import { KUBERNETES_GIT_COMMIT } from '../kubectl';

/** client-go rest.DefaultKubernetesUserAgent: `<binary>/<version> (<os>/<arch>) kubernetes/<commit>`. */
export const userAgent = (binary: 'kubelet' | 'kube-scheduler'): string =>
  `${binary}/${KUBERNETES_VERSION} (linux/amd64) kubernetes/${KUBERNETES_GIT_COMMIT.slice(0, 7)}`;

export const PROTOBUF = 'application/vnd.kubernetes.protobuf';
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';

/**
 * Request headers. Both components set `ContentType: application/vnd.kubernetes.protobuf`. The kubelet
 * also sets AcceptContentTypes to "protobuf,json" (cmd/kubelet/app/server.go setContentTypeForClient);
 * the scheduler leaves it empty, so client-go accepts its content type or any type (rest/request.go).
 * A status PATCH carries the patch type instead of the protobuf content type.
 */
export function clientHeaders(
  binary: 'kubelet' | 'kube-scheduler',
  opts: { patch?: boolean } = {},
): Record<string, string> {
  return {
    Accept: binary === 'kubelet' ? `${PROTOBUF},application/json` : `${PROTOBUF}, */*`,
    'Content-Type': opts.patch ? STRATEGIC_MERGE_PATCH : PROTOBUF,
    'User-Agent': userAgent(binary),
  };
}

/**
 * Nanoseconds since the epoch of an RFC 3339 timestamp with up to nanosecond digits, in hex: the
 * suffix client-go's event recorders put in an Event's name (`fmt.Sprintf("%v.%x", name, t.UnixNano())`,
 * client-go tools/record/event.go and tools/events/recorder.go).
 */
export function unixNanoHex(rfc3339: string): string {
  const m = /^(.*?)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(rfc3339);
  const seconds = Date.parse(`${m?.[1] ?? rfc3339}${m?.[3] ?? ''}`);
  if (!Number.isFinite(seconds)) return '0';
  const frac = BigInt((m?.[2] ?? '').padEnd(9, '0'));
  return (BigInt(seconds) * 1_000_000n + frac).toString(16);
}

/** The name client-go gives a new Event about `objectName` recorded at `rfc3339Micro`. */
export const eventName = (objectName: string, rfc3339Micro: string): string =>
  `${objectName}.${unixNanoHex(rfc3339Micro)}`;

/** An ObjectReference to a pod as client-go's reference.GetReference builds it (field order as Go marshals it). */
export function podReference(
  pod: { metadata?: { name?: string; namespace?: string; uid?: string; resourceVersion?: string } },
  fieldPath?: string,
): Record<string, string> {
  return {
    kind: 'Pod',
    namespace: pod.metadata?.namespace ?? 'default',
    name: pod.metadata?.name ?? '',
    ...(pod.metadata?.uid ? { uid: pod.metadata.uid } : {}),
    apiVersion: 'v1',
    ...(pod.metadata?.resourceVersion ? { resourceVersion: pod.metadata.resourceVersion } : {}),
    ...(fieldPath ? { fieldPath } : {}),
  };
}
