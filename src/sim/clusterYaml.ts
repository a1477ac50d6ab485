/**
 * The Cluster tab: the objects a cluster holds before Apply, written as multi-document YAML, read
 * into the stored objects the simulated etcd starts with, plus one simulation-only document
 * (`kind: ImageRegistry`) that says what the simulated registries serve.
 *
 * The text may leave out what kube-apiserver sets when an object is created (uid, resourceVersion,
 * creationTimestamp, a Namespace's phase, a PriorityClass's preemptionPolicy, a Pod's priority and
 * QoS class): they are filled in here, deterministically, so the YAML stays short.
 */
import { defaultPod } from './defaults';
import { fieldErrorString, notSupported } from './fieldErrors';
import {
  firstLineOf,
  parseManifest,
  rangeOf,
  type Diagnostic,
  type ManifestDocument,
  type SourceRange,
} from './manifest';
import { childPath } from './diff';
import { podQOSClass } from './podCreate';
import { parseQuantity } from './quantity';
import { createRng } from './random';
import type { ImageBehavior, ImageFacts, KubeObject, RegistryImage } from './scenario';
import { decodeBase64 } from './x509';

export interface ParsedCluster {
  /** The objects as stored, in document order (the ImageRegistry document is not among them). */
  objects: KubeObject[];
  images: ImageFacts;
  diagnostics: Diagnostic[];
}

const CORE = 'v1';
const RBAC = 'rbac.authorization.k8s.io/v1';

/** The kinds the simulation reads, with the apiVersion that serves them and their scope. */
const KINDS: Readonly<Record<string, { apiVersion: string; namespaced: boolean }>> = {
  Node: { apiVersion: CORE, namespaced: false },
  Namespace: { apiVersion: CORE, namespaced: false },
  ServiceAccount: { apiVersion: CORE, namespaced: true },
  ConfigMap: { apiVersion: CORE, namespaced: true },
  Secret: { apiVersion: CORE, namespaced: true },
  ResourceQuota: { apiVersion: CORE, namespaced: true },
  LimitRange: { apiVersion: CORE, namespaced: true },
  PersistentVolumeClaim: { apiVersion: CORE, namespaced: true },
  PersistentVolume: { apiVersion: CORE, namespaced: false },
  Pod: { apiVersion: CORE, namespaced: true },
  Role: { apiVersion: RBAC, namespaced: true },
  ClusterRole: { apiVersion: RBAC, namespaced: false },
  RoleBinding: { apiVersion: RBAC, namespaced: true },
  ClusterRoleBinding: { apiVersion: RBAC, namespaced: false },
  PriorityClass: { apiVersion: 'scheduling.k8s.io/v1', namespaced: false },
};

/** The simulation-only document: not a Kubernetes API, never stored in etcd. */
export const IMAGE_REGISTRY = { apiVersion: 'podjourney.dev/v1alpha1', kind: 'ImageRegistry' } as const;

/** When the objects the text leaves undated were created: an hour before the default Apply. */
export const CLUSTER_CREATED = '2026-11-26T08:30:00Z';

/**
 * Resource versions the text leaves out: increasing in document order, with gaps (etcd's revision
 * also counts Leases, Events and status updates that are not shown).
 */
const FIRST_RESOURCE_VERSION = 207;
const RESOURCE_VERSION_STEP = 7;

type Obj = Record<string, unknown>;
const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A stable seed per object, so adding or moving other objects never changes its uid. */
function seedOf(key: string): number {
  let h = 2166136261; // FNV-1a
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Reports problems at the right place in the text. */
class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly text: string) {}
  /** At the field's key line (a whole mapping is marked on its first line only). */
  at(doc: ManifestDocument, path: string, message: string, severity: Diagnostic['severity'] = 'error'): void {
    this.push(firstLineOf(rangeOf(doc, path), this.text), message, severity, path);
  }
  push(range: SourceRange, message: string, severity: Diagnostic['severity'] = 'error', path?: string): void {
    this.diagnostics.push({
      severity,
      message: `Cluster: ${message}`,
      source: 'simulator',
      range,
      ...(path ? { path } : {}),
    });
  }
}

