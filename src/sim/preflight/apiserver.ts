/**
 * One document through kube-apiserver as kubectl sends it, with the functions the run's create
 * handler calls (src/actors/components/apiserver/createPod.ts, objects.ts, pipeline.ts): authorization
 * of apply's GET and of the POST, strict decoding (kubectl asks for fieldValidation=Strict), the
 * kind's defaults, the mutating admission plugins, PrepareForCreate, validation, the validating
 * plugins, and etcd's create. The first gate that says no ends the document, with the text kubectl
 * prints (renderErrors after AddSourceToErr).
 */
import { MUTATING_PLUGINS, runPhase, runPlugin, type AdmissionAttributes, type PluginOutcome } from '../admission';
import { clusterViewOf } from '../apiResources';
import type { UserInfo } from '../authn';
import { authorize, forbiddenError } from '../authz';
import { defaultPod } from '../defaults';
import { fieldErrorString, type FieldError } from '../fieldErrors';
import {
  addSource,
  addSourceToText,
  createRequest,
  renderErrors,
  type ErrorAction,
  type ResourceInfo,
} from '../kubectl';
import { firstLineOf, type Diagnostic, type SourceRange } from '../manifest';
import {
  defaultObject,
  prepareObjectForCreate,
  pruneUnknownObjectFields,
  secretDecodeError,
  unknownObjectFields,
} from '../objects';
import { prepareForCreate, wipeSystemFields } from '../podCreate';
import { podDecodeError } from '../podDecode';
import { pruneUnknownPodFields, unknownPodFields } from '../podFields';
import type { Rng } from '../random';
import type { RequestAttributes } from '../rbac';
import type { KubeObject, ScenarioInput } from '../scenario';
import {
  alreadyExistsStatus,
  badRequestStatus,
  decodeErrorMessage,
  forbiddenStatus,
  invalidStatus,
  strictDecodingMessage,
  unknownFieldError,
  type Status,
} from '../status';
import { validateObjectCreate, validatePodCreate } from '../validation';
import { renameFix } from './fixes';
import { levelOf, podSecurityOffences } from './podSecurity';
import { keyRange, rangeForPath, valueRange } from './ranges';
import { diagnostic, type DocContext, type Gate, type Stop } from './types';

export interface ApiserverResult {
  stop?: Stop;
  /** Warnings the response carries (PodSecurity warn mode), as kubectl prints them. */
  warnings: Diagnostic[];
  /** The object as stored, when it is created. */
  stored?: KubeObject;
}

const API = (stage: string, place: Gate['place']): Gate => ({ source: 'kube-apiserver', stage, place });
type Obj = Record<string, unknown>;

/** A request's authorization attributes, as requestinfo.go derives them from kubectl's request. */
function attributes(info: ResourceInfo, user: UserInfo, verb: string, name: string): RequestAttributes {
  const { group, version, resource } = info.mapping;
  return {
    user,
    verb,
    apiGroup: group,
    apiVersion: version,
    resource,
    subresource: '',
    namespace: info.namespace,
    name,
    resourceRequest: true,
    path: '',
  };
}

/** The paths of each container's `resources` (LimitRanger and ResourceQuota judge them). */
const containerResources = (spec: Obj): string[] =>
  (['initContainers', 'containers'] as const).flatMap((k) =>
    (Array.isArray(spec[k]) ? (spec[k] as unknown[]) : []).map((_, i) => `spec.${k}[${i}].resources`),
  );

/** Where each admission plugin's denial points in the manifest. */
function deniedPaths(plugin: string, object: KubeObject): string[] {
  const spec = (object.spec ?? {}) as Obj;
  switch (plugin) {
    case 'NamespaceLifecycle':
      return ['metadata.namespace'];
    case 'ServiceAccount':
      return ['spec.serviceAccountName'];
    case 'Priority':
      return ['spec.priorityClassName'];
    case 'LimitRanger':
    case 'ResourceQuota':
      return containerResources(spec);
    default:
      return ['kind'];
  }
}

