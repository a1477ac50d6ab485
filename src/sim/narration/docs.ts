/** kubernetes.io pages the narration links to (one place, so a moved page is fixed once). */
import type { Narration } from '../trace';

type Doc = Narration['docs'][number];
const doc = (label: string, path: string): Doc => ({ label, href: `https://kubernetes.io/docs/${path}` });

export const DOCS = {
  kubectlApply: doc('kubectl apply', 'reference/kubectl/generated/kubectl_apply/'),
  declarativeConfig: doc(
    'Declarative management with kubectl apply',
    'tasks/manage-kubernetes-objects/declarative-config/',
  ),
  imperativeConfig: doc(
    'Imperative management with configuration files',
    'tasks/manage-kubernetes-objects/imperative-config/',
  ),
  apiConcepts: doc('Kubernetes API concepts', 'reference/using-api/api-concepts/'),
  fieldValidation: doc('Field validation', 'reference/using-api/api-concepts/#field-validation'),
  authentication: doc('Authenticating', 'reference/access-authn-authz/authentication/'),
  authorization: doc('Authorization', 'reference/access-authn-authz/authorization/'),
  rbac: doc('Using RBAC authorization', 'reference/access-authn-authz/rbac/'),
  nodeAuthorizer: doc('Using Node authorization', 'reference/access-authn-authz/node/'),
  admission: doc('Admission controllers', 'reference/access-authn-authz/admission-controllers/'),
  serviceAccounts: doc('Service accounts', 'concepts/security/service-accounts/'),
  taints: doc('Taints and tolerations', 'concepts/scheduling-eviction/taint-and-toleration/'),
  priority: doc('Pod priority and preemption', 'concepts/scheduling-eviction/pod-priority-preemption/'),
  podSecurity: doc('Pod Security Admission', 'concepts/security/pod-security-admission/'),
  resourceQuotas: doc('Resource quotas', 'concepts/policy/resource-quotas/'),
  limitRange: doc('Limit ranges', 'concepts/policy/limit-range/'),
  names: doc('Object names and IDs', 'concepts/overview/working-with-objects/names/'),
  serverSideApply: doc('Server-side apply (managed fields)', 'reference/using-api/server-side-apply/'),
  qos: doc('Pod quality of service classes', 'concepts/workloads/pods/pod-qos/'),
  podLifecycle: doc('Pod lifecycle', 'concepts/workloads/pods/pod-lifecycle/'),
  components: doc('Kubernetes components', 'concepts/overview/components/'),
  etcd: doc('Operating etcd clusters for Kubernetes', 'tasks/administer-cluster/configure-upgrade-etcd/'),
  watch: doc(
    'Efficient detection of changes (watch)',
    'reference/using-api/api-concepts/#efficient-detection-of-changes',
  ),
  fieldSelectors: doc('Field selectors', 'concepts/overview/working-with-objects/field-selectors/'),
  scheduler: doc('Kubernetes scheduler', 'concepts/scheduling-eviction/kube-scheduler/'),
  events: doc('Event (v1)', 'reference/kubernetes-api/cluster-resources/event-v1/'),
} as const;