/** Fields holding a map of resource quantities, per kind (the ones the simulation reads). */
function quantityMaps(kind: string, o: Obj): [string, unknown][] {
  const spec = isRecord(o.spec) ? o.spec : {};
  const status = isRecord(o.status) ? o.status : {};
  switch (kind) {
    case 'Node':
      return [
        ['status.capacity', status.capacity],
        ['status.allocatable', status.allocatable],
      ];
    case 'Pod':
      return [
        ['spec.overhead', spec.overhead],
        ...(['initContainers', 'containers'] as const).flatMap((field) =>
          list(spec[field]).flatMap((c, i): [string, unknown][] => {
            const r = isRecord(c) && isRecord(c.resources) ? c.resources : {};
            const at = childPath(childPath(`spec.${field}`, i), 'resources');
            return [
              [`${at}.requests`, r.requests],
              [`${at}.limits`, r.limits],
            ];
          }),
        ),
      ];
    case 'ResourceQuota':
      return [
        ['spec.hard', spec.hard],
        ['status.hard', status.hard],
        ['status.used', status.used],
      ];
    case 'LimitRange':
      return list(spec.limits).flatMap((l, i) =>
        (['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const).map((f): [string, unknown] => [
          `${childPath('spec.limits', i)}.${f}`,
          isRecord(l) ? l[f] : undefined,
        ]),
      );
    case 'PersistentVolumeClaim':
      return [['spec.resources.requests', isRecord(spec.resources) ? spec.resources.requests : undefined]];
    case 'PersistentVolume':
      return [['spec.capacity', spec.capacity]];
    default:
      return [];
  }
}

/** k/k pkg/apis/core/validation/validation.go validateTaintEffect (the supported values, in that order). */
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
/** k/k pkg/apis/rbac/validation/validation.go ValidateRoleBindingSubject. */
const SUBJECT_KINDS = ['ServiceAccount', 'User', 'Group'];

/** Light checks of the fields the simulation reads: a wrong value there would silently mislead it. */
function checkFields(doc: ManifestDocument, kind: string, o: Obj, report: Reporter): void {
  for (const [path, value] of quantityMaps(kind, o)) {
    if (value === undefined) continue;
    if (!isRecord(value)) {
      report.at(doc, path, `${path} must be a map of resource name to quantity`);
      continue;
    }
    for (const [name, q] of Object.entries(value)) {
      const parsed = typeof q === 'string' || typeof q === 'number' ? parseQuantity(String(q)) : undefined;
      const p = childPath(path, name);
      if (!parsed) report.at(doc, p, `${p}: a quantity must be a string or a number`);
      else if (!parsed.ok) report.at(doc, p, `${p}: ${parsed.error}`);
    }
  }
  const spec = isRecord(o.spec) ? o.spec : {};
  if (kind === 'Node') {
    list(spec.taints).forEach((t, i) => {
      const effect = isRecord(t) ? t.effect : undefined;
      const p = `${childPath('spec.taints', i)}.effect`;
      if (typeof effect !== 'string' || !TAINT_EFFECTS.includes(effect))
        report.at(doc, p, fieldErrorString(notSupported(p, String(effect ?? ''), TAINT_EFFECTS)));
    });
  }
  if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
    const roleRef = isRecord(o.roleRef) ? o.roleRef : {};
    const roleKinds = kind === 'RoleBinding' ? ['Role', 'ClusterRole'] : ['ClusterRole'];
    if (typeof roleRef.kind !== 'string' || !roleKinds.includes(roleRef.kind))
      report.at(
        doc,
        'roleRef.kind',
        fieldErrorString(notSupported('roleRef.kind', String(roleRef.kind ?? ''), roleKinds)),
      );
    if (typeof roleRef.name !== 'string' || roleRef.name === '')
      report.at(doc, 'roleRef', 'roleRef.name: Required value');
    list(o.subjects).forEach((s, i) => {
      const p = `${childPath('subjects', i)}.kind`;
      const k = isRecord(s) ? s.kind : undefined;
      if (typeof k !== 'string' || !SUBJECT_KINDS.includes(k))
        report.at(doc, p, fieldErrorString(notSupported(p, String(k ?? ''), SUBJECT_KINDS)));
    });
  }
  if (kind === 'PriorityClass' && !Number.isInteger(o.value))
    report.at(doc, 'value', 'value: a PriorityClass needs an integer value');
  if (kind === 'Secret' && isRecord(o.data)) {
    for (const [key, v] of Object.entries(o.data)) {
      const d = typeof v === 'string' ? decodeBase64(v) : undefined;
      const p = childPath('data', key);
      // Secret.data is []byte: JSON carries it as base64 (encoding/json)
      if (!d?.ok) report.at(doc, p, `${p}: ${d ? d.error : 'must be a base64 string'}`);
    }
  }
}

