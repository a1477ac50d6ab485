/** What the kube-apiserver steps say. */
import type { AdmissionRecord, Narration } from '../trace';
import { DOCS } from './docs';

export function authenticated(p: {
  username: string;
  groups: string[];
  authenticator: 'x509' | 'serviceaccount-token' | 'anonymous';
}): Narration {
  const how = {
    x509: `The client certificate was signed by the cluster CA: its common name is the user (${p.username}) and its organizations are the groups.`,
    'serviceaccount-token': `The bearer token is a service account token, so the user is ${p.username}.`,
    anonymous:
      'The request carried no credentials, so it continues as system:anonymous; authorization decides what that user may do.',
  }[p.authenticator];
  return {
    summary: `kube-apiserver authenticates the request: user ${p.username}, groups ${p.groups.join(', ')}.`,
    detail: `${how} Authenticators are tried in order and the first that recognises the credential wins; every authenticated user also gets the group system:authenticated.`,
    docs: [DOCS.authentication],
  };
}

export function authnFailed(p: { reason: string }): Narration {
  return {
    summary: 'kube-apiserver cannot authenticate the request and answers 401 Unauthorized.',
    detail: `The credential was presented but not accepted (${p.reason}). A bad credential is never treated as anonymous: the reason stays in the API server's log, the client only sees "Unauthorized".`,
    docs: [DOCS.authentication],
  };
}

export function authorized(p: {
  verb: string;
  resource: string;
  namespace: string;
  by: string;
  reason: string;
}): Narration {
  const why =
    p.by === 'RBAC'
      ? `${p.reason.replace(/^RBAC: /, '')}.`
      : p.by === 'Node'
        ? 'The Node authorizer lets a kubelet act on pods bound to its node.'
        : 'Members of system:masters are always allowed.';
  return {
    summary: `Authorization: ${p.verb} ${p.resource} in namespace ${p.namespace} is allowed by ${p.by === 'privileged-group' ? 'the system:masters group' : p.by}.`,
    detail: `kubeadm clusters run the Node and RBAC authorizers in turn; the first that allows the request decides. ${why} RBAC only ever allows: with no matching rule the request is forbidden.`,
    docs: [p.by === 'Node' ? DOCS.nodeAuthorizer : DOCS.rbac],
  };
}

export function forbidden(p: { message: string }): Narration {
  return {
    summary: 'No authorizer allows the request: 403 Forbidden.',
    detail: `${p.message}. No RoleBinding or ClusterRoleBinding grants this user (or one of its groups) this verb on this resource. Grant it with a Role and a RoleBinding.`,
    docs: [DOCS.rbac],
  };
}

export function decoded(p: { defaults: number; manager: string }): Narration {
  return {
    summary: `kube-apiserver decodes the JSON into a Pod, fills in ${p.defaults} default${p.defaults === 1 ? '' : 's'} and records ${p.manager} as the manager of the fields it sent.`,
    detail:
      'With fieldValidation=Strict an unknown field would fail here with 400 Bad Request. Defaults such as restartPolicy: Always, dnsPolicy: ClusterFirst and imagePullPolicy come from the API types themselves. ' +
      'managedFields remembers which client set which field, before admission plugins add their own.',
    docs: [DOCS.fieldValidation, DOCS.serverSideApply],
  };
}

export function decodeFailed(p: { message: string }): Narration {
  return {
    summary: 'kube-apiserver cannot decode the object: 400 Bad Request.',
    detail: `${p.message}. With fieldValidation=Strict (kubectl's default) a misspelt or unknown field is an error instead of being silently dropped.`,
    docs: [DOCS.fieldValidation],
  };
}

/** The decoder met a value its Go field cannot hold, or a quantity that does not parse. */
export function decodeTypeFailed(p: { message: string }): Narration {
  return {
    summary: 'kube-apiserver cannot decode the object: 400 Bad Request.',
    detail: `${p.message}. Every field has a type: YAML reads unquoted true, yes, on and numbers as booleans and numbers, so a string field needs quotes; a quantity such as 500m or 1Gi must parse, and a timestamp must be RFC 3339 (2025-01-31T12:00:00Z). Nothing is checked further.`,
    docs: [DOCS.fieldValidation],
  };
}

