/**
 * TaintNodesByCondition (k/k plugin/pkg/admission/nodetaint/admission.go): taints a newly registered
 * Node `node.kubernetes.io/not-ready:NoSchedule`. It only looks at Node creation.
 */
import type { AdmissionPlugin } from './types';

export const taintNodesByCondition: AdmissionPlugin = {
  name: 'TaintNodesByCondition',
  admit(a) {
    if (
      a.resource.group === '' &&
      a.resource.resource === 'nodes' &&
      a.operation === 'CREATE' &&
      a.subresource === ''
    ) {
      return { verdict: 'skipped', note: 'Node registration is not simulated.' };
    }
    return { verdict: 'skipped', note: 'Only Node creation is handled.' };
  },
};