/** What kube-apiserver adds when it creates an object of this kind and the text leaves it out. */
function fillCreated(kind: string, o: Obj, priorities: ReadonlyMap<string, number>): void {
  const meta = o.metadata as Obj;
  if (kind === 'Namespace') {
    // k/k pkg/apis/core/v1/defaults.go SetDefaults_Namespace: the name label;
    // pkg/registry/core/namespace/strategy.go PrepareForCreate: phase Active, the kubernetes finalizer
    meta.labels = { 'kubernetes.io/metadata.name': meta.name, ...(isRecord(meta.labels) ? meta.labels : {}) };
    o.spec = { finalizers: ['kubernetes'], ...(isRecord(o.spec) ? o.spec : {}) };
    o.status = { phase: 'Active', ...(isRecord(o.status) ? o.status : {}) };
  }
  // k/k pkg/apis/scheduling/v1/defaults.go SetDefaults_PriorityClass
  if (kind === 'PriorityClass' && o.preemptionPolicy === undefined) o.preemptionPolicy = 'PreemptLowerPriority';
  if (kind === 'Pod' && isRecord(o.spec)) {
    // Stored pods were decoded with their defaults (k/k pkg/apis/core/v1/defaults.go SetDefaults_Pod…),
    // so an update compares like with like (ValidatePodUpdate sees only what the person changed).
    const spec = defaultPod(o as KubeObject).pod.spec as Obj;
    o.spec = spec;
    // the Priority admission plugin resolved the class when the pod was created
    const cls = spec.priorityClassName;
    const value = typeof cls === 'string' ? priorities.get(cls) : undefined;
    if (spec.priority === undefined && value !== undefined) spec.priority = value;
    // pkg/registry/core/pod/strategy.go PrepareForCreate computes the QoS class
    const status = isRecord(o.status) ? o.status : {};
    if (status.qosClass === undefined) o.status = { ...status, qosClass: podQOSClass(o as KubeObject) };
  }
}

/** ObjectMeta with the system fields in their stored order (name, namespace, uid, resourceVersion, creationTimestamp, rest). */
function storedMeta(meta: Obj, namespace: string | undefined, key: string, rv: () => string): Obj {
  const { name, namespace: _ns, uid, resourceVersion, creationTimestamp, ...rest } = meta;
  return {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    uid: typeof uid === 'string' ? uid : createRng(seedOf(key)).uuid(),
    resourceVersion: typeof resourceVersion === 'string' ? resourceVersion : rv(),
    creationTimestamp: typeof creationTimestamp === 'string' ? creationTimestamp : CLUSTER_CREATED,
    ...rest,
  };
}

