/**
 * TaintNodesByCondition (k/k plugin/pkg/admission/nodetaint/admission.go, Admit): a Node created
 * through the API gets the taint `node.kubernetes.io/not-ready:NoSchedule` unless it already has it,
 * so no pod lands on it before the node lifecycle controller has seen it Ready (and removes the taint).
 */
import type { AdmissionPlugin } from './types';

type Obj = Record<string, unknown>;

/** v1.TaintNodeNotReady with effect NoSchedule, as addNotReadyTaint appends it. */
export const NOT_READY_TAINT = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' } as const;

export const taintNodesByCondition: AdmissionPlugin = {
  name: 'TaintNodesByCondition',
  admit(a) {
    if (a.resource.group !== '' || a.resource.resource !== 'nodes' || a.subresource !== '')
      return { verdict: 'skipped', note: 'Only Nodes are tainted.' };
    if (a.operation !== 'CREATE') return { verdict: 'allowed', note: 'Only a newly created Node is tainted.' };
    const spec = (a.object.spec ?? {}) as Obj;
    const taints = Array.isArray(spec.taints) ? (spec.taints as Obj[]) : [];
    // Taint.MatchTaint: same key and effect
    if (taints.some((t) => t.key === NOT_READY_TAINT.key && t.effect === NOT_READY_TAINT.effect))
      return { verdict: 'allowed', note: 'The Node already has the not-ready taint.' };
    return {
      verdict: 'allowed',
      note: 'A new Node is tainted not-ready:NoSchedule until the node lifecycle controller sees it Ready.',
      object: { ...a.object, spec: { ...spec, taints: [...taints, { ...NOT_READY_TAINT }] } },
    };
  },
};
