/**
 * kubectl as a client (`kubectl apply -f` / `kubectl create -f`, v1.33.0): what it checks in a
 * document before talking to the server, the requests it sends, and what it prints.
 *
 * Sources: kubectl@v0.33.0 pkg/cmd/apply/apply.go (applyOneObject), pkg/cmd/create/create.go,
 * pkg/cmd/util/helpers.go (CheckErr, StandardErrorMessage, AddSourceToErr, MultilineError,
 * MultipleErrors), cli-runtime@v0.33.0 pkg/resource (mapper.go infoForData, visitor.go Info.String,
 * helper.go), apimachinery pkg/util/... and client-go rest/config.go (User-Agent).
 */
import { goQuote } from './fieldErrors';
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
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
  for (const k of Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = sortedKeys(v[k]);
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
  name: string;
  namespace: string;
  /** The object as kubectl holds it, namespace filled in. */
  object: Obj;
}

export type DocumentCheck =
  | { ok: true; info: ResourceInfo }
  /** kubectl's own error (stderr, exit 1, nothing sent). */
  | { ok: false; kubectlError: string }
  /** Valid for kubectl, but not something this simulator follows. */
  | { ok: false; unsupported: string };

/**
 * What kubectl does with one document before any request: decode it as an unstructured object
 * (mapper.go infoForData: `unable to decode "<file>": ...`), map its kind to a resource (a kind that
 * does not exist in that version is `resource mapping not found ...`), and default the namespace to
 * the context's (visitor.go SetNamespace).
 */
export function checkDocument(value: unknown, fileName: string, contextNamespace: string): DocumentCheck {
  if (!isRecord(value)) {
    const type = Array.isArray(value)
      ? 'array'
      : typeof value === 'number'
        ? 'number'
        : typeof value === 'boolean'
          ? 'bool'
          : 'string';
    return {
      ok: false,
      kubectlError: `error: unable to decode ${goQuote(fileName)}: json: cannot unmarshal ${type} into Go value of type map[string]interface {}`,
    };
  }
  const kind = typeof value.kind === 'string' ? value.kind : '';
  if (!kind)
    return {
      ok: false,
      kubectlError: `error: unable to decode ${goQuote(fileName)}: Object 'Kind' is missing in '${goJson(value)}'`,
    };
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  if (kind === 'Pod' && apiVersion !== 'v1') {
    // meta.NoKindMatchError: Pod exists only in the core group, version v1
    return {
      ok: false,
      kubectlError: `error: resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} from ${goQuote(fileName)}: no matches for kind "Pod" in version ${goQuote(apiVersion)}\nensure CRDs are installed first`,
    };
  }
  if (kind !== 'Pod')
    return {
      ok: false,
      unsupported: `This simulator follows Pods only; kubectl would send this ${kind} to the API server.`,
    };
  if (!name) {
    // apply: info.Get() with an empty name fails in client-go before any request
    return {
      ok: false,
      kubectlError: `error: error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "", Namespace: ${goQuote(namespace || contextNamespace)}\nfrom server for: ${goQuote(fileName)}: resource name may not be empty`,
    };
  }
  const ns = namespace || contextNamespace;
  return { ok: true, info: { name, namespace: ns, object: { ...value, metadata: { ...metadata, namespace: ns } } } };
}

export interface RequestContext {
  command: 'apply' | 'create';
  /** `Kubectl-Session`: one random UUID per kubectl invocation. */
  session: string;
}

/** Headers of kubectl's requests (cli-runtime scheme.go UnstructuredPlusDefaultContentConfig, command_headers.go). */
function headers(ctx: RequestContext, withBody: boolean): Record<string, string> {
  return {
    Accept: 'application/json',
    ...(withBody ? { 'Content-Type': 'application/json' } : {}),
    'User-Agent': KUBECTL_USER_AGENT,
    'Kubectl-Command': `kubectl ${ctx.command}`,
    'Kubectl-Session': ctx.session,
  };
}

/** apply: `info.Get()`, the current object if any. */
export function getRequest(info: ResourceInfo, ctx: RequestContext): HttpRequest {
  return {
    method: 'GET',
    path: `/api/v1/namespaces/${info.namespace}/pods/${info.name}`,
    headers: headers(ctx, false),
  };
}

/**
 * The create: `POST .../pods?fieldManager=<manager>&fieldValidation=Strict` (CreateOptions encoded
 * with sorted keys). `apply` first records the last-applied configuration (CreateApplyAnnotation).
 */
export function createRequest(info: ResourceInfo, ctx: RequestContext): HttpRequest {
  let body = info.object;
  if (ctx.command === 'apply') {
    const metadata = (body.metadata ?? {}) as Obj;
    const annotations = {
      ...((metadata.annotations ?? {}) as Obj),
      [LAST_APPLIED_ANNOTATION]: lastAppliedConfiguration(body),
    };
    body = { ...body, metadata: { ...metadata, annotations } };
  }
  return {
    method: 'POST',
    path: `/api/v1/namespaces/${info.namespace}/pods?fieldManager=${FIELD_MANAGER[ctx.command]}&fieldValidation=Strict`,
    headers: headers(ctx, true),
    body: sortedKeys(body),
  };
}

/** The name printer: `pod/<name> created` (cli-runtime printers/name.go, kind lowercased). */
export const createdLine = (info: ResourceInfo): string => `pod/${info.name} created`;

/** cli-runtime Info.String() for the apply GET failure. */
function infoString(info: ResourceInfo): string {
  return `Resource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: ${goQuote(info.name)}, Namespace: ${goQuote(info.namespace)}`;
}

/** A server error as kubectl holds it after AddSourceToErr: the Status with its message prefixed. */
export interface SourcedError {
  status: Status;
}

/** AddSourceToErr(verb, source, err): `error when <verb> "<source>": <message>` inside the Status. */
export function addSource(
  status: Status,
  action: 'creating' | 'retrieving',
  info: ResourceInfo,
  fileName: string,
): SourcedError {
  const verb =
    action === 'creating' ? 'creating' : `retrieving current configuration of:\n${infoString(info)}\nfrom server for:`;
  return { status: { ...status, message: `error when ${verb} ${goQuote(fileName)}: ${status.message ?? ''}` } };
}

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

/**
 * What CheckErr prints for the errors of one run (each a line or block on stderr, exit 1): a single
 * Invalid error with details gets the special "The Pod ... is invalid" form; several errors are an
 * aggregate, printed one StandardErrorMessage per line.
 */
export function renderErrors(errors: readonly (SourcedError | string)[]): string {
  const one = (e: SourcedError | string) => (typeof e === 'string' ? e : standardErrorMessage(e.status));
  if (errors.length === 1) {
    const e = errors[0]!;
    if (typeof e !== 'string' && e.status.reason === 'Invalid') {
      return e.status.details
        ? invalidMessage(e.status)
        : `The request is invalid${e.status.message ? `: ${e.status.message}` : ''}`;
    }
    return one(e);
  }
  return errors.map(one).join('\n');
}

/** The warnings a response carries (`Warning: 299 - "<text>"` headers); kubectl prints `Warning: <text>`. */
export function responseWarnings(headers: Record<string, string>): string[] {
  const raw = headers.Warning ?? '';
  return [...raw.matchAll(/299 - "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}

/** The Warning header value for warnings (RFC 7234 warn-code 299, as apiserver pkg/warning writes them). */
export const warningHeader = (warnings: readonly string[]): string =>
  warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', ');
