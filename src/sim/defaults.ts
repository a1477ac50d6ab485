/**
 * The defaults the API server applies while decoding a v1 Pod (k/k pkg/apis/core/v1/defaults.go and
 * the generated zz_generated.defaults.go SetObjectDefaults_Pod), returned as field changes by
 * `defaulting`. Admission adds more later (serviceAccountName, the token volume, priority,
 * tolerations); those are not defaults.
 */
import { cloneJson, diffObjects } from './diff';
import { normalizeImageRef } from './kubelet/images';
import type { KubeObject } from './scenario';
import type { FieldChange } from './trace';

type Obj = Record<string, unknown>;
const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const records = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isRecord) : []);

/** A docker reference the distribution/reference grammar accepts (lowercase repository path, optional tag and digest). */
const REFERENCE =
  /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

/**
 * SetDefaults_Container: `Always` when parsers.ParseImageName yields the tag `latest` (written, or
 * implied because there is neither tag nor digest), otherwise `IfNotPresent` (also when the reference
 * does not parse: the error is ignored and the tag is empty).
 */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (!REFERENCE.test(image)) return 'IfNotPresent';
  return normalizeImageRef(image).tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function setIfUnset(o: Obj, key: string, value: unknown): void {
  if (o[key] === undefined || o[key] === null || o[key] === '') o[key] = value;
}

/** SetDefaults_Probe and SetDefaults_HTTPGetAction. */
function defaultProbe(p: unknown): void {
  if (!isRecord(p)) return;
  setIfUnset(p, 'timeoutSeconds', 1);
  setIfUnset(p, 'periodSeconds', 10);
  setIfUnset(p, 'successThreshold', 1);
  setIfUnset(p, 'failureThreshold', 3);
  if (isRecord(p.httpGet)) {
    setIfUnset(p.httpGet, 'path', '/');
    setIfUnset(p.httpGet, 'scheme', 'HTTP');
  }
}

/** SetDefaults_Container, ContainerPort, EnvVar (ObjectFieldSelector) and the probes. */
function defaultContainer(c: Obj, hostNetwork: boolean): void {
  setIfUnset(c, 'terminationMessagePath', '/dev/termination-log');
  setIfUnset(c, 'terminationMessagePolicy', 'File');
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(typeof c.image === 'string' ? c.image : '');
  // Resources is a struct, not a pointer: it always serialises, as {} when empty.
  if (!isRecord(c.resources)) c.resources = {};
  for (const port of records(c.ports)) {
    setIfUnset(port, 'protocol', 'TCP');
    // defaultHostNetworkPorts: with hostNetwork the host port is the container port
    if (hostNetwork && !port.hostPort) port.hostPort = port.containerPort;
  }
  for (const env of records(c.env)) {
    const fieldRef = isRecord(env.valueFrom) ? env.valueFrom.fieldRef : undefined;
    if (isRecord(fieldRef)) setIfUnset(fieldRef, 'apiVersion', 'v1');
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

/** SetDefaults_Pod: requests default to limits for every resource that has a limit but no request. */
function copyLimitsToRequests(c: Obj): void {
  const resources = c.resources;
  if (!isRecord(resources) || !isRecord(resources.limits)) return;
  const requests = isRecord(resources.requests) ? resources.requests : (resources.requests = {});
  for (const [k, v] of Object.entries(resources.limits)) if (requests[k] === undefined) requests[k] = v;
}

/** SetDefaults_Volume (no source → emptyDir) and the 0644 defaultMode of secret, configMap, downwardAPI and projected volumes. */
function defaultVolume(v: Obj): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  for (const key of ['secret', 'configMap', 'downwardAPI', 'projected'])
    if (isRecord(v[key])) setIfUnset(v[key], 'defaultMode', 420);
  if (isRecord(v.hostPath)) setIfUnset(v.hostPath, 'type', '');
  if (isRecord(v.projected)) {
    for (const s of records(v.projected.sources)) {
      if (isRecord(s.serviceAccountToken)) setIfUnset(s.serviceAccountToken, 'expirationSeconds', 3600);
    }
  }
}

/** Applies the decoding defaults to a Pod. Returns the defaulted copy and what changed. */
export function defaultPod(input: KubeObject): { pod: KubeObject; changes: FieldChange[] } {
  const pod = cloneJson(input);
  if (!isRecord(pod.spec)) pod.spec = {};
  const spec = pod.spec as Obj;
  const hostNetwork = spec.hostNetwork === true;
  // SetDefaults_Pod
  for (const c of [...records(spec.containers), ...records(spec.initContainers)]) copyLimitsToRequests(c);
  if (spec.enableServiceLinks === undefined) spec.enableServiceLinks = true;
  // SetDefaults_PodSpec
  setIfUnset(spec, 'dnsPolicy', 'ClusterFirst');
  setIfUnset(spec, 'restartPolicy', 'Always');
  if (!isRecord(spec.securityContext)) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined) spec.terminationGracePeriodSeconds = 30;
  setIfUnset(spec, 'schedulerName', 'default-scheduler');
  for (const v of records(spec.volumes)) defaultVolume(v);
  for (const c of [...records(spec.initContainers), ...records(spec.containers)]) defaultContainer(c, hostNetwork);
  return { pod, changes: diffObjects(input, pod, 'defaulting') };
}
