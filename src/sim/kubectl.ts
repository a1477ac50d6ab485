/**
 * kubectl as a client (`kubectl apply -f` / `kubectl create -f`, v1.33.0): what it checks in a
 * document before talking to the server, the requests it sends, and what it prints.
 *
 * Sources: kubectl@v0.33.0 pkg/cmd/apply/apply.go (Run, applyOneObject), apply/patcher.go,
 * pkg/cmd/create/create.go, pkg/cmd/util/helpers.go (CheckErr, StandardErrorMessage, AddSourceToErr,
 * MultilineError, MultipleErrors), pkg/validation/schema.go (paramVerifyingSchema), cli-runtime@v0.33.0
 * pkg/resource (visitor.go StreamVisitor/ValidateSchema/Info.String, mapper.go infoForData, helper.go),
 * apimachinery pkg/util/... and client-go rest/config.go (User-Agent).
 */
import { byteOrder, setJsonKey } from './diff';
import { kindMapping, type KindMapping } from './apiResources';
import { aggregateMessage, goQuote } from './fieldErrors';
import type { ManifestDocument, SourceRange } from './manifest';
import { threeWayMergePatch } from './strategicMergePatch';
import type { Status } from './status';
import type { HttpRequest } from './trace';
import { KUBERNETES_VERSION } from './trace';

/** The v1.33.0 release commit; client-go's User-Agent carries its first 7 characters. */
export const KUBERNETES_GIT_COMMIT = '60a317eadfcb839692a68eab88b2096f4d708f4f';
/** client-go rest.DefaultKubernetesUserAgent. */
export const KUBECTL_USER_AGENT = `kubectl/${KUBERNETES_VERSION} (linux/amd64) kubernetes/${KUBERNETES_GIT_COMMIT.slice(0, 7)}`;
/** apply.go FieldManagerClientSideApply / create.go default field manager. */
export const FIELD_MANAGER = { apply: 'kubectl-client-side-apply', create: 'kubectl-create' } as const;
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

type Obj = Record<string, unknown>;
const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * encoding/json as kubectl uses it for unstructured objects: compact, map keys sorted, `<`, `>` and
 * `&` escaped as \u003c, \u003e, \u0026 (HTML-safe by default), U+2028/U+2029 escaped.
 */
export function goJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (isRecord(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort(byteOrder);
    return `{${keys.map((k) => `${goString(k)}:${goJson(v[k])}`).join(',')}}`;
  }
  if (typeof v === 'string') return goString(v);
  return JSON.stringify(v ?? null);
}
const goString = (s: string) =>
  JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The same object with map keys in sorted order, as kubectl sends an unstructured body. */
export function sortedKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(sortedKeys) as T;
  if (!isRecord(v)) return v;
  const out: Obj = {};
  for (const k of Object.keys(v).sort(byteOrder)) setJsonKey(out, k, sortedKeys(v[k]));
  return out as T;
}

/**
 * apply.go GetModifiedConfiguration: the object serialised without the annotation (an emptied
 * annotations map stays as `{}`), compact with sorted keys and the encoder's trailing newline.
 */
export function lastAppliedConfiguration(obj: Obj): string {
  const metadata = isRecord(obj.metadata) ? obj.metadata : {};
  const annotations = isRecord(metadata.annotations) ? { ...metadata.annotations } : {};
  delete annotations[LAST_APPLIED_ANNOTATION];
  return `${goJson({ ...obj, metadata: { ...metadata, annotations } })}\n`;
}

/** A document kubectl understood: cli-runtime's resource.Info for it. */
export interface ResourceInfo {
  mapping: KindMapping;
  name: string;
  /** Empty for cluster-scoped kinds (FilterNamespace). */
  namespace: string;
  /** The object as kubectl holds it, namespace filled in (or removed for cluster-scoped kinds). */
  object: Obj;
}

export type DocumentCheck =
  | { ok: true; info: ResourceInfo }
  /** A schema-validation error: kubectl stops reading the file here (StreamVisitor returns it). */
  | { ok: false; stop: string }
  /** A decode or mapping error: kubectl notes it and reads on (EagerVisitorList collects it). */
  | { ok: false; error: string }
  /** Valid for kubectl, but not something this simulator follows. */
  | { ok: false; unsupported: string };