/** Parses the Cluster tab. Never throws; every problem is a diagnostic at its line. */
export function parseCluster(text: string): ParsedCluster {
  const parsed = parseManifest(text, 'cluster.yaml');
  const report = new Reporter(text);
  for (const d of parsed.diagnostics) report.diagnostics.push({ ...d, source: 'simulator' });

  const objects: KubeObject[] = [];
  const registry: Record<string, RegistryImage> = {};
  let registryDoc: ManifestDocument | undefined;
  const seen = new Map<string, number>();
  let nextRv = FIRST_RESOURCE_VERSION - RESOURCE_VERSION_STEP;
  const rv = () => String((nextRv += RESOURCE_VERSION_STEP));
  const accepted: { doc: ManifestDocument; object: KubeObject }[] = [];

  for (const doc of parsed.documents) {
    const o = doc.value;
    if (!isRecord(o)) {
      report.push(
        firstLineOf(doc.range, text),
        'a document must be a Kubernetes object (a mapping with apiVersion, kind and metadata)',
      );
      continue;
    }
    const kind = o.kind;
    if (typeof kind !== 'string' || kind === '') {
      report.push(firstLineOf(doc.range, text), 'the document has no kind');
      continue;
    }
    if (kind === IMAGE_REGISTRY.kind && o.apiVersion === IMAGE_REGISTRY.apiVersion) {
      if (registryDoc)
        report.at(
          doc,
          'kind',
          `only one ImageRegistry document is read; the first is at line ${registryDoc.range.startLine}`,
        );
      else {
        registryDoc = doc;
        readRegistry(doc, o, registry, report);
      }
      continue;
    }
    const info = KINDS[kind];
    if (!info) {
      const known = [...Object.keys(KINDS), IMAGE_REGISTRY.kind].join(', ');
      report.at(doc, 'kind', `kind "${kind}" is not one of the objects the cluster can hold here: ${known}`);
      continue;
    }
    if (o.apiVersion !== info.apiVersion) {
      report.at(
        doc,
        o.apiVersion === undefined ? 'kind' : 'apiVersion',
        `kind ${kind} is served as apiVersion "${info.apiVersion}", not "${String(o.apiVersion ?? '')}"`,
      );
      continue;
    }
    const meta = isRecord(o.metadata) ? o.metadata : undefined;
    if (!meta || typeof meta.name !== 'string' || meta.name === '') {
      report.at(doc, meta ? 'metadata' : 'kind', 'metadata.name: Required value');
      continue;
    }
    let namespace: string | undefined;
    if (info.namespaced)
      namespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
    else if (meta.namespace !== undefined)
      report.at(doc, 'metadata.namespace', `${kind} is cluster-scoped; metadata.namespace is ignored`, 'warning');
    const key = `${kind}/${namespace ?? ''}/${meta.name}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const where = namespace ? ` in namespace "${namespace}"` : '';
      report.at(doc, 'metadata.name', `${kind} "${meta.name}"${where} is already defined at line ${first}`);
      continue;
    }
    seen.set(key, doc.range.startLine);
    if (
      meta.resourceVersion !== undefined &&
      !(typeof meta.resourceVersion === 'string' && /^[1-9]\d*$/.test(meta.resourceVersion))
    ) {
      report.at(
        doc,
        'metadata.resourceVersion',
        'metadata.resourceVersion must be a quoted positive integer, e.g. "42"',
      );
      continue;
    }
    checkFields(doc, kind, o, report);
    const object = { ...o, metadata: storedMeta(meta, namespace, key, rv) } as unknown as KubeObject;
    accepted.push({ doc, object });
    objects.push(object);
  }

  const priorities = new Map(
    objects.filter((o) => o.kind === 'PriorityClass').map((o) => [o.metadata.name ?? '', Number(o.value)] as const),
  );
  const namespaces = new Set(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));
  const nodes = new Set(objects.filter((o) => o.kind === 'Node').map((o) => o.metadata.name));
  for (const { doc, object } of accepted) {
    fillCreated(object.kind, object as Obj, priorities);
    const ns = object.metadata.namespace;
    if (ns !== undefined && !namespaces.has(ns))
      report.at(doc, 'metadata.namespace', `namespace "${ns}" is not in the cluster; add a Namespace named ${ns}`);
    const nodeName = isRecord(object.spec) ? object.spec.nodeName : undefined;
    if (object.kind === 'Pod' && typeof nodeName === 'string' && !nodes.has(nodeName))
      report.at(
        doc,
        'spec.nodeName',
        `pod ${ns}/${object.metadata.name} runs on node "${nodeName}", which is not in the cluster`,
      );
  }

  return {
    objects,
    images: { registry, presentOnNode: imagesOnNodes(accepted, report) },
    diagnostics: report.diagnostics,
  };
}

/** A Node's `status.images` (what its kubelet reports): every name of every image the node holds. */
function imagesOnNodes(
  accepted: readonly { doc: ManifestDocument; object: KubeObject }[],
  report: Reporter,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { doc, object } of accepted) {
    if (object.kind !== 'Node') continue;
    const status = isRecord(object.status) ? object.status : {};
    const names: string[] = [];
    list(status.images).forEach((img, i) => {
      const p = childPath('status.images', i);
      const n = isRecord(img) ? img.names : undefined;
      if (!Array.isArray(n) || n.length === 0 || !n.every((x) => typeof x === 'string' && x !== '')) {
        report.at(doc, p, `${p}.names must be a list of image references`);
        return;
      }
      if (
        isRecord(img) &&
        img.sizeBytes !== undefined &&
        !(Number.isInteger(img.sizeBytes) && Number(img.sizeBytes) >= 0)
      )
        report.at(doc, `${p}.sizeBytes`, `${p}.sizeBytes must be a whole number of bytes`);
      names.push(...(n as string[]));
    });
    out[object.metadata.name ?? ''] = names;
  }
  return out;
}

const REGISTRY_IMAGE_FIELDS = ['name', 'size', 'digest', 'behavior'];
const BEHAVIOR_FIELDS = ['exit', 'memory', 'http', 'tcpPorts'];
const isPort = (v: unknown): v is number => Number.isInteger(v) && Number(v) >= 1 && Number(v) <= 65535;

/** The ImageRegistry document's `images` list → the simulated registry. */
function readRegistry(doc: ManifestDocument, o: Obj, into: Record<string, RegistryImage>, report: Reporter): void {
  for (const field of Object.keys(o))
    if (!['apiVersion', 'kind', 'metadata', 'images'].includes(field))
      report.at(doc, field, `ImageRegistry: unknown field "${field}"`);
  if (o.images !== undefined && !Array.isArray(o.images))
    report.at(doc, 'images', 'ImageRegistry: images must be a list');
  list(o.images).forEach((img, i) => {
    const p = childPath('images', i);
    if (!isRecord(img)) return report.at(doc, p, `${p}: an image needs name, size and digest`);
    let ok = true;
    const bad = (path: string, message: string) => {
      report.at(doc, path, `${path}: ${message}`);
      ok = false;
    };
    for (const f of Object.keys(img)) if (!REGISTRY_IMAGE_FIELDS.includes(f)) bad(`${p}.${f}`, 'unknown field');
    const { name, size, digest } = img;
    if (typeof name !== 'string' || name === '') bad(`${p}.name`, 'an image reference is required, e.g. nginx:1.27');
    else if (into[name]) bad(`${p}.name`, `image "${name}" is listed twice`);
    if (!(Number.isInteger(size) && Number(size) > 0))
      bad(`${p}.size`, 'the size in bytes must be a positive whole number');
    if (typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest))
      bad(`${p}.digest`, 'a digest is sha256: followed by 64 lowercase hex digits');
    const behavior = img.behavior === undefined ? undefined : readBehavior(`${p}.behavior`, img.behavior, bad);
    if (ok && typeof name === 'string')
      into[name] = { size: Number(size), digest: String(digest), ...(behavior ? { behavior } : {}) };
  });
}

function readBehavior(p: string, b: unknown, bad: (path: string, message: string) => void): ImageBehavior | undefined {
  if (!isRecord(b)) {
    bad(p, 'must be a mapping with exit, memory, http or tcpPorts');
    return undefined;
  }
  const out: ImageBehavior = {};
  for (const f of Object.keys(b)) if (!BEHAVIOR_FIELDS.includes(f)) bad(`${p}.${f}`, 'unknown field');
  if (b.exit !== undefined) {
    const e = isRecord(b.exit) ? b.exit : {};
    const code = e.code;
    const after = e.afterSeconds;
    if (!(Number.isInteger(code) && Number(code) >= 0 && Number(code) <= 255))
      bad(`${p}.exit.code`, 'an exit code is a whole number from 0 to 255');
    else if (!(typeof after === 'number' && after >= 0))
      bad(`${p}.exit.afterSeconds`, 'seconds after the start, a number ≥ 0');
    else out.exit = { code: Number(code), afterMs: Math.round(after * 1000) };
  }
  if (b.memory !== undefined) {
    const q =
      typeof b.memory === 'string' || typeof b.memory === 'number' ? parseQuantity(String(b.memory)) : undefined;
    if (!q) bad(`${p}.memory`, 'a quantity, e.g. 600Mi');
    else if (!q.ok) bad(`${p}.memory`, q.error);
    else out.memoryBytes = q.value;
  }
  if (b.http !== undefined) {
    const servers: { port: number; paths: string[] }[] = [];
    if (!Array.isArray(b.http)) bad(`${p}.http`, 'a list of {port, paths}');
    list(b.http).forEach((h, i) => {
      const hp = childPath(`${p}.http`, i);
      const port = isRecord(h) ? h.port : undefined;
      const paths = isRecord(h) ? h.paths : undefined;
      if (!isPort(port)) bad(`${hp}.port`, 'a port number from 1 to 65535');
      else if (!Array.isArray(paths) || !paths.every((x) => typeof x === 'string' && x.startsWith('/')))
        bad(`${hp}.paths`, 'a list of paths that start with /');
      else servers.push({ port, paths: paths as string[] });
    });
    out.http = servers;
  }
  if (b.tcpPorts !== undefined) {
    if (!Array.isArray(b.tcpPorts) || !b.tcpPorts.every(isPort))
      bad(`${p}.tcpPorts`, 'a list of port numbers from 1 to 65535');
    else out.tcpPorts = b.tcpPorts;
  }
  return out;
}