/** Why each mutating plugin matters, for the step it gets when it changes the pod. */
const PLUGIN_DETAIL: Record<string, { detail: string; docs: Narration['docs'] }> = {
  ServiceAccount: {
    detail:
      'Every pod runs as a service account, default unless it names one. The plugin mounts a projected volume with a short-lived token, the cluster CA and the namespace, so the containers can call the API server. The kubelet fetches the token later.',
    docs: [DOCS.serviceAccounts, DOCS.admission],
  },
  Priority: {
    detail:
      'The scheduler orders its queue by spec.priority and may preempt lower-priority pods. Without a priorityClassName and without a global default class, the priority is 0.',
    docs: [DOCS.priority, DOCS.admission],
  },
  DefaultTolerationSeconds: {
    detail:
      "If the pod's node becomes not-ready or unreachable, the pod is evicted after 300 seconds instead of immediately: these two tolerations come from the API server's flags.",
    docs: [DOCS.taints, DOCS.admission],
  },
  TaintNodesByCondition: {
    detail:
      'A Node created through the API starts tainted node.kubernetes.io/not-ready:NoSchedule, so no pod is scheduled onto it before the node lifecycle controller (in kube-controller-manager) has seen its Ready condition and removed the taint.',
    docs: [DOCS.taints, DOCS.admission],
  },
  LimitRanger: {
    detail:
      'A LimitRange in the namespace gives containers default requests and limits; the plugin notes what it set in the kubernetes.io/limit-ranger annotation.',
    docs: [DOCS.limitRange, DOCS.admission],
  },
};

export function mutatingPlugin(r: AdmissionRecord): Narration {
  const known = PLUGIN_DETAIL[r.plugin];
  return {
    summary: `Mutating admission, ${r.plugin}: ${r.note}`,
    detail:
      known?.detail ??
      'Mutating admission plugins run in a fixed order, each seeing the object as the previous one left it.',
    docs: known?.docs ?? [DOCS.admission],
  };
}

export function admissionDenied(p: {
  kind?: string;
  plugin: string;
  phase: 'mutating' | 'validating';
  code: number;
  message: string;
}): Narration {
  return {
    summary: `${p.phase === 'mutating' ? 'Mutating' : 'Validating'} admission, ${p.plugin}, rejects the ${p.kind ?? 'pod'}: ${p.code}.`,
    detail: `${p.message}. Admission runs after authentication and authorization: the user may write ${p.kind ?? 'pod'}s in general, but not this one, here.`,
    docs: [
      p.plugin === 'PodSecurity'
        ? DOCS.podSecurity
        : p.plugin === 'ResourceQuota'
          ? DOCS.resourceQuotas
          : DOCS.admission,
    ],
  };
}

export function prepared(p: { uid: string; qosClass: string }): Narration {
  return {
    summary: `kube-apiserver gives the pod its uid ${p.uid}, a creation time and status Pending (QoS class ${p.qosClass}).`,
    detail:
      'Whatever the client sent for uid, creationTimestamp or status is replaced. The QoS class follows from the requests and limits: without any, the pod is BestEffort and is the first to go when a node runs short of memory.',
    docs: [DOCS.names, DOCS.qos],
  };
}

export function validated(): Narration {
  return {
    summary: 'Validation passes: the pod is well formed.',
    detail:
      'kube-apiserver checks the name (a DNS subdomain), labels, container names (DNS labels), images, ports and volume mounts. Any error would end the request with 422 Unprocessable Entity, listing every invalid field.',
    docs: [DOCS.names],
  };
}

export function invalid(p: { count: number }): Narration {
  return {
    summary: `Validation fails on ${p.count} field${p.count === 1 ? '' : 's'}: 422 Unprocessable Entity.`,
    detail:
      'Validation runs after mutating admission, so a pod that is both invalid and over quota gets the 422. The Status lists each field with the reason; kubectl prints them as "The Pod ... is invalid".',
    docs: [DOCS.names],
  };
}

export function validatingAdmission(p: { records: AdmissionRecord[]; kind?: string }): Narration {
  return {
    summary: `Validating admission: ${p.records.map((r) => r.plugin).join(', ')} allow the ${p.kind ?? 'pod'}.`,
    detail: `${p.records.map((r) => `${r.plugin}: ${r.note}`).join(' ')} Validating plugins may only accept or reject; they run after validation, ResourceQuota last.`,
    docs: [DOCS.admission, DOCS.podSecurity],
  };
}