const stopValidateMessage = 'if you choose to ignore these errors, turn validation off with --validate=false';

/**
 * kubectl's client-side check with `--validate=strict` (the default) when the server supports
 * fieldValidation: only apiVersion and kind are checked here (kubectl pkg/util/openapi/validation
 * GetObjectKind), the fields themselves are checked by the server. Wrapped by visitor.go
 * ValidateSchema and StreamVisitor.Visit.
 */
function schemaErrors(value: unknown): string[] {
  if (!isRecord(value)) return ['invalid object to validate'];
  const errs: string[] = [];
  const { apiVersion, kind } = value;
  if (apiVersion === undefined || apiVersion === null) errs.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') errs.push("apiVersion isn't string type");
  else if (apiVersion.split('/').length > 2) errs.push(`unexpected GroupVersion string: ${apiVersion}`); // apimachinery schema.ParseGroupVersion
  if (kind === undefined || kind === null) errs.push('kind not set');
  else if (typeof kind !== 'string') errs.push("kind isn't string type");
  return errs;
}

/**
 * What kubectl does with one document before any request: validate apiVersion and kind, decode it as
 * an unstructured object (mapper.go infoForData: `unable to decode "<file>": ...`), map its kind to a
 * resource (`resource mapping not found ...` for a kind the server does not serve), and default the
 * namespace to the context's for namespaced kinds (visitor.go SetNamespace, FilterNamespace).
 */
export function checkDocument(value: unknown, fileName: string, contextNamespace: string): DocumentCheck {
  const schema = schemaErrors(value);
  if (schema.length)
    return {
      ok: false,
      stop: `error validating ${goQuote(fileName)}: error validating data: ${aggregateMessage(schema)}; ${stopValidateMessage}`,
    };
  const obj = value as Obj;
  const kind = obj.kind as string;
  const apiVersion = obj.apiVersion as string;
  // unstructured.UnstructuredJSONScheme decode: an empty kind is missing
  if (!kind)
    return { ok: false, error: `unable to decode ${goQuote(fileName)}: Object 'Kind' is missing in '${goJson(obj)}'` };
  const metadata = isRecord(obj.metadata) ? obj.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  // a List flattenLists did not open (the RESTMapper maps it; its items are what kubectl sends)
  if (kind === 'List' && apiVersion === 'v1')
    return {
      ok: false,
      unsupported:
        'kubectl applies the items of a v1 List one by one; this simulator does so when every item has the apiVersion and kind of a Pod, ConfigMap, Secret, ServiceAccount, Namespace or Node.',
    };
  const mapping = kindMapping(apiVersion, kind);
  if (!mapping) {
    // meta.NoKindMatchError, wrapped by infoForData
    return {
      ok: false,
      error: `resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} from ${goQuote(fileName)}: no matches for kind ${goQuote(kind)} in version ${goQuote(apiVersion)}\nensure CRDs are installed first`,
    };
  }
  if (mapping === 'builtin')
    return {
      ok: false,
      unsupported: `This simulator follows Pods, ConfigMaps, Secrets, ServiceAccounts, Namespaces and Nodes; kubectl would send this ${kind} to the API server.`,
    };
  const ns = mapping.namespaced ? namespace || contextNamespace : '';
  const { namespace: _dropped, ...rest } = metadata;
  const meta = mapping.namespaced ? { ...metadata, namespace: ns } : rest;
  return { ok: true, info: { mapping, name, namespace: ns, object: { ...obj, metadata: meta } } };
}

/**
 * The items of a v1 List, when this simulator can apply them: every item an object of a kind it follows.
 * kubectl's RESTMapper knows `List` in every group version (client-go restmapper discovery.go adds it),
 * and cli-runtime's FlattenListVisitor (visitor.go) then visits each item as its own object, in order,
 * with the List's source. Items kubectl would refuse (no kind, a kind the server does not serve) are
 * not simulated: the List is then left whole, and checkDocument says so.
 */
