/**
 * The RBAC authorizer (k/k plugin/pkg/auth/authorizer/rbac/rbac.go and
 * pkg/registry/rbac/validation/rule.go VisitRulesFor): ClusterRoleBindings first, then the
 * RoleBindings of the request's namespace; the first rule of a bound role that covers the request
 * allows it. RBAC never denies; without a match it has no opinion.
 */
import type { KubeObject } from './scenario';
import { goQuote } from './fieldErrors';
import type { UserInfo } from './authn';

/** authorizer.Attributes for one request. */
export interface RequestAttributes {
  user: UserInfo;
  verb: string;
  apiGroup: string;
  apiVersion: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
  resourceRequest: boolean;
  path: string;
  /** Field selector requirements of a list/watch (the Node authorizer reads them). */
  fieldSelector?: { field: string; operator: '=' | '!='; value: string }[];
}

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

interface Binding {
  kind: 'ClusterRoleBinding' | 'RoleBinding';
  name: string;
  namespace?: string;
  roleRef: { kind: string; name: string };
  subjects: Subject[];
}

export interface RbacDecision {
  allowed: boolean;
  /** rbac.go: `RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "y" to Group "z"` (the audit annotation). */
  reason: string;
  binding?: { kind: string; name: string; namespace?: string };
  role?: { kind: string; name: string };
  subject?: string;
  rule?: PolicyRule;
  /** Errors met on the way, e.g. a binding to a role that does not exist. */
  errors: string[];
}

/** rbac/v1 helpers: `*` matches everything. */
const has = (list: readonly string[] | undefined, v: string) => !!list && (list.includes('*') || list.includes(v));

/** rbac.go RuleAllows. */
export function ruleAllows(a: RequestAttributes, rule: PolicyRule): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (!a.resourceRequest) {
    return (rule.nonResourceURLs ?? []).some(
      (u) => u === '*' || u === a.path || (u.endsWith('*') && a.path.startsWith(u.slice(0, -1))),
    );
  }
  if (!has(rule.apiGroups, a.apiGroup)) return false;
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const resourceOk = (rule.resources ?? []).some(
    (r) => r === '*' || r === combined || (a.subresource !== '' && r === `*/${a.subresource}`),
  );
  if (!resourceOk) return false;
  return !rule.resourceNames?.length || rule.resourceNames.includes(a.name);
}

/** rule.go appliesToUser. */
function appliesTo(user: UserInfo, s: Subject, bindingNamespace: string): boolean {
  switch (s.kind) {
    case 'User':
      return user.username === s.name;
    case 'Group':
      return user.groups.includes(s.name);
    case 'ServiceAccount': {
      const ns = s.namespace || bindingNamespace;
      return ns !== '' && user.username === `system:serviceaccount:${ns}:${s.name}`;
    }
    default:
      return false;
  }
}

/** rule.go describeSubject. */
function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} ${goQuote(`${s.name}/${s.namespace || bindingNamespace}`)}`;
  return `${s.kind} ${goQuote(s.name)}`;
}

/** rule.go clusterRoleBindingDescriber / roleBindingDescriber. */
function describeBinding(b: Binding, s: Subject): string {
  const name = b.kind === 'RoleBinding' ? `${b.name}/${b.namespace}` : b.name;
  return `${b.kind} ${goQuote(name)} of ${b.roleRef.kind} ${goQuote(b.roleRef.name)} to ${describeSubject(s, b.namespace ?? '')}`;
}

function toBinding(o: KubeObject): Binding {
  return {
    kind: o.kind as Binding['kind'],
    name: o.metadata.name ?? '',
    ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
    roleRef: (o.roleRef ?? { kind: '', name: '' }) as Binding['roleRef'],
    subjects: (o.subjects ?? []) as Subject[],
  };
}

/** rule.go GetRoleReferenceRules: the rules of the referenced role, or the lister's NotFound text. */
function roleRules(cluster: readonly KubeObject[], b: Binding): { rules: PolicyRule[] } | { error: string } {
  const kind = b.roleRef.kind;
  const role = cluster.find(
    (o) =>
      o.kind === kind &&
      o.metadata.name === b.roleRef.name &&
      (kind === 'ClusterRole' || o.metadata.namespace === b.namespace),
  );
  if (!role) return { error: `${kind.toLowerCase()}.rbac.authorization.k8s.io ${goQuote(b.roleRef.name)} not found` };
  return { rules: (role.rules ?? []) as PolicyRule[] };
}

/** Authorizes with RBAC; bindings are visited in the order of the cluster's object list. */
export function rbacAuthorize(a: RequestAttributes, cluster: readonly KubeObject[]): RbacDecision {
  const errors: string[] = [];
  const bindings = [
    ...cluster.filter((o) => o.kind === 'ClusterRoleBinding'),
    ...(a.namespace ? cluster.filter((o) => o.kind === 'RoleBinding' && o.metadata.namespace === a.namespace) : []),
  ].map(toBinding);
  for (const b of bindings) {
    const subject = b.subjects.find((s) => appliesTo(a.user, s, b.namespace ?? ''));
    if (!subject) continue;
    const found = roleRules(cluster, b);
    if ('error' in found) {
      errors.push(found.error);
      continue;
    }
    const rule = found.rules.find((r) => ruleAllows(a, r));
    if (rule) {
      return {
        allowed: true,
        reason: `RBAC: allowed by ${describeBinding(b, subject)}`,
        binding: { kind: b.kind, name: b.name, ...(b.namespace ? { namespace: b.namespace } : {}) },
        role: b.roleRef,
        subject: describeSubject(subject, b.namespace ?? ''),
        rule,
        errors,
      };
    }
  }
  // utilerrors aggregate: one error as itself, several as [a, b]
  const reason =
    errors.length === 0 ? '' : `RBAC: ${errors.length === 1 ? errors[0] : `[${[...new Set(errors)].join(', ')}]`}`;
  return { allowed: false, reason, errors };
}