export function persistCreate(p: { key: string; kind?: string }): Narration {
  return {
    summary: `kube-apiserver writes the ${(p.kind ?? 'Pod').toLowerCase()} to etcd at ${p.key}.`,
    detail:
      'The write is a transaction that succeeds only if the key does not exist yet (create revision 0); otherwise the answer is 409 AlreadyExists. Only kube-apiserver talks to etcd.',
    docs: [DOCS.components],
  };
}

export function readFromStorage(p: { key: string }): Narration {
  return {
    summary: `kube-apiserver reads ${p.key} from etcd.`,
    detail: 'A GET without a resourceVersion is a consistent read: it goes to etcd rather than to the watch cache.',
    docs: [DOCS.apiConcepts],
  };
}

export function responded(p: { code: number; statusText: string; what: string }): Narration {
  return {
    summary: `kube-apiserver answers ${p.code} ${p.statusText}${p.what ? `: ${p.what}` : ''}.`,
    detail:
      p.code < 300
        ? 'The response body is the object as stored, with its resourceVersion: the etcd revision of the write.'
        : 'Errors come back as a Status object with a reason and a message; kubectl turns them into the text you see.',
    docs: [DOCS.apiConcepts],
  };
}

export function componentRequest(p: {
  client: string;
  username: string;
  verb: string;
  resource: string;
  by: string;
}): Narration {
  return {
    summary: `${p.client} ${p.verb}s ${p.resource}: authenticated as ${p.username}, allowed by ${p.by === 'privileged-group' ? 'system:masters' : p.by}.`,
    detail:
      p.by === 'Node'
        ? 'Kubelets authenticate with their node client certificate (group system:nodes). The Node authorizer and the NodeRestriction admission plugin limit each kubelet to the pods bound to its own node.'
        : 'Control-plane components authenticate with their own client certificates; kubeadm binds each to a ClusterRole with just the permissions it needs.',
    docs: [p.by === 'Node' ? DOCS.nodeAuthorizer : DOCS.rbac],
  };
}

export function persistBinding(p: { node: string; key: string }): Narration {
  return {
    summary: `kube-apiserver binds the pod to ${p.node}: spec.nodeName and the condition PodScheduled=True, written to ${p.key}.`,
    detail:
      'The scheduler never edits the pod directly: it creates a Binding, and the API server updates the pod, failing with 409 Conflict if the pod is already bound. The update uses the cached pod and an etcd transaction on its revision.',
    docs: [DOCS.scheduler],
  };
}

export function persistStatus(p: { client: string; key: string }): Narration {
  return {
    summary: `kube-apiserver applies ${p.client}'s status patch and writes the pod to ${p.key}.`,
    detail:
      'The status subresource only changes status: whatever the patch says about the spec is ignored. The strategic merge patch merges conditions by type and replaces container statuses.',
    docs: [DOCS.podLifecycle],
  };
}

export function watchFanout(p: {
  deliveries: { watcher: string; type: string }[];
  resourceVersion: string;
}): Narration {
  return {
    summary: `The watch cache sends the change (resourceVersion ${p.resourceVersion}) to ${p.deliveries.map((d) => `${d.watcher} (${d.type})`).join(', ')}.`,
    detail:
      'kube-apiserver watches etcd once and fans every change out to the clients whose watch matches, from its own cache. A watcher whose field selector starts matching gets ADDED, one that stops matching gets DELETED. ' +
      'This is how the scheduler and the kubelets learn about pods: etcd never talks to them.',
    docs: [DOCS.watch, DOCS.fieldSelectors],
  };
}

/** Why each kind other than Pod is stored the way it is, for the decode step. */
const KIND_DETAIL: Record<string, string> = {
  ConfigMap: 'A ConfigMap is plain data: keys must be valid file names, because pods may mount them as files.',
  Secret:
    'stringData is merged into data as base64 while decoding, and the type defaults to Opaque. Secrets are stored as they are unless the cluster configures encryption at rest.',
  ServiceAccount: 'A ServiceAccount is an identity for pods; since v1.24 no token Secret is created for it.',
  Namespace:
    'Decoding adds the label kubernetes.io/metadata.name with the namespace name, so selectors can pick namespaces by name.',
  Node: 'A Node object is how a kubelet registers its machine; here an administrator writes it. Its status (capacity, conditions) is stored as sent.',
};

