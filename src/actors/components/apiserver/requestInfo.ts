/**
 * What kube-apiserver reads off a request's URL before anything else (apiserver@v0.33.0
 * pkg/endpoints/request/requestinfo.go): API group and version, namespace, resource, name,
 * subresource, and the verb (GET is get, list or watch; POST create; PATCH patch; ...).
 */
import { parseFieldSelector, setJsonKey, type FieldRequirement, type HttpRequest } from '@sim';

export interface RequestInfo {
  path: string;
  query: Record<string, string>;
  resourceRequest: boolean;
  verb: string;
  apiGroup: string;
  apiVersion: string;
  namespace: string;
  resource: string;
  name: string;
  subresource: string;
  fieldSelector: FieldRequirement[];
}

const VERBS: Record<HttpRequest['method'], string> = {
  GET: 'get',
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/**
 * The query as `Object.fromEntries(new URLSearchParams(search))` reads it (form-urlencoded: `+` is a
 * space, the last of repeated names wins in the first one's place), without URLSearchParams, which
 * costs a run more than all its other URL work. A sequence decodeURIComponent refuses (a stray `%`,
 * invalid UTF-8) is left to URLSearchParams, whose lenient reading then applies.
 */
function parseQuery(search: string): Record<string, string> {
  const query: Record<string, string> = {};
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    for (const pair of search.split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const name = decode(eq < 0 ? pair : pair.slice(0, eq));
      const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
      setJsonKey(query, name, value); // an own `__proto__` field, as fromEntries makes it
    }
  } catch {
    return Object.fromEntries(new URLSearchParams(search));
  }
  return query;
}

/**
 * The URLs read last. Every run of a scenario sends the same requests and opens the same watches, and
 * the reading is pure; a RequestInfo is never changed by its readers.
 */
const readUrls = new Map<string, RequestInfo>();
const READ_URLS_KEPT = 64;

export function parseRequestInfo(method: HttpRequest['method'], url: string): RequestInfo {
  const key = `${method} ${url}`;
  let info = readUrls.get(key);
  if (!info) {
    readUrls.set(key, (info = readRequestInfo(method, url)));
    if (readUrls.size > READ_URLS_KEPT) readUrls.delete(readUrls.keys().next().value!);
  }
  return info;
}

function readRequestInfo(method: HttpRequest['method'], url: string): RequestInfo {
  const [path = '', search = ''] = url.split('?', 2);
  // most requests (status patches, events) have no query string
  const query = search ? parseQuery(search) : {};
  const parts = path.split('/').filter(Boolean);
  const base: RequestInfo = {
    path,
    query,
    resourceRequest: false,
    verb: method.toLowerCase(),
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    name: '',
    subresource: '',
    fieldSelector: [],
  };
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    rest = parts.slice(2);
    base.apiVersion = parts[1]!;
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    rest = parts.slice(3);
    base.apiGroup = parts[1]!;
    base.apiVersion = parts[2]!;
  } else {
    return base;
  }
  if (rest.length === 0) return base;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    base.namespace = rest[1]!;
    rest = rest.slice(2);
  }
  base.resourceRequest = true;
  base.resource = rest[0] ?? '';
  base.name = rest[1] ?? '';
  base.subresource = rest[2] ?? '';
  let verb = VERBS[method];
  if (method === 'GET' && !base.name) verb = query.watch === 'true' || query.watch === '1' ? 'watch' : 'list';
  if (method === 'DELETE' && !base.name) verb = 'deletecollection';
  base.verb = verb;
  if (query.fieldSelector) {
    const selector = parseFieldSelector(query.fieldSelector);
    if (selector.ok) base.fieldSelector = selector.requirements;
  }
  return base;
}
