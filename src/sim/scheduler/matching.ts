/**
 * Taint/toleration and node-selector matching, shared by the scheduler's filters and scores and the
 * kubelet's admission.
 */
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';

/** k8s.io/api core/v1 toleration.go ToleratesTaint (an empty operator means Equal). */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/**
 * The first taint (in node order) whose effect passes `effects` and that no toleration tolerates
 * (component-helpers scheduling/corev1 helpers.go FindMatchingUntoleratedTaint).
 */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  effects: readonly string[],
): Taint | undefined {
  return taints.find((taint) => effects.includes(taint.effect) && !tolerations.some((t) => toleratesTaint(t, taint)));
}

function matchRequirement(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      // component-helpers nodeaffinity: both sides must parse as integers.
      if (value === undefined || values.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0]!))
        return false;
      const [a, b] = [Number(value), Number(values[0])];
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** A term matches when all its label expressions and field expressions match; an empty term matches nothing. */
export function matchNodeSelectorTerm(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  return (
    exprs.every((r) => matchRequirement(r, labels[r.key])) &&
    // only metadata.name is a supported field (validation rejects others)
    fields.every((r) => r.key === 'metadata.name' && matchRequirement(r, node.metadata?.name))
  );
}

/**
 * The pod's hard node constraints: `spec.nodeSelector` (every label equal) and
 * `requiredDuringSchedulingIgnoredDuringExecution` (any term) — component-helpers nodeaffinity
 * GetRequiredNodeAffinity(pod).Match(node).
 */
export function matchesRequiredNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  const selector = pod.spec?.nodeSelector ?? {};
  if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return required.nodeSelectorTerms.some((t) => matchNodeSelectorTerm(t, node));
}

export function hasRequiredNodeConstraints(pod: Pod): boolean {
  return (
    pod.spec?.nodeSelector !== undefined ||
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution !== undefined
  );
}

/** Sum of the weights of the preferred terms that match the node (PreferredSchedulingTerms.Score). */
export function preferredNodeAffinityScore(pod: Pod, node: Node): number {
  const terms = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return terms.reduce((sum, t) => (matchNodeSelectorTerm(t.preference, node) ? sum + t.weight : sum), 0);
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/**
 * apimachinery metav1.LabelSelectorAsSelector(...).Matches(labels). An empty selector matches
 * everything; callers that treat an empty selector as "nothing" check for it first.
 */
export function matchLabelSelector(selector: LabelSelector, labels: Record<string, string>): boolean {
  const eq = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  return (
    eq &&
    (selector.matchExpressions ?? []).every((e) => {
      const v = labels[e.key];
      switch (e.operator) {
        case 'In':
          return v !== undefined && (e.values ?? []).includes(v);
        case 'NotIn':
          return v === undefined || !(e.values ?? []).includes(v);
        case 'Exists':
          return v !== undefined;
        case 'DoesNotExist':
          return v === undefined;
        default:
          return false;
      }
    })
  );
}