export function throughApiserver(
  ctx: DocContext,
  info: ResourceInfo,
  input: ScenarioInput,
  user: UserInfo,
  rng: Rng,
): ApiserverResult {
  const { doc, lines, text, cluster } = ctx;
  const at = (path: string): SourceRange => rangeForPath(doc, path, text);
  const kind = info.mapping.kind;
  const printed = (status: Status, action: ErrorAction) =>
    renderErrors([addSource(status, action, info, input.fileName)]);
  const stop = (gate: Gate, message: string, diagnostics: Diagnostic[]): ApiserverResult => ({
    stop: { verdict: 'rejected', gate, message, diagnostics },
    warnings: [],
  });
  const apply = input.command === 'apply';
  const resource = { group: info.mapping.group, resource: info.mapping.resource };
  const view = clusterViewOf(cluster);
  const existing = view.get(kind, info.namespace || undefined, info.name);

  // Authorization: apply first GETs the object, then creates it (POST: no name in the URL).
  const authz = (verb: string, name: string, action: ErrorAction): ApiserverResult | undefined => {
    const attrs = attributes(info, user, verb, name);
    const bound = (node: string) => cluster.filter((o) => o.kind === 'Pod' && (o.spec as Obj)?.nodeName === node);
    const decision = authorize(attrs, cluster, bound);
    if (decision.allowed) return undefined;
    const status = forbiddenStatus(resource, name, forbiddenError(attrs, decision.reason));
    const gate = API('authorization (403)', 'authorization');
    const message = printed(status, action);
    return stop(gate, message, [diagnostic(gate, 'error', message, at('kind'), { path: 'kind' })]);
  };
  if (apply && info.name === '') {
    // client-go refuses a GET without a name before sending it
    const gate: Gate = { source: 'kubectl', stage: 'request (no name)', place: 'output' };
    const message = renderErrors([
      addSourceToText('resource name may not be empty', 'retrieving', info, input.fileName),
    ]);
    return stop(gate, message, [diagnostic(gate, 'error', message, at('metadata.name'), { path: 'metadata.name' })]);
  }
  const denied = apply ? authz('get', info.name, 'retrieving') : undefined;
  if (denied) return denied;
  // apply on an object that exists patches it: the pod already runs as it was created.
  const patching = apply && existing !== undefined;
  const deniedWrite = patching ? authz('patch', info.name, 'patching') : authz('create', '', 'creating');
  if (deniedWrite) return deniedWrite;

  // Decoding with fieldValidation=Strict, on the body kubectl sends.
  const body = createRequest(info, { command: input.command, session: '' }).body as KubeObject;
  const isPod = kind === 'Pod';
  const unknownOf = (b: Obj) =>
    isPod ? unknownPodFields(b) : unknownObjectFields({ kind, metadata: {}, ...b } as KubeObject);
  const decodeGate = API('strict decoding (400)', 'decode');
  const undecodable = isPod ? undefined : secretDecodeError(body);
  const decodeStop = (message: string, paths: string[]) => {
    const shown = patching ? message : printed(badRequestStatus(message), 'creating');
    return stop(
      decodeGate,
      shown,
      paths.map((path) =>
        diagnostic(decodeGate, 'error', shown, keyRange(doc, path, lines) ?? at(path), {
          path,
          fixes: renameFix(doc, path, lines, unknownOf, isPod ? {} : { kind }),
        }),
      ),
    );
  };
  if (undecodable) return decodeStop(decodeErrorMessage(kind, undecodable), ['data']);
  // a patch is decoded from the merged object, with other words: only a create is checked here
  const typed = isPod && !patching ? podDecodeError(body) : undefined;
  if (typed) {
    const message = printed(badRequestStatus(decodeErrorMessage(kind, typed.message)), 'creating');
    const gate = API('decoding (400)', 'decode');
    const range = valueRange(doc, typed.path, lines) ?? firstLineOf(at(typed.path), text);
    return stop(gate, message, [diagnostic(gate, 'error', message, range, { path: typed.path })]);
  }
  const unknown = unknownOf(body);
  if (unknown.length) return decodeStop(strictDecodingMessage(kind, unknown.map(unknownFieldError)), unknown);
  if (patching) return { warnings: [] };

  const decoded = wipeSystemFields(isPod ? pruneUnknownPodFields(body) : pruneUnknownObjectFields(body));
  const { namespace: _ns, ...clusterMeta } = decoded.metadata;
  const placed: KubeObject = {
    ...decoded,
    metadata: info.namespace ? { ...decoded.metadata, namespace: info.namespace } : clusterMeta,
  };
  let object = isPod ? defaultPod(placed).pod : defaultObject(placed).object;

  const env = { cluster: view, rng };
  const attrs = (o: KubeObject): AdmissionAttributes => ({
    operation: 'CREATE',
    resource,
    subresource: '',
    namespace: info.namespace,
    name: o.metadata.name ?? '',
    user,
    object: o,
  });
  const warnings: string[] = [];
  const admissionStop = (o: PluginOutcome, place: 'mutating-admission' | 'validating-admission') => {
    const plugin = o.record.plugin;
    const message = printed(o.denied!, 'creating');
    const level = plugin === 'PodSecurity' ? levelOf(message) : undefined;
    const gate = API(`${plugin} admission${level ? ` (${level})` : ''}`, place);
    const offences = level
      ? podSecurityOffences((object.spec ?? {}) as Obj, level, doc, lines)
      : deniedPaths(plugin, object).map((path) => ({ path, absent: false, fixes: [] }));
    const diagnostics = offences.map((f) =>
      diagnostic(gate, 'error', message, at(f.path), { path: f.path, fixes: f.fixes }),
    );
    return stop(gate, message, diagnostics.length ? diagnostics : [diagnostic(gate, 'error', message, at('kind'))]);
  };

  for (const plugin of MUTATING_PLUGINS) {
    const o = runPlugin(plugin, 'mutating', attrs(object), env);
    warnings.push(...o.warnings);
    if (o.denied) return admissionStop(o, 'mutating-admission');
    object = o.object;
  }

  object = isPod
    ? prepareForCreate(object, rng.uuid(), input.startTime).pod
    : prepareObjectForCreate(object, rng.uuid(), input.startTime).object;

  const errs: FieldError[] = isPod ? validatePodCreate(object) : validateObjectCreate(object);
  if (errs.length) {
    const gate = API('validation (422)', 'validation');
    const message = printed(invalidStatus({ group: '', kind }, object.metadata.name ?? '', errs), 'creating');
    return stop(
      gate,
      message,
      errs.map((e) => diagnostic(gate, 'error', fieldErrorString(e), at(e.field), { path: e.field })),
    );
  }

  const outcomes = runPhase('validating', attrs(object), env);
  warnings.push(...outcomes.flatMap((o) => o.warnings));
  const refusal = outcomes.find((o) => o.denied);
  if (refusal) return admissionStop(refusal, 'validating-admission');

  if (existing) {
    // `kubectl create` of an object that exists: etcd's create transaction finds the key (409)
    const gate = API('etcd create (409)', 'storage');
    const message = printed(alreadyExistsStatus(resource, info.name), 'creating');
    return stop(gate, message, [diagnostic(gate, 'error', message, at('metadata.name'), { path: 'metadata.name' })]);
  }

  return { warnings: warnings.flatMap((w) => warningDiagnostics(w, object, ctx)), stored: object };
}

/** kubectl prints each response warning as `Warning: <text>`; PodSecurity's point at the fields it names. */
function warningDiagnostics(warning: string, object: KubeObject, ctx: DocContext): Diagnostic[] {
  const { doc, lines, text } = ctx;
  const level = levelOf(warning);
  const gate = API(`PodSecurity admission${level ? ` (warn: ${level})` : ''}`, 'validating-admission');
  const message = `Warning: ${warning}`;
  const paths = level ? podSecurityOffences((object.spec ?? {}) as Obj, level, doc, lines).map((o) => o.path) : [];
  const ranges = paths.length ? paths : ['kind'];
  return ranges.map((path) =>
    diagnostic(gate, 'warning', message, firstLineOf(rangeForPath(doc, path), text), { path }),
  );
}
