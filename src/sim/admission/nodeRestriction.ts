/**
 * NodeRestriction (k/k plugin/pkg/admission/noderestriction/admission.go), enabled by kubeadm: a kubelet
 * may only update the status of pods bound to its own node, and may not change their labels that way.
 */
import { nodeIdentity } from '../authn';
import { forbiddenStatus } from '../status';
import { admissionForbiddenName, isPodRequest, type AdmissionPlugin } from './types';

export const nodeRestriction: AdmissionPlugin = {
  name: 'NodeRestriction',
  admit(a) {
    const { isNode, nodeName } = nodeIdentity(a.user);
    if (!isNode) return { verdict: 'skipped', note: 'The request is not from a node.' };
    if (!isPodRequest(a) || a.subresource !== 'status' || a.operation !== 'UPDATE') {
      return { verdict: 'allowed', note: `Node ${nodeName}: nothing to restrict for this request.` };
    }
    const old = a.oldObject;
    const boundTo = (old?.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
    const name = admissionForbiddenName(a);
    if (boundTo !== nodeName) {
      return {
        verdict: 'denied',
        note: `The pod is not bound to ${nodeName}.`,
        denied: forbiddenStatus(
          a.resource,
          name,
          `node "${nodeName}" can only update pod status for pods with spec.nodeName set to itself`,
        ),
      };
    }
    const labels = (o: typeof old) => JSON.stringify(Object.entries(o?.metadata.labels ?? {}).sort());
    if (labels(old) !== labels(a.object)) {
      return {
        verdict: 'denied',
        note: 'Labels cannot change through pod status.',
        denied: forbiddenStatus(a.resource, name, `node "${nodeName}" cannot update labels through pod status`),
      };
    }
    return { verdict: 'allowed', note: `The pod is bound to ${nodeName}, the node sending the update.` };
  },
};