export function decodedObject(p: { kind: string; defaults: number; manager: string }): Narration {
  return {
    summary: `kube-apiserver decodes the JSON into a ${p.kind}${p.defaults ? `, fills in ${p.defaults} default${p.defaults === 1 ? '' : 's'}` : ''} and records ${p.manager} as the manager of its fields.`,
    detail: `${KIND_DETAIL[p.kind] ?? ''} With fieldValidation=Strict an unknown field would fail here with 400 Bad Request.`,
    docs: [DOCS.fieldValidation, DOCS.serverSideApply],
  };
}

export function preparedObject(p: { kind: string; uid: string }): Narration {
  return {
    summary: `kube-apiserver gives the ${p.kind} its uid ${p.uid} and a creation time.`,
    detail:
      p.kind === 'Namespace'
        ? 'A new Namespace starts in phase Active with the finalizer kubernetes, which the namespace controller removes once everything inside is deleted.'
        : 'Whatever the client sent for uid or creationTimestamp is replaced; resourceVersion comes from etcd when the object is written.',
    docs: [DOCS.names],
  };
}

export function validatedObject(p: { kind: string }): Narration {
  return {
    summary: `Validation passes: the ${p.kind} is well formed.`,
    detail:
      p.kind === 'Namespace'
        ? 'A namespace name must be a DNS label (at most 63 characters, no dots), because it becomes part of DNS names such as my-svc.my-namespace.svc.'
        : 'The name must be a DNS subdomain; ConfigMap and Secret keys must be valid file names. Any error would end the request with 422 Unprocessable Entity.',
    docs: [DOCS.names],
  };
}

export function patched(p: { kind: string; name: string; changes: number }): Narration {
  return {
    summary: `kube-apiserver applies kubectl's strategic merge patch to the live ${p.kind} ${p.name}: ${p.changes} field${p.changes === 1 ? '' : 's'} change.`,
    detail:
      'The patch only names what differs: lists such as containers are merged item by item by their key (the container name), and $setElementOrder keeps their order. ' +
      'Fields other clients set (status, defaults, admission results) are left alone. managedFields records kubectl-client-side-apply as the owner of what it changed.',
    docs: [DOCS.declarativeConfig, DOCS.serverSideApply],
  };
}

export function updateForbidden(p: { fields: string[] }): Narration {
  return {
    summary: `Validation rejects the update: a pod's spec may not change except images and a few fields (${p.fields.join(', ')} changed). 422.`,
    detail:
      'Most of a running pod is fixed for its lifetime: ports, resources, volumes and commands cannot change in place. The real message continues with a diff of the internal PodSpec (printed by go-cmp, whose spacing is deliberately unstable), which is not reproduced here. ' +
      'To change these fields, delete the pod and create it again, or let a Deployment replace pods for you.',
    docs: [DOCS.podLifecycle, DOCS.declarativeConfig],
  };
}

export function updateValidated(p: { kind: string }): Narration {
  return {
    summary: `Validation of the update passes: only fields a ${p.kind} may change were changed.`,
    detail:
      p.kind === 'Pod'
        ? "A pod's container images may change in place: the kubelet will notice the new spec through its watch, kill the container and start it again with the new image."
        : 'The object is validated as on create, and its name and namespace must stay the same.',
    docs: [DOCS.podLifecycle],
  };
}

export function persistUpdate(p: { key: string; revision: string }): Narration {
  return {
    summary: `kube-apiserver writes the updated object to ${p.key}, if it is still at revision ${p.revision}.`,
    detail:
      'An update is an etcd transaction that compares the mod revision first: if someone else wrote the object in between, the API server reads it again and re-applies the patch (optimistic concurrency).',
    docs: [DOCS.apiConcepts],
  };
}

export function mutatingNone(p: { kind: string; records: AdmissionRecord[] }): Narration {
  return {
    summary: `Mutating admission: no plugin changes the ${p.kind}.`,
    detail: `${p.records.map((r) => `${r.plugin}: ${r.note}`).join(' ')} Each plugin decides by the resource and the operation; the pod plugins (ServiceAccount, Priority, DefaultTolerationSeconds) leave other kinds alone.`,
    docs: [DOCS.admission],
  };
}
