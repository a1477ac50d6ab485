/**
 * kube-apiserver authorization as kubeadm configures it (`--authorization-mode=Node,RBAC`), behind the
 * privileged-group authorizer that always admits `system:masters` (k/k pkg/kubeapiserver/authorizer/config.go).
 * The union tries them in order; the first Allow wins, NoOpinion moves on, and when nobody allows, the
 * reasons are joined with "\n" (apiserver@v0.33.0 pkg/authorization/union/union.go).
 */
import { nodeIdentity } from './authn';
import { rbacAuthorize, ruleAllows, type PolicyRule, type RbacDecision, type RequestAttributes } from './rbac';
import type { KubeObject } from './scenario';
import { goQuote } from './fieldErrors';

export type AuthorizerName = 'privileged-group' | 'Node' | 'RBAC';

export interface AuthzDecision {
  allowed: boolean;
  /** The authorizer that allowed the request. */
  by?: AuthorizerName;
  /** The reason of the deciding authorizer, or every reason when none allowed. */
  reason: string;
  rbac?: RbacDecision;
}

/**
 * The static node rules this simulation exercises (k/k plugin/pkg/auth/authorizer/rbac/bootstrappolicy
 * policy.go NodeRules): events, reading pods, and mirror pods.
 */
const NODE_RULES: PolicyRule[] = [
  { verbs: ['create', 'update', 'patch'], apiGroups: [''], resources: ['events'] },
  { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] },
  { verbs: ['create', 'delete'], apiGroups: [''], resources: ['pods'] },
  { verbs: ['update', 'patch'], apiGroups: [''], resources: ['pods/status'] },
  { verbs: ['create'], apiGroups: [''], resources: ['pods/eviction'] },
];

/**
 * The Node authorizer (k/k plugin/pkg/auth/authorizer/node/node_authorizer.go, with the
 * AuthorizeNodeWithSelectors gate on as in v1.33): a kubelet may watch only pods bound to it (field
 * selector `spec.nodeName=<node>`), patch pod status (NodeRestriction admission then checks the
 * binding), and otherwise what the static node rules allow. `boundPods` are the pods bound to the node.
 */
function nodeAuthorize(
  a: RequestAttributes,
  boundPods: (node: string) => readonly KubeObject[],
): { decision: 'allow' | 'none'; reason: string } {
  const { isNode, nodeName } = nodeIdentity(a.user);
  if (!isNode) return { decision: 'none', reason: '' };
  if (a.resourceRequest && a.apiGroup === '' && a.resource === 'pods') {
    if (a.subresource === '') {
      if (a.verb === 'get') {
        const related = boundPods(nodeName).some(
          (p) => p.metadata.namespace === a.namespace && p.metadata.name === a.name,
        );
        return related
          ? { decision: 'allow', reason: '' }
          : { decision: 'none', reason: `no relationship found between node '${nodeName}' and this object` };
      }
      if (a.verb === 'list' || a.verb === 'watch') {
        const scoped = (a.fieldSelector ?? []).some(
          (r) => r.field === 'spec.nodeName' && r.operator === '=' && r.value === nodeName,
        );
        return scoped
          ? { decision: 'allow', reason: '' }
          : { decision: 'none', reason: 'can only list/watch pods with spec.nodeName field selector' };
      }
      if (a.verb === 'create' || a.verb === 'delete') return { decision: 'allow', reason: '' };
    }
    if (a.subresource === 'status' && (a.verb === 'update' || a.verb === 'patch'))
      return { decision: 'allow', reason: '' };
    if (a.subresource === 'eviction' && a.verb === 'create') return { decision: 'allow', reason: '' };
    return { decision: 'none', reason: '' };
  }
  return NODE_RULES.some((r) => ruleAllows(a, r))
    ? { decision: 'allow', reason: '' }
    : { decision: 'none', reason: '' };
}

export function authorize(
  a: RequestAttributes,
  cluster: readonly KubeObject[],
  boundPods: (node: string) => readonly KubeObject[],
): AuthzDecision {
  // authorizerfactory.NewPrivilegedGroups(user.SystemPrivilegedGroup)
  if (a.user.groups.includes('system:masters')) return { allowed: true, by: 'privileged-group', reason: '' };
  const reasons: string[] = [];
  const node = nodeAuthorize(a, boundPods);
  if (node.decision === 'allow') return { allowed: true, by: 'Node', reason: node.reason };
  if (node.reason) reasons.push(node.reason);
  const rbac = rbacAuthorize(a, cluster);
  if (rbac.allowed) return { allowed: true, by: 'RBAC', reason: rbac.reason, rbac };
  if (rbac.reason) reasons.push(rbac.reason);
  return { allowed: false, reason: reasons.join('\n'), rbac };
}

/** apiserver pkg/endpoints/handlers/responsewriters/errors.go forbiddenMessage. */
export function forbiddenMessage(a: RequestAttributes): string {
  const user = goQuote(a.user.username);
  if (!a.resourceRequest) return `User ${user} cannot ${a.verb} path ${goQuote(a.path)}`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace ${goQuote(a.namespace)}` : 'at the cluster scope';
  return `User ${user} cannot ${a.verb} resource ${goQuote(resource)} in API group ${goQuote(a.apiGroup)} ${scope}`;
}

/** ForbiddenStatusError: the message, then `: <reason>` when the authorizers gave one. */
export const forbiddenError = (a: RequestAttributes, reason: string): string =>
  reason ? `${forbiddenMessage(a)}: ${reason}` : forbiddenMessage(a);
