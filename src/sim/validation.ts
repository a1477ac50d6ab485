/**
 * Pod validation on create (k/k pkg/apis/core/validation/validation.go ValidatePodCreate), for the
 * fields a learner edits: the name and labels (ObjectMeta), volumes, containers (name, image, pull
 * policy, ports, volume mounts), restartPolicy and dnsPolicy. Errors come in upstream's order and
 * wording (apimachinery@v0.33.0 pkg/util/validation/validation.go); any of them makes a 422.
 */
import { jsonEqual } from './diff';
import {
  duplicate,
  forbidden,
  invalid,
  notFound,
  notSupported,
  required,
  tooLong,
  type FieldError,
} from './fieldErrors';
import type { KubeObject } from './scenario';

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const record = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;

/** validation.go RegexError: `msg (e.g. 'a',  or 'b', regex used for validation is '...')`. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}
const maxLenError = (n: number) => `must be no more than ${n} characters`;

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const full = (fmt: string) => new RegExp(`^${fmt}$`);

/** IsDNS1123Subdomain. */
export function dns1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!full(DNS1123_SUBDOMAIN_FMT).test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FMT,
        'example.com',
      ),
    );
  }
  return errs;
}

/** IsDNS1123Label (a valid subdomain that is not a label must have dots). */
export function dns1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!full(DNS1123_LABEL_FMT).test(value)) {
    if (full(DNS1123_SUBDOMAIN_FMT).test(value)) errs.push('must not contain dots');
    else
      errs.push(
        regexError(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          DNS1123_LABEL_FMT,
          'my-name',
          '123-abc',
        ),
      );
  }
  return errs;
}

const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** IsQualifiedName: `[prefix/]name` for label keys. */
function qualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  if (parts.length > 2) {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '') errs.push('prefix part must be non-empty');
    else errs.push(...dns1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  }
  if (name === '') errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!full(QUALIFIED_NAME_FMT).test(name))
    errs.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** IsValidLabelValue. */
function labelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!full(LABEL_VALUE_FMT).test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  }
  return errs;
}

/**
 * apimachinery pkg/apis/meta/v1/validation ValidateLabels (metadata.labels, spec.nodeSelector): each key a
 * qualified name, each value a label value (Go maps: in key order here).
 */
function validateLabels(labels: Readonly<Record<string, unknown>> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    errs.push(...qualifiedName(k).map((m) => invalid(path, k, m)));
    errs.push(...labelValue(String(v)).map((m) => invalid(path, String(v), m)));
  }
  return errs;
}

/** apimachinery pkg/api/validation/objectmeta.go TotalAnnotationSizeLimitB (256 KiB). */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/**
 * objectmeta.go ValidateAnnotations: each key a qualified name once lower-cased, then
 * ValidateAnnotationsSize: the keys and values together (len() counts UTF-8 bytes) at most 256 KiB,
 * else field.TooLong (`Too long: may not be more than 262144 bytes`).
 */
function validateAnnotations(annotations: Readonly<Record<string, unknown>> | undefined, path: string): FieldError[] {
  const entries = Object.entries(annotations ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const errs = entries.flatMap(([k]) => qualifiedName(k.toLowerCase()).map((m) => invalid(path, k, m)));
  const utf8 = new TextEncoder();
  const size = entries.reduce((n, [k, v]) => n + utf8.encode(k).length + utf8.encode(String(v)).length, 0);
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

/** ValidateObjectMeta for a namespaced object whose name must be a DNS subdomain (Go maps: labels in key order here). */
function validateMeta(meta: KubeObject['metadata']): FieldError[] {
  const errs: FieldError[] = [];
  const name = meta.name ?? '';
  if (meta.generateName)
    errs.push(
      ...dns1123Subdomain(meta.generateName).map((m) => invalid('metadata.generateName', meta.generateName!, m)),
    );
  if (!name) errs.push(required('metadata.name', 'name or generateName is required'));
  else errs.push(...dns1123Subdomain(name).map((m) => invalid('metadata.name', name, m)));
  const ns = meta.namespace ?? '';
  if (!ns) errs.push(required('metadata.namespace'));
  else errs.push(...dns1123Label(ns).map((m) => invalid('metadata.namespace', ns, m)));
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  return errs;
}

/** ValidateVolumes: names (the volume sources themselves are not checked here). */
function validateVolumes(volumes: Obj[]): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  volumes.forEach((v, i) => {
    const path = `spec.volumes[${i}].name`;
    const name = str(v.name);
    if (!name) errs.push(required(path));
    else errs.push(...dns1123Label(name).map((m) => invalid(path, name, m)));
    if (name && seen.has(name)) errs.push(duplicate(path, name));
    seen.add(name);
  });
  return errs;
}

/** validateContainerPorts. */
function validatePorts(ports: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const at = `${path}[${i}]`;
    const name = str(p.name);
    if (name) {
      const msgs = portNameErrors(name);
      if (msgs.length) errs.push(...msgs.map((m) => invalid(`${at}.name`, name, m)));
      else if (names.has(name)) errs.push(duplicate(`${at}.name`, name));
      else names.add(name);
    }
    const port = Number(p.containerPort ?? 0);
    if (port === 0) errs.push(required(`${at}.containerPort`));
    else if (port < 1 || port > 65535)
      errs.push(invalid(`${at}.containerPort`, port, 'must be between 1 and 65535, inclusive'));
    const hostPort = Number(p.hostPort ?? 0);
    if (hostPort !== 0 && (hostPort < 1 || hostPort > 65535))
      errs.push(invalid(`${at}.hostPort`, hostPort, 'must be between 1 and 65535, inclusive'));
    const protocol = str(p.protocol);
    if (!protocol) errs.push(required(`${at}.protocol`));
    else if (!['SCTP', 'TCP', 'UDP'].includes(protocol))
      errs.push(notSupported(`${at}.protocol`, protocol, ['SCTP', 'TCP', 'UDP']));
  });
  return errs;
}

