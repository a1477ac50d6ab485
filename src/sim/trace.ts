/**
 * The trace: the plain-data record of one simulated run, and the only thing the UI renders.
 *
 * The actors (src/actors) produce it by running the components under a simulated clock; the UI
 * (src/ui) plays it back with a playhead. Everything here is serialisable data, deterministic for a
 * given scenario input (seeded ids, uids, IPs and suffixes).
 */

import type { Credential } from './scenario';

/** The Kubernetes version whose behaviour, messages and fields the simulation reproduces. */
export const KUBERNETES_VERSION = 'v1.33.0';

/**
 * A component that acts in the journey. Kubelets are one per node: `kubelet:<node name>`.
 * `kubectl-watch` is the learner's second terminal running `kubectl get pods -w`.
 */
export type ComponentId =
  'kubectl' | 'kubectl-watch' | 'kube-apiserver' | 'etcd' | 'kube-scheduler' | `kubelet:${string}`;

export const kubeletId = (node: string): ComponentId => `kubelet:${node}`;
export const nodeOfComponent = (c: ComponentId): string | undefined =>
  c.startsWith('kubelet:') ? c.slice('kubelet:'.length) : undefined;

/** A place inside a component where a step happens; the stage highlights it. */
export type Place =
  // kubectl
  | 'read-manifest'
  | 'output'
  // kube-apiserver: the request pipeline, in order
  | 'authentication'
  | 'authorization'
  | 'decode'
  | 'mutating-admission'
  | 'validation'
  | 'validating-admission'
  | 'persist'
  | 'watch-cache'
  | 'handler'
  // etcd
  | 'storage'
  // kube-scheduler
  | 'queue'
  | 'filter'
  | 'score'
  | 'bind'
  // kubelet and the node's container runtime
  | 'kubelet-admission'
  | 'sync'
  | 'sandbox'
  | 'network'
  | 'image'
  | 'container'
  | 'status';

export type Outcome = 'ok' | 'fail' | 'warn' | 'info';