function listItems(value: unknown): Obj[] | undefined {
  if (!isRecord(value) || value.apiVersion !== 'v1' || value.kind !== 'List' || !Array.isArray(value.items))
    return undefined;
  const items = value.items as unknown[];
  const simulated = (item: unknown): item is Obj =>
    isRecord(item) &&
    typeof item.apiVersion === 'string' &&
    typeof item.kind === 'string' &&
    typeof kindMapping(item.apiVersion, item.kind) === 'object';
  return items.every(simulated) ? items : undefined;
}

/** `items[0].spec` → `spec` for the item `items[0]`; undefined for a path outside it. */
function underItem(path: string, item: string): string | undefined {
  if (!path.startsWith(item)) return undefined;
  const rest = path.slice(item.length);
  if (rest.startsWith('.')) return rest.slice(1);
  return rest.startsWith('[') ? rest : undefined;
}

/**
 * The documents as kubectl visits them: a v1 List replaced by its items (FlattenListVisitor), each
 * with its own place in the editor, so every later check points inside the List.
 */
export function flattenLists(documents: readonly ManifestDocument[]): ManifestDocument[] {
  const out: ManifestDocument[] = [];
  for (const doc of documents) {
    const items = listItems(doc.value);
    if (!items) {
      out.push({ ...doc, index: out.length });
      continue;
    }
    items.forEach((value, i) => {
      const item = `items[${i}]`;
      const ranges: Record<string, SourceRange> = {};
      for (const [path, range] of Object.entries(doc.ranges)) {
        const inner = underItem(path, item);
        if (inner) ranges[inner] = range;
      }
      out.push({ index: out.length, value, range: doc.ranges[item] ?? doc.range, ranges });
    });
  }
  return out;
}

export interface RequestContext {
  command: 'apply' | 'create';
  /** `Kubectl-Session`: one random UUID per kubectl invocation. */
  session: string;
}

/** Headers of kubectl's requests (cli-runtime scheme.go UnstructuredPlusDefaultContentConfig, command_headers.go). */
function headers(ctx: RequestContext, contentType?: string): Record<string, string> {
  return {
    Accept: 'application/json',
    ...(contentType ? { 'Content-Type': contentType } : {}),
    'User-Agent': KUBECTL_USER_AGENT,
    'Kubectl-Command': `kubectl ${ctx.command}`,
    'Kubectl-Session': ctx.session,
  };
}

/** The REST path of the kind's collection: `/api/v1/namespaces/default/pods`, `/api/v1/nodes`. */
export function collectionPath(m: KindMapping, namespace: string): string {
  const root = m.group ? `/apis/${m.group}/${m.version}` : `/api/${m.version}`;
  return `${root}${m.namespaced ? `/namespaces/${namespace}` : ''}/${m.resource}`;
}
const objectPath = (info: ResourceInfo) => `${collectionPath(info.mapping, info.namespace)}/${info.name}`;

/** Create/Patch options encoded with sorted keys (metav1.ParameterCodec, url.Values.Encode). */
const writeQuery = (ctx: RequestContext) => `?fieldManager=${FIELD_MANAGER[ctx.command]}&fieldValidation=Strict`;

/** apply: `info.Get()`, the current object if any. */
export function getRequest(info: ResourceInfo, ctx: RequestContext): HttpRequest {
  return { method: 'GET', path: objectPath(info), headers: headers(ctx) };
}

/** The object with its last-applied configuration as annotation (apply.go GetModifiedConfiguration, annotate=true). */
function withLastApplied(obj: Obj): Obj {
  const metadata = (obj.metadata ?? {}) as Obj;
  const annotations = {
    ...((metadata.annotations ?? {}) as Obj),
    [LAST_APPLIED_ANNOTATION]: lastAppliedConfiguration(obj),
  };
  return { ...obj, metadata: { ...metadata, annotations } };
}

/**
 * The create: `POST <collection>?fieldManager=<manager>&fieldValidation=Strict`. `apply` first records
 * the last-applied configuration (CreateApplyAnnotation).
 */
