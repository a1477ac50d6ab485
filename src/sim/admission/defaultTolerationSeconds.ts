/**
 * DefaultTolerationSeconds (k/k plugin/pkg/admission/defaulttolerationseconds/admission.go): unless the
 * pod already tolerates them, it may stay 300 s on a node that becomes not-ready or unreachable
 * (`--default-not-ready-toleration-seconds`, `--default-unreachable-toleration-seconds`), not-ready first.
 */
import { cloneJson } from '../diff';
import { isPodRequest, type AdmissionPlugin } from './types';

type Obj = Record<string, unknown>;

export const NOT_READY_TOLERATION = {
  key: 'node.kubernetes.io/not-ready',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
};
export const UNREACHABLE_TOLERATION = {
  key: 'node.kubernetes.io/unreachable',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
};

/** A toleration with this key (or no key) and NoExecute (or no effect) covers the taint. */
const covers = (t: Obj, key: string) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect);

export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  admit(a) {
    if (!isPodRequest(a) || a.subresource !== '')
      return { verdict: 'skipped', note: 'Only pods proper get default tolerations.' };
    const pod = cloneJson(a.object);
    const spec = (pod.spec ??= {}) as Obj;
    const tolerations = Array.isArray(spec.tolerations) ? (spec.tolerations as Obj[]) : [];
    const added = [NOT_READY_TOLERATION, UNREACHABLE_TOLERATION].filter(
      (d) => !tolerations.some((t) => covers(t, d.key)),
    );
    if (added.length === 0)
      return { verdict: 'allowed', note: 'The pod already tolerates not-ready and unreachable nodes.' };
    spec.tolerations = [...tolerations, ...added.map((t) => ({ ...t }))];
    return {
      verdict: 'allowed',
      note: `Added ${added.map((t) => `${t.key}:NoExecute for ${t.tolerationSeconds}s`).join(' and ')}.`,
      object: pod,
    };
  },
};