/** A message in flight between two components: drawn as a packet along the wire. */
export interface Packet {
  from: ComponentId;
  to: ComponentId;
  /** request/response are HTTP; watch is a watch event; etcd is the apiserver↔etcd gRPC. */
  kind: 'request' | 'response' | 'watch' | 'etcd';
  /** Short label on the packet: `POST pods`, `201`, `ADDED`, `binding`, `Txn put`. */
  label: string;
  /** HTTP status for responses, so the packet can be coloured and labelled (never by colour alone). */
  status?: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path with the query string exactly as sent, e.g. `/api/v1/namespaces/default/pods?fieldManager=...`. */
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface HttpResponse {
  status: number;
  /** `Created`, `OK`, `Not Found`, ... */
  statusText: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** One HTTP exchange as the Request tab shows it. `response` is absent while the request is in flight. */
export interface HttpExchange {
  id: string;
  client: ComponentId;
  request: HttpRequest;
  response?: HttpResponse;
  /**
   * The credential presented on the TLS connection (client certificate or bearer token), when it is
   * not the client's own: an administrator's `kubectl` command in the learner's terminal.
   */
  credential?: Credential;
}

/** A core/v1 or events.k8s.io/v1 Event, reduced to what `kubectl describe` shows, plus its times. */
export interface KubeEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** `default-scheduler`, `kubelet`, ... (what the describe table's From column shows). */
  from: string;
  /** `pod/example-pod` */
  object: string;
  /** Simulated ms of first and last occurrence, and the count (for `(x3 over 40s)`). */
  firstT: number;
  lastT: number;
  count: number;
}

export interface TerminalLine {
  /** Which terminal: the one running `kubectl apply -f pod.yaml`, or the one running `kubectl get pods -w`. */
  terminal: 'apply' | 'watch';
  stream: 'command' | 'stdout' | 'stderr';
  text: string;
}

/** One change between two versions of an object, for the Object tab's highlighted diff. */
export interface FieldChange {
  /** JSON path in dotted/bracket form: `spec.tolerations[0]`, `metadata.uid`. */
  path: string;
  op: 'add' | 'replace' | 'remove';
  before?: unknown;
  after?: unknown;
  /** Who made the change: `defaulting`, `ServiceAccount`, `DefaultTolerationSeconds`, `kube-apiserver`, `kubelet`, ... */
  by: string;
}

/** Scheduler result in the shape kube-scheduler-simulator uses: per node × plugin. */
export interface SchedulingResult {
  /** The filter plugins that ran, in framework order. */
  filterPlugins: string[];
  /**
   * The score plugins, in framework order, with their weights. `skipped` says why a plugin's PreScore
   * returned Skip for this pod (its Score did not run; it adds 0 to every node).
   */
  scorePlugins: { name: string; weight: number; skipped?: string }[];
  nodes: NodeSchedulingResult[];
  /** The chosen node, if any. */
  selected?: string;
  /** The FitError text when no node fits (the FailedScheduling message). */
  failureMessage?: string;
  /** When no node fits: the plugins that rejected the pod; their QueueingHints decide when it is retried. */
  unschedulablePlugins?: string[];
}

export interface NodeSchedulingResult {
  node: string;
  filters: {
    plugin: string;
    status: 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Skipped';
    reason?: string;
  }[];
  /** Present only for nodes that passed every filter. `score` is 0–100 after normalisation. */
  scores?: { plugin: string; raw: number; score: number; weight: number; weighted: number }[];
  total?: number;
}

/** Admission, per plugin: what it did to the object or why it said no. */
export interface AdmissionRecord {
  plugin: string;
  phase: 'mutating' | 'validating';
  verdict: 'allowed' | 'mutated' | 'denied' | 'skipped';
  /** One sentence about what it did or checked. */
  note: string;
  changes?: FieldChange[];
}

/** A label/value row shown in the inspector (authenticated user, matched RBAC rule, etcd key, ...). */
export interface Fact {
  label: string;
  value: string;
}

export interface Narration {
  /** One sentence: what happens. */
  summary: string;
  /** A few sentences: why, and what a real cluster does here. Shown under "Deeper". */
  detail: string;
  docs: { label: string; href: string }[];
}

/** What the pod card on the stage shows at a step. */
export interface PodCard {
  /** Where the card sits on the stage. */
  at: ComponentId;
  /** The STATUS column of `kubectl get pods` (Pending, ContainerCreating, Running, ErrImagePull, ...) or `manifest` before it exists. */
  status: string;
  /** READY column, e.g. `0/1`. */
  ready?: string;
  nodeName?: string;
  podIP?: string;
}

/** A step: one thing one component does, at one simulated time. */
export interface Step {
  /** Index in `Trace.steps`. */
  index: number;
  /** Simulated time, ms since the person pressed Apply. */
  t: number;
  component: ComponentId;
  place: Place;
  /** Short title for the timeline, e.g. `Authentication: x509 client certificate`. */
  title: string;
  outcome: Outcome;
  narration: Narration;
  /**
   * On the last step of an endless loop cut by the horizon: what a real cluster would do next, in one
   * sentence (e.g. `The kubelet pulls again in 1m20s; the back-off doubles up to 5m0s.`).
   */
  horizonNote?: string;
  facts: Fact[];
  /** Messages sent by this step (several for a watch fan-out); empty for internal work. */
  packets: Packet[];
  /** The HTTP exchange this step sends or answers (id links request and response steps). */
  http?: HttpExchange;
  /** Key of the object the step is about, e.g. `/registry/pods/default/example-pod`. */
  objectKey?: string;
  /** Changes made to that object by this step (admission mutations, defaults, binding, status). */
  changes: FieldChange[];
  admission?: AdmissionRecord[];
  scheduling?: SchedulingResult;
  pod: PodCard;
  /**
   * Snapshots after this step (structurally shared between steps; never mutate):
   * the objects as stored in etcd, keyed by etcd key; every Event so far; both terminals.
   */
  stored: Readonly<Record<string, unknown>>;
  /** The object the step is about as it stands after the step (may be not yet stored, e.g. during admission). */
  object?: unknown;
  events: readonly KubeEvent[];
  terminal: readonly TerminalLine[];
}

export interface TraceNode {
  name: string;
  role: 'control-plane' | 'worker';
  internalIP: string;
  podCIDR: string;
}

export interface Trace {
  version: typeof KUBERNETES_VERSION;
  scenarioId: string;
  steps: Step[];
  /** The nodes, for drawing the stage. */
  nodes: TraceNode[];
  /** How the journey ended. */
  result: {
    outcome: 'running' | 'rejected' | 'pending' | 'failed' | 'waiting';
    /** One line, e.g. `Running on worker-2 with IP 10.244.2.4`. */
    summary: string;
    /** True when the run stopped at the horizon with work still pending (back-off loops). */
    horizonReached: boolean;
    /** What a real cluster would do next, when the horizon cut a loop (the last step's horizonNote). */
    next?: string;
    /** Simulated ms at the last step. */
    duration: number;
  };
}