export function createRequest(info: ResourceInfo, ctx: RequestContext): HttpRequest {
  const body = ctx.command === 'apply' ? withLastApplied(info.object) : info.object;
  return {
    method: 'POST',
    path: `${collectionPath(info.mapping, info.namespace)}${writeQuery(ctx)}`,
    headers: headers(ctx, 'application/json'),
    body: sortedKeys(body),
  };
}

/** What `kubectl apply` computes for an object that exists (patcher.go patchSimple). */
export interface ApplyPatch {
  /** The three-way strategic merge patch; `{}` means nothing to send. */
  patch: Obj;
  /** The live object has no last-applied annotation: kubectl warns and the patch adds it. */
  missingAnnotation: boolean;
}

/**
 * original = the live object's last-applied configuration, modified = the manifest with its new
 * last-applied annotation, current = the live object.
 */
export function applyPatch(info: ResourceInfo, live: Obj): ApplyPatch {
  const metadata = (isRecord(live.metadata) ? live.metadata : {}) as Obj;
  const annotations = (isRecord(metadata.annotations) ? metadata.annotations : {}) as Record<string, unknown>;
  const raw = annotations[LAST_APPLIED_ANNOTATION];
  let original: Obj | undefined;
  if (typeof raw === 'string' && raw !== '') {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isRecord(parsed)) original = parsed;
    } catch {
      original = undefined;
    }
  }
  return {
    patch: threeWayMergePatch(original, withLastApplied(info.object), live),
    missingAnnotation: raw === undefined,
  };
}

/** `PATCH <object>?fieldManager=kubectl-client-side-apply&fieldValidation=Strict` with the strategic merge patch (helper.go Patch). */
export function patchRequest(info: ResourceInfo, ctx: RequestContext, patch: Obj): HttpRequest {
  return {
    method: 'PATCH',
    path: `${objectPath(info)}${writeQuery(ctx)}`,
    headers: headers(ctx, 'application/strategic-merge-patch+json'),
    body: sortedKeys(patch),
  };
}

/** The patch as kubectl sends it (encoding/json of a map: sorted keys). */
export const patchText = (patch: Obj): string => goJson(patch);

/** The name printer: `pod/<name> created`, `<kind>.<group>/<name>` outside the core group (cli-runtime printers/name.go). */
export function nameLine(info: ResourceInfo, operation: 'created' | 'configured' | 'unchanged'): string {
  const m = info.mapping;
  return `${m.kind.toLowerCase()}${m.group ? `.${m.group}` : ''}/${info.name} ${operation}`;
}

/** apply.go warningNoLastAppliedConfigAnnotation, with info.ObjectName() = `<resource>/<name>` and cmdBaseName `kubectl`. */
export const missingAnnotationWarning = (info: ResourceInfo): string =>
  `Warning: resource ${info.mapping.resource}/${info.name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`;

/** cli-runtime Info.String(): the mapping (GroupVersionResource and GroupVersionKind strings), then name and namespace. */
export function infoString(info: ResourceInfo): string {
  const m = info.mapping;
  return `Resource: "${m.group}/${m.version}, Resource=${m.resource}", GroupVersionKind: "${m.group}/${m.version}, Kind=${m.kind}"\nName: ${goQuote(info.name)}, Namespace: ${goQuote(info.namespace)}`;
}

/** A server error as kubectl holds it after AddSourceToErr: the Status with its message prefixed. */
export interface SourcedError {
  status: Status;
}

/**
 * An error of one kubectl run: a server Status, a client-side error (its Go text, without the
 * `error: ` CheckErr adds), or an aggregate of errors (utilerrors.Aggregate).
 */
export type KubectlError = SourcedError | string | { aggregate: KubectlError[] };

export type ErrorAction = 'creating' | 'retrieving' | 'patching';

/** The verb AddSourceToErr is given in applyOneObject / create.go / patcher. */
function sourceVerb(action: ErrorAction, info: ResourceInfo, patch?: Obj): string {
  if (action === 'creating') return 'creating';
  if (action === 'retrieving') return `retrieving current configuration of:\n${infoString(info)}\nfrom server for:`;
  // apply.go: fmt.Sprintf("applying patch:\n%s\nto:\n%v\nfor:", patchBytes, info)
  return `applying patch:\n${goJson(patch ?? {})}\nto:\n${infoString(info)}\nfor:`;
}