/** IsValidPortName. */
function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.startsWith('-') || port.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** ValidateVolumeMounts: the volume must exist, mountPath set and unique. */
function validateMounts(mounts: Obj[], volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  mounts.forEach((m, i) => {
    const at = `${path}[${i}]`;
    const name = str(m.name);
    if (!name) errs.push(required(`${at}.name`));
    if (!volumes.has(name)) errs.push(notFound(`${at}.name`, name));
    const mountPath = str(m.mountPath);
    if (!mountPath) errs.push(required(`${at}.mountPath`));
    if (paths.has(mountPath)) errs.push(invalid(`${at}.mountPath`, mountPath, 'must be unique'));
    paths.add(mountPath);
  });
  return errs;
}

/** validateContainers + validateContainerCommon. */
function validateContainers(containers: Obj[], volumes: Set<string>, path: string, requireOne: boolean): FieldError[] {
  if (containers.length === 0) return requireOne ? [required(path)] : [];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const at = `${path}[${i}]`;
    const name = str(c.name);
    if (!name) errs.push(required(`${at}.name`));
    else errs.push(...dns1123Label(name).map((m) => invalid(`${at}.name`, name, m)));
    if (!str(c.image)) errs.push(required(`${at}.image`));
    const policy = str(c.imagePullPolicy);
    if (!policy) errs.push(required(`${at}.imagePullPolicy`));
    else if (!['Always', 'IfNotPresent', 'Never'].includes(policy))
      errs.push(notSupported(`${at}.imagePullPolicy`, policy, ['Always', 'IfNotPresent', 'Never']));
    errs.push(...validatePorts(list(c.ports), `${at}.ports`));
    errs.push(...validateMounts(list(c.volumeMounts), volumes, `${at}.volumeMounts`));
    if (names.has(name)) errs.push(duplicate(`${at}.name`, name));
    else names.add(name);
  });
  return errs;
}

