import { describe, expect, it } from 'vitest';
import { defaultCluster } from '@scenarios';
import { authorize, forbiddenError, forbiddenMessage } from './authz';
import type { RequestAttributes } from './rbac';
import type { KubeObject } from './scenario';

const attrs = (over: Partial<RequestAttributes>): RequestAttributes => ({
  user: { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] },
  verb: 'create',
  apiGroup: '',
  apiVersion: 'v1',
  resource: 'pods',
  subresource: '',
  namespace: 'default',
  name: '',
  resourceRequest: true,
  path: '/api/v1/namespaces/default/pods',
  ...over,
});
const cluster = defaultCluster();
const boundPods = (pods: KubeObject[]) => (node: string) =>
  pods.filter((p) => (p.spec as { nodeName?: string }).nodeName === node);
const none = boundPods([]);

describe('authorization (Node, RBAC)', () => {
  it('allows the admin through the kubeadm:cluster-admins binding, naming binding, role and rule', () => {
    const d = authorize(attrs({}), cluster, none);
    expect(d).toMatchObject({
      allowed: true,
      by: 'RBAC',
      reason:
        'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"',
      rbac: {
        binding: { kind: 'ClusterRoleBinding', name: 'kubeadm:cluster-admins' },
        role: { kind: 'ClusterRole', name: 'cluster-admin' },
        rule: { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      },
    });
  });

  it('allows kube-scheduler to bind pods through its ClusterRole', () => {
    const d = authorize(
      attrs({
        user: { username: 'system:kube-scheduler', groups: ['system:authenticated'] },
        subresource: 'binding',
        name: 'example-pod',
      }),
      cluster,
      none,
    );
    expect(d).toMatchObject({
      allowed: true,
      by: 'RBAC',
      rbac: { rule: { apiGroups: [''], resources: ['bindings', 'pods/binding'], verbs: ['create'] } },
    });
  });

  it('forbids a user nobody bound, with the exact message and no reason', () => {
    const a = attrs({ user: { username: 'jane', groups: ['system:authenticated'] } });
    const d = authorize(a, cluster, none);
    expect(d).toMatchObject({ allowed: false, reason: '' });
    expect(forbiddenError(a, d.reason)).toBe(
      'User "jane" cannot create resource "pods" in API group "" in the namespace "default"',
    );
  });

  it('reports bindings to missing roles as the RBAC reason', () => {
    const binding: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'jane-edit', namespace: 'default' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'editor' },
      subjects: [{ kind: 'User', name: 'jane' }],
    };
    const a = attrs({ user: { username: 'jane', groups: ['system:authenticated'] } });
    const d = authorize(a, [...cluster, binding], none);
    expect(forbiddenError(a, d.reason)).toBe(
      'User "jane" cannot create resource "pods" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "editor" not found',
    );
  });

  it('matches service accounts in RoleBindings, defaulting the subject namespace', () => {
    const role: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'pod-reader', namespace: 'default' },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
    };
    const binding: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'ci', namespace: 'default' },
      roleRef: { kind: 'Role', name: 'pod-reader' },
      subjects: [{ kind: 'ServiceAccount', name: 'ci' }],
    };
    const d = authorize(
      attrs({ user: { username: 'system:serviceaccount:default:ci', groups: [] }, verb: 'get', name: 'x' }),
      [...cluster, role, binding],
      none,
    );
    expect(d.reason).toBe(
      'RBAC: allowed by RoleBinding "ci/default" of Role "pod-reader" to ServiceAccount "ci/default"',
    );
  });

  it('lets system:masters through before any other authorizer', () => {
    expect(authorize(attrs({ user: { username: 'root', groups: ['system:masters'] } }), [], none)).toEqual({
      allowed: true,
      by: 'privileged-group',
      reason: '',
    });
  });

  describe('the Node authorizer', () => {
    const kubelet = { username: 'system:node:worker-1', groups: ['system:nodes', 'system:authenticated'] };
    it('allows watching only the pods of its node', () => {
      const watch = attrs({
        user: kubelet,
        verb: 'watch',
        namespace: '',
        fieldSelector: [{ field: 'spec.nodeName', operator: '=', value: 'worker-1' }],
      });
      expect(authorize(watch, cluster, none)).toEqual({ allowed: true, by: 'Node', reason: '' });
      const all = { ...watch, fieldSelector: [] };
      const d = authorize(all, cluster, none);
      expect(d.allowed).toBe(false);
      expect(forbiddenError(all, d.reason)).toBe(
        'User "system:node:worker-1" cannot watch resource "pods" in API group "" at the cluster scope: can only list/watch pods with spec.nodeName field selector',
      );
    });
    it('allows status patches and events, and gets of bound pods only', () => {
      expect(
        authorize(attrs({ user: kubelet, verb: 'patch', subresource: 'status', name: 'p' }), cluster, none).allowed,
      ).toBe(true);
      expect(authorize(attrs({ user: kubelet, verb: 'create', resource: 'events' }), cluster, none).allowed).toBe(true);
      const p: KubeObject = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'default' },
        spec: { nodeName: 'worker-1' },
      };
      expect(authorize(attrs({ user: kubelet, verb: 'get', name: 'p' }), cluster, boundPods([p])).allowed).toBe(true);
      expect(authorize(attrs({ user: kubelet, verb: 'get', name: 'q' }), cluster, boundPods([p])).reason).toBe(
        "no relationship found between node 'worker-1' and this object",
      );
    });
  });

  it.each([
    [
      attrs({
        user: { username: 'system:anonymous', groups: ['system:unauthenticated'] },
        verb: 'get',
        name: 'example-pod',
      }),
      'User "system:anonymous" cannot get resource "pods" in API group "" in the namespace "default"',
    ],
    [
      attrs({ user: { username: 'x', groups: [] }, subresource: 'binding', name: 'p' }),
      'User "x" cannot create resource "pods/binding" in API group "" in the namespace "default"',
    ],
    [
      attrs({ user: { username: 'x', groups: [] }, resource: 'nodes', namespace: '', verb: 'list' }),
      'User "x" cannot list resource "nodes" in API group "" at the cluster scope',
    ],
    [
      attrs({ user: { username: 'x', groups: [] }, resourceRequest: false, verb: 'get', path: '/metrics' }),
      'User "x" cannot get path "/metrics"',
    ],
  ])('words the 403 message: %#', (a, text) => {
    expect(forbiddenMessage(a)).toBe(text);
  });
});
