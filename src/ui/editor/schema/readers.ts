/**
 * Who reads a Pod field, and where in the journey: the line the editor's hover adds under the upstream
 * description (see journeySchema.ts). Each entry names the real v1.33 component and plugin; the
 * comment above it names the Kubernetes source it comes from (k/k = kubernetes/kubernetes at v1.33).
 *
 * A path starts at the Pod: segments are joined by `.`, `name[]` steps into the items of the list
 * `name`, and `{a,b}` stands for either name (the same entry for containers and init containers).
 */
export interface FieldReader {
  path: string;
  reads: string;
}

/** Containers and init containers share the Container type, and the same readers. */
const CONTAINER = 'spec.{containers,initContainers}[]';

export const READERS: readonly FieldReader[] = [
  // ---- metadata ----
  // k/k pkg/apis/core/validation/validation.go ValidatePodName; staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go
  {
    path: 'metadata.name',
    reads:
      'kubectl apply (GET by name, then create); kube-apiserver validation (a DNS subdomain); the key in etcd `/registry/pods/<namespace>/<name>`',
  },
  // staging/src/k8s.io/apiserver/pkg/storage/names/generate.go SimpleNameGenerator
  { path: 'metadata.generateName', reads: 'kube-apiserver: with no name, the prefix plus 5 random characters' },
  // staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go; plugin/pkg/auth/authorizer/rbac/rbac.go
  {
    path: 'metadata.namespace',
    reads:
      'kubectl (the request URL; else the kubeconfig context namespace); RBAC authorization; NamespaceLifecycle admission (404 when missing, 403 when terminating); the namespace labels PodSecurity admission reads',
  },
  // k/k pkg/scheduler/framework/plugins/interpodaffinity; pkg/scheduler/framework/plugins/podtopologyspread
  {
    path: 'metadata.labels',
    reads: 'kube-scheduler: InterPodAffinity and PodTopologySpread select pods by their labels',
  },
  // k/k plugin/pkg/admission/limitranger/admission.go; staging/src/k8s.io/kubectl/pkg/util/apply.go
  {
    path: 'metadata.annotations',
    reads:
      'kubectl client-side apply stores `kubectl.kubernetes.io/last-applied-configuration`; LimitRanger admission records `kubernetes.io/limit-ranger`',
  },
  // staging/src/k8s.io/apiserver/pkg/registry/rest/meta.go FillObjectMetaSystemFields
  {
    path: 'metadata.{uid,creationTimestamp}',
    reads: 'set by kube-apiserver on create (FillObjectMetaSystemFields); a value sent by the client is wiped',
  },
  // staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go
  { path: 'metadata.resourceVersion', reads: 'set by kube-apiserver: the etcd revision of the last write' },
  // staging/src/k8s.io/apiserver/pkg/endpoints/handlers/fieldmanager
  {
    path: 'metadata.managedFields',
    reads:
      "kube-apiserver's field manager: kubectl-client-side-apply on create, then kube-scheduler and the kubelet on status",
  },

  // ---- pod spec ----
  // k/k pkg/apis/core/validation/validation.go; pkg/kubelet/kuberuntime/kuberuntime_manager.go SyncPod
  {
    path: 'spec.containers',
    reads: 'kube-apiserver validation (at least one); kubelet starts them in spec order after the init containers',
  },
  // k/k pkg/kubelet/kuberuntime/kuberuntime_manager.go computeInitContainerActions
  {
    path: 'spec.initContainers',
    reads: 'kubelet: runs them one at a time, in order; each must exit 0 before the next starts',
  },
  // k/k pkg/kubelet/kubelet.go (restart decisions); pkg/kubelet/status/generate.go (phase)
  {
    path: 'spec.restartPolicy',
    reads:
      'kubelet: restarts exited containers (with CrashLoopBackOff back-off) or not, and derives the phase (Succeeded, Failed)',
  },
  // k/k pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go; pkg/kubelet/lifecycle/predicate.go
  { path: 'spec.nodeSelector', reads: 'kube-scheduler: NodeAffinity filter; kubelet admission checks it again' },
  // k/k pkg/scheduler/framework/plugins/nodeaffinity, interpodaffinity
  {
    path: 'spec.affinity',
    reads:
      'kube-scheduler: NodeAffinity (nodeAffinity) and InterPodAffinity (podAffinity, podAntiAffinity) filter and score',
  },
  // k/k pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go
  {
    path: 'spec.affinity.nodeAffinity',
    reads: 'kube-scheduler: NodeAffinity filter (required) and score (preferred)',
  },
  // k/k pkg/scheduler/framework/plugins/interpodaffinity/filtering.go, scoring.go
  {
    path: 'spec.affinity.{podAffinity,podAntiAffinity}',
    reads: 'kube-scheduler: InterPodAffinity filter (required) and score (preferred)',
  },
  // k/k pkg/scheduler/framework/plugins/tainttoleration; plugin/pkg/admission/defaulttolerationseconds/admission.go
  {
    path: 'spec.tolerations',
    reads:
      'kube-scheduler: TaintToleration filter and score; DefaultTolerationSeconds admission appends the not-ready and unreachable tolerations (300 s); kubelet admission (NoExecute taints)',
  },
  // k/k pkg/scheduler/framework/plugins/podtopologyspread
  { path: 'spec.topologySpreadConstraints', reads: 'kube-scheduler: PodTopologySpread filter and score' },
  // k/k plugin/pkg/admission/serviceaccount/admission.go
  {
    path: 'spec.serviceAccountName',
    reads:
      'ServiceAccount admission: defaults it to `default`, looks the account up, mounts its token (kube-api-access volume); the kubelet requests that token',
  },
  // k/k plugin/pkg/admission/serviceaccount/admission.go
  {
    path: 'spec.automountServiceAccountToken',
    reads: 'ServiceAccount admission: false means no kube-api-access volume and mount',
  },
  // k/k plugin/pkg/admission/serviceaccount/admission.go; pkg/kubelet/kubelet_pods.go getPullSecretsForPod
  {
    path: 'spec.imagePullSecrets',
    reads: "ServiceAccount admission copies the account's when empty; kubelet: credentials for the image pull",
  },
  // k/k plugin/pkg/admission/priority/admission.go; pkg/scheduler/framework/plugins/queuesort, defaultpreemption
  {
    path: 'spec.priorityClassName',
    reads:
      'Priority admission (resolves spec.priority); kube-scheduler: PrioritySort orders the scheduling queue, DefaultPreemption (PostFilter) may evict lower priorities',
  },
  // k/k plugin/pkg/admission/priority/admission.go
  {
    path: 'spec.priority',
    reads: 'Priority admission computes it from the class (a different value sent is rejected)',
  },
  // k/k plugin/pkg/admission/priority/admission.go; pkg/scheduler/framework/plugins/defaultpreemption
  {
    path: 'spec.preemptionPolicy',
    reads: 'Priority admission sets it from the class; kube-scheduler: DefaultPreemption (Never: no preemption)',
  },
  // k/k pkg/scheduler/framework/plugins/schedulinggates; pkg/registry/core/pod/strategy.go PrepareForCreate
  {
    path: 'spec.schedulingGates',
    reads:
      'kube-scheduler: SchedulingGates PreEnqueue keeps the pod out of the active queue; kube-apiserver sets PodScheduled=False (SchedulingGated)',
  },
  // k/k pkg/scheduler/eventhandlers.go; pkg/registry/core/pod/storage/storage.go BindingREST; pkg/kubelet/config/apiserver.go
  {
    path: 'spec.nodeName',
    reads:
      "skips kube-scheduler (it queues only pods with an empty nodeName); set by the scheduler's binding otherwise; the kubelet of that node watches pods by it",
  },
  // k/k pkg/scheduler/eventhandlers.go responsibleForPod
  {
    path: 'spec.schedulerName',
    reads: 'kube-scheduler queues only pods naming one of its profiles (`default-scheduler`)',
  },
  // k/k pkg/kubelet/volumemanager
  { path: 'spec.volumes', reads: 'kubelet volume manager: mounts them before the containers start' },
  // k/k pkg/scheduler/framework/plugins/volumebinding, volumezone, nodevolumelimits; pkg/kubelet/volumemanager
  {
    path: 'spec.volumes[].persistentVolumeClaim',
    reads:
      'kube-scheduler: VolumeBinding (PreFilter, Filter, PreBind), VolumeZone and NodeVolumeLimits filters; kubelet volume manager',
  },
  // k/k pkg/kubelet/volumemanager; pkg/volume/configmap, pkg/volume/secret
  {
    path: 'spec.volumes[].{configMap,secret}',
    reads: 'kubelet volume manager: reads the object through kube-apiserver (FailedMount while it is missing)',
  },
  // staging/src/k8s.io/pod-security-admission/policy/check_hostPathVolumes.go
  {
    path: 'spec.volumes[].hostPath',
    reads: 'PodSecurity admission (baseline level: hostPath volumes); kubelet volume manager',
  },
  // staging/src/k8s.io/pod-security-admission/policy/check_hostNamespaces.go; pkg/kubelet/kuberuntime/kuberuntime_sandbox.go
  {
    path: 'spec.{hostNetwork,hostPID,hostIPC}',
    reads: "PodSecurity admission (baseline level: host namespaces); kubelet: the sandbox shares the node's namespace",
  },
  // staging/src/k8s.io/pod-security-admission/policy; pkg/kubelet/kuberuntime/security_context.go
  {
    path: 'spec.securityContext',
    reads: 'PodSecurity admission (pod-level checks); kubelet passes it to the container runtime',
  },
  // staging/src/k8s.io/pod-security-admission/policy/check_sysctls.go
  { path: 'spec.securityContext.sysctls', reads: 'PodSecurity admission (baseline level: forbidden sysctls)' },
  // k/k pkg/kubelet/active_deadline.go
  {
    path: 'spec.activeDeadlineSeconds',
    reads: 'kubelet: the active deadline handler fails the pod (reason DeadlineExceeded)',
  },
  // k/k pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer
  {
    path: 'spec.terminationGracePeriodSeconds',
    reads: 'kubelet: the time between the stop signal (after preStop) and SIGKILL',
  },
  // k/k pkg/apis/core/v1/defaults.go; pkg/kubelet/network/dns/dns.go
  {
    path: 'spec.dnsPolicy',
    reads: "defaulted to ClusterFirst by kube-apiserver; kubelet: the sandbox's DNS configuration",
  },
  // k/k pkg/kubelet/kubelet_pods.go getServiceEnvVarMap
  { path: 'spec.enableServiceLinks', reads: "kubelet: services' environment variables in every container" },
  // k/k plugin/pkg/admission/runtimeclass/admission.go; pkg/kubelet/kuberuntime/kuberuntime_sandbox.go
  {
    path: 'spec.runtimeClassName',
    reads: 'RuntimeClass admission (overhead, scheduling); kubelet: the runtime handler of the sandbox',
  },
  // k/k plugin/pkg/admission/runtimeclass/admission.go; pkg/scheduler/framework/plugins/noderesources/fit.go
  { path: 'spec.overhead', reads: 'RuntimeClass admission sets it; kube-scheduler: NodeResourcesFit counts it' },

  // ---- containers and init containers ----
  // k/k pkg/apis/core/validation/validation.go; pkg/kubelet/container/ref.go (fieldPath spec.containers{name})
  {
    path: `${CONTAINER}.name`,
    reads: 'kube-apiserver validation (a DNS label, unique in the pod); the kubelet names it in events',
  },
  // k/k pkg/kubelet/images/image_manager.go EnsureImageExists; pkg/scheduler/framework/plugins/imagelocality
  {
    path: `${CONTAINER}.image`,
    reads:
      'kubelet: image pull (Pulling, Pulled; ErrImagePull, ImagePullBackOff); kube-scheduler: ImageLocality score; its tag decides the default imagePullPolicy',
  },
  // k/k pkg/apis/core/v1/defaults.go SetDefaults_Container; pkg/kubelet/images/image_manager.go
  {
    path: `${CONTAINER}.imagePullPolicy`,
    reads:
      "kubelet's image manager (Never: ErrImageNeverPull when absent); defaulted by kube-apiserver to Always for `:latest` or no tag, else IfNotPresent",
  },
  // k/k pkg/kubelet/kuberuntime/kuberuntime_container.go generateContainerConfig
  {
    path: `${CONTAINER}.{command,args}`,
    reads: "kubelet → container runtime (CRI CreateContainer): replace the image's ENTRYPOINT and CMD",
  },
  // k/k pkg/kubelet/kubelet_pods.go makeEnvironmentVariables
  { path: `${CONTAINER}.env`, reads: 'kubelet: the environment it builds when it creates the container' },
  // k/k pkg/kubelet/kubelet_pods.go makeEnvironmentVariables; pkg/kubelet/kuberuntime/kuberuntime_container.go
  {
    path: `${CONTAINER}.env[].valueFrom.{configMapKeyRef,secretKeyRef}`,
    reads:
      'kubelet: reads the key through kube-apiserver when it creates the container; missing (not optional) → CreateContainerConfigError',
  },
  // k/k pkg/kubelet/kubelet_pods.go makeEnvironmentVariables
  {
    path: `${CONTAINER}.envFrom`,
    reads:
      'kubelet: reads the ConfigMaps and Secrets through kube-apiserver; missing (not optional) → CreateContainerConfigError',
  },
  // k/k pkg/scheduler/framework/plugins/noderesources/fit.go; pkg/kubelet/lifecycle/predicate.go;
  // plugin/pkg/admission/limitranger/admission.go; pkg/quota/v1/evaluator/core/pods.go; pkg/apis/core/helper/qos
  {
    path: `${CONTAINER}.resources`,
    reads:
      'kube-scheduler: NodeResourcesFit filter and score; kubelet admission (node allocatable); ResourceQuota and LimitRanger admission; the QoS class',
  },
  // same sources as resources
  {
    path: `${CONTAINER}.resources.requests`,
    reads:
      'kube-scheduler: NodeResourcesFit filter and score; kubelet admission (node allocatable); ResourceQuota and LimitRanger admission',
  },
  // plugin/pkg/admission/limitranger/admission.go; pkg/quota/v1/evaluator/core/pods.go; pkg/apis/core/v1/defaults.go
  {
    path: `${CONTAINER}.resources.limits`,
    reads:
      'LimitRanger and ResourceQuota admission; requests default to them (kube-apiserver); kubelet: cgroup limits (memory over the limit: OOMKilled)',
  },
  // k/k pkg/scheduler/framework/plugins/nodeports; pod-security-admission policy/check_hostPorts.go; pkg/kubelet/lifecycle/predicate.go
  {
    path: `${CONTAINER}.ports[].hostPort`,
    reads: 'kube-scheduler: NodePorts filter; PodSecurity admission (baseline level: hostPorts); kubelet admission',
  },
  // k/k pkg/kubelet/prober
  {
    path: `${CONTAINER}.{livenessProbe,readinessProbe,startupProbe}`,
    reads:
      'kubelet prober: liveness failures restart the container, readiness sets the Ready condition, startup holds the other two until it succeeds (event Unhealthy)',
  },
  // k/k pkg/kubelet/lifecycle/handlers.go; pkg/kubelet/kuberuntime/kuberuntime_container.go
  {
    path: `${CONTAINER}.lifecycle`,
    reads: 'kubelet: postStart runs after the container starts, preStop before it is stopped',
  },
  // k/k pkg/kubelet/kuberuntime/kuberuntime_manager.go (restartable init containers)
  {
    path: `${CONTAINER}.restartPolicy`,
    reads: 'kubelet: Always on an init container makes it a sidecar that keeps running beside the containers',
  },
  // k/k plugin/pkg/admission/serviceaccount/admission.go; pkg/kubelet/kubelet_pods.go makeMounts
  {
    path: `${CONTAINER}.volumeMounts`,
    reads: "kubelet mounts the pod's volumes into the container; ServiceAccount admission appends the token mount",
  },
  // staging/src/k8s.io/pod-security-admission/policy; pkg/kubelet/kuberuntime/security_context.go
  {
    path: `${CONTAINER}.securityContext`,
    reads: 'PodSecurity admission (baseline and restricted checks); kubelet passes it to the container runtime',
  },
  // staging/src/k8s.io/pod-security-admission/policy/check_privileged.go
  { path: `${CONTAINER}.securityContext.privileged`, reads: 'PodSecurity admission (baseline level)' },
  // staging/src/k8s.io/pod-security-admission/policy/check_allowPrivilegeEscalation.go
  { path: `${CONTAINER}.securityContext.allowPrivilegeEscalation`, reads: 'PodSecurity admission (restricted level)' },
  // staging/src/k8s.io/pod-security-admission/policy/check_capabilities_baseline.go, check_capabilities_restricted.go
  {
    path: `${CONTAINER}.securityContext.capabilities`,
    reads: 'PodSecurity admission (baseline level: added capabilities; restricted level: drop ALL)',
  },
  // staging/src/k8s.io/pod-security-admission/policy/check_runAsNonRoot.go; pkg/kubelet/kuberuntime/security_context_others.go
  {
    path: `${CONTAINER}.securityContext.runAsNonRoot`,
    reads: 'PodSecurity admission (restricted level); kubelet: an image that runs as root → CreateContainerConfigError',
  },
  // staging/src/k8s.io/pod-security-admission/policy/check_seccompProfile_baseline.go, check_seccompProfile_restricted.go
  {
    path: `${CONTAINER}.securityContext.seccompProfile`,
    reads: 'PodSecurity admission (baseline level: not Unconfined; restricted level: RuntimeDefault or Localhost)',
  },

  // ---- status ----
  // k/k pkg/registry/core/pod/strategy.go PrepareForCreate; pkg/kubelet/status/status_manager.go
  {
    path: 'status',
    reads:
      'reset by kube-apiserver on create (phase Pending, qosClass); then written by kube-scheduler (PodScheduled) and the kubelet through the status subresource',
  },
];