/** The field errors of a pod about to be created, in upstream order (metadata first, then the spec). */
export function validatePodCreate(pod: KubeObject): FieldError[] {
  const spec = (pod.spec ?? {}) as Obj;
  const volumes = list(spec.volumes);
  const volumeNames = new Set(volumes.map((v) => str(v.name)));
  const errs = [...validateMeta(pod.metadata), ...validateVolumes(volumes)];
  errs.push(...validateContainers(list(spec.containers), volumeNames, 'spec.containers', true));
  errs.push(...validateContainers(list(spec.initContainers), volumeNames, 'spec.initContainers', false));
  const restartPolicy = str(spec.restartPolicy);
  if (!restartPolicy) errs.push(required('spec.restartPolicy'));
  else if (!['Always', 'OnFailure', 'Never'].includes(restartPolicy))
    errs.push(notSupported('spec.restartPolicy', restartPolicy, ['Always', 'OnFailure', 'Never']));
  const dnsPolicy = str(spec.dnsPolicy);
  if (!dnsPolicy) errs.push(required('spec.dnsPolicy'));
  else if (!['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(dnsPolicy)) {
    errs.push(
      notSupported('spec.dnsPolicy', dnsPolicy, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']),
    );
  }
  // k/k pkg/apis/core/validation/validation.go ValidatePodSpec: the node selector right after dnsPolicy
  errs.push(...validateLabels(record(spec.nodeSelector), 'spec.nodeSelector'));
  return errs;
}

/**
 * ValidateObjectMeta for the kinds other than Pod: the name rule is the kind's (ValidateNamespaceName
 * is a DNS-1123 label, ConfigMap/Secret/ServiceAccount/Node names are DNS-1123 subdomains), namespaced
 * kinds need a namespace, cluster-scoped ones must not have one ("not allowed on this type").
 */
function validateGenericMeta(meta: KubeObject['metadata'], namespaced: boolean, nameRule: (v: string) => string[]) {
  const errs: FieldError[] = [];
  const name = meta.name ?? '';
  if (!name) errs.push(required('metadata.name', 'name or generateName is required'));
  else errs.push(...nameRule(name).map((m) => invalid('metadata.name', name, m)));
  const ns = meta.namespace ?? '';
  if (namespaced) {
    if (!ns) errs.push(required('metadata.namespace'));
    else errs.push(...dns1123Label(ns).map((m) => invalid('metadata.namespace', ns, m)));
  } else if (ns) {
    errs.push(forbidden('metadata.namespace', 'not allowed on this type'));
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  return errs;
}

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';

/** validation.go IsConfigMapKey (also used for Secret keys): length, charset, and no `.`/`..` prefixes. */
export function configMapKey(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!full(CONFIG_MAP_KEY_FMT).test(value))
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        CONFIG_MAP_KEY_FMT,
        'key.name',
        'KEY_NAME',
        'key-name',
      ),
    );
  // hasChDirPrefix
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** The keys of `data` and `binaryData` (Go map order is random; sorted here). */
function validateKeys(obj: KubeObject, fields: string[]): FieldError[] {
  const errs: FieldError[] = [];
  for (const field of fields) {
    const bag = (obj[field] ?? {}) as Obj;
    for (const key of Object.keys(bag).sort())
      errs.push(...configMapKey(key).map((m) => invalid(`${field}[${key}]`, key, m)));
  }
  const data = (obj.data ?? {}) as Obj;
  const binary = (obj.binaryData ?? {}) as Obj;
  for (const key of Object.keys(data).sort())
    if (key in binary) errs.push(invalid(`data[${key}]`, key, 'duplicate of key present in binaryData'));
  return errs;
}

/**
 * Validation on create of the kinds other than Pod (k/k pkg/apis/core/validation/validation.go
 * ValidateConfigMap, ValidateSecret, ValidateServiceAccount, ValidateNamespace, ValidateNode).
 */
export function validateObjectCreate(obj: KubeObject): FieldError[] {
  switch (obj.kind) {
    case 'ConfigMap':
      return [
        ...validateGenericMeta(obj.metadata, true, dns1123Subdomain),
        ...validateKeys(obj, ['data', 'binaryData']),
      ];
    case 'Secret':
      return [...validateGenericMeta(obj.metadata, true, dns1123Subdomain), ...validateKeys(obj, ['data'])];
    case 'ServiceAccount':
      return validateGenericMeta(obj.metadata, true, dns1123Subdomain);
    case 'Namespace':
      return validateGenericMeta(obj.metadata, false, dns1123Label);
    case 'Node':
      return validateGenericMeta(obj.metadata, false, dns1123Subdomain);
    default:
      return [];
  }
}

/**
 * The fields a pod update may change (k/k pkg/apis/core/validation/validation.go
 * updatablePodSpecFieldsNoResources, joined with "," in the Forbidden message).
 */
const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/** The Forbidden message of ValidatePodUpdate, up to the diff kube-apiserver appends after a newline. */
export const POD_UPDATE_FORBIDDEN = `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}`;

/**
 * ValidatePodUpdate for a spec change: the new spec with the updatable fields set back to the old
 * values ("munged") must equal the old spec. Returns the spec fields that still differ (for the
 * narration), and the field error. The real message continues with `\n` and a go-cmp diff of the
 * internal core.PodSpec structs, which is not reproducible (go-cmp randomises its spacing on purpose);
 * the simulator stops after the list of fields.
 */
export function validatePodUpdate(
  newPod: KubeObject,
  oldPod: KubeObject,
): { errors: FieldError[]; differing: string[] } {
  const spec = (newPod.spec ?? {}) as Obj;
  const old = (oldPod.spec ?? {}) as Obj;
  const munged: Obj = { ...spec };
  for (const field of ['containers', 'initContainers']) {
    const olds = list(old[field]);
    const news = list(spec[field]);
    if (news.length && olds.length === news.length)
      munged[field] = news.map((c, i) => ({ ...c, image: olds[i]!.image }));
  }
  munged.activeDeadlineSeconds = old.activeDeadlineSeconds;
  const oldTolerations = list(old.tolerations).map((t) => JSON.stringify(t));
  const newTolerations = list(spec.tolerations).map((t) => JSON.stringify(t));
  if (oldTolerations.every((t) => newTolerations.includes(t))) munged.tolerations = old.tolerations;
  const oldGrace = old.terminationGracePeriodSeconds;
  if (typeof oldGrace === 'number' && oldGrace < 0 && spec.terminationGracePeriodSeconds === 1)
    munged.terminationGracePeriodSeconds = oldGrace;
  const keys = [...new Set([...Object.keys(munged), ...Object.keys(old)])].filter(
    (k) => munged[k] !== undefined || old[k] !== undefined,
  );
  const differing = keys.filter((k) => !jsonEqual(munged[k], old[k]));
  return {
    errors: differing.length ? [forbidden('spec', POD_UPDATE_FORBIDDEN)] : [],
    differing: differing.map((k) => `spec.${k}`),
  };
}