/** AddSourceToErr(verb, source, err): `error when <verb> "<source>": <message>` inside the Status. */
export function addSource(
  status: Status,
  action: ErrorAction,
  info: ResourceInfo,
  fileName: string,
  patch?: Obj,
): SourcedError {
  return {
    status: {
      ...status,
      message: `error when ${sourceVerb(action, info, patch)} ${goQuote(fileName)}: ${status.message ?? ''}`,
    },
  };
}

/** The same for an error that is not a Status (e.g. client-go refusing an empty name). */
export const addSourceToText = (text: string, action: ErrorAction, info: ResourceInfo, fileName: string): string =>
  `error when ${sourceVerb(action, info)} ${goQuote(fileName)}: ${text}`;

/** StandardErrorMessage. */
function standardErrorMessage(s: Status): string {
  if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message ?? ''})`;
  if (s.reason) return `Error from server (${s.reason}): ${s.message ?? ''}`;
  return `Error from server: ${s.message ?? ''}`;
}

/** helpers.go statusCausesToAggrError + MultilineError: one cause inline, several as `* ` lines. */
function invalidMessage(s: Status): string {
  const d = s.details!;
  const prefix =
    d.kind || d.name ? `The ${d.kind ?? ''} ${goQuote(d.name ?? '')} is invalid` : 'The request is invalid';
  const causes = [...new Set((d.causes ?? []).map((c) => `${c.field}: ${c.message}`))];
  if (causes.length === 0) return prefix;
  if (causes.length === 1) return `${prefix}: ${causes[0]}`;
  return `${prefix}: \n${causes.map((c) => `* ${c}`).join('\n')}`;
}

const isAggregate = (e: KubectlError): e is { aggregate: KubectlError[] } => typeof e === 'object' && 'aggregate' in e;

/** err.Error(): a StatusError is its message; an aggregate flattens, drops duplicates and brackets several. */
function errorText(e: KubectlError): string {
  if (typeof e === 'string') return e;
  if (isAggregate(e)) {
    const flat = (x: KubectlError): KubectlError[] => (isAggregate(x) ? x.aggregate.flatMap(flat) : [x]);
    return aggregateMessage(flat(e).map(errorText));
  }
  return e.status.message ?? '';
}

/** helpers.go messageForError: StandardErrorMessage for a Status, else err.Error(). */
const messageForError = (e: KubectlError): string =>
  typeof e === 'object' && !isAggregate(e) ? standardErrorMessage(e.status) : errorText(e);

/**
 * What kubectl prints on stderr when its run ends with errors (exit 1): apply.go/create.go return
 * the one error, or an aggregate of several, and CheckErr prints it: an aggregate of one is unwrapped;
 * an Invalid Status with details gets "The Pod ... is invalid"; an aggregate is one line per error
 * (MultipleErrors, no `error: ` prefix); any other error is its StandardErrorMessage or `error: <text>`.
 */
export function renderErrors(errors: readonly KubectlError[]): string {
  let e: KubectlError = errors.length === 1 ? errors[0]! : { aggregate: [...errors] };
  if (isAggregate(e) && e.aggregate.length === 1) e = e.aggregate[0]!;
  if (isAggregate(e)) return e.aggregate.map(messageForError).join('\n');
  if (typeof e === 'string') return e.startsWith('error: ') ? e : `error: ${e}`;
  if (e.status.reason === 'Invalid')
    return e.status.details ? invalidMessage(e.status) : `The request is invalid: ${e.status.message ?? ''}`;
  return standardErrorMessage(e.status);
}

/** The warnings a response carries (`Warning: 299 - "<text>"` headers); kubectl prints `Warning: <text>`. */
export function responseWarnings(headers: Record<string, string>): string[] {
  const raw = headers.Warning ?? '';
  return [...raw.matchAll(/299 - "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}

/** The Warning header value for warnings (RFC 7234 warn-code 299, as apiserver pkg/warning writes them). */
export const warningHeader = (warnings: readonly string[]): string =>
  warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', ');
