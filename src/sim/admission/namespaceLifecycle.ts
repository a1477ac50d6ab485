/**
 * NamespaceLifecycle (apiserver@v0.33.0 pkg/admission/plugin/namespace/lifecycle/admission.go, Admit):
 * no new content in a namespace that does not exist (the NotFound of the live lookup, unchanged: 404)
 * or that is being terminated (403 with a NamespaceTerminating cause).
 */
import { NAMESPACES, PODS } from '../apiResources';
import { forbiddenStatus, notFoundStatus } from '../status';
import { admissionForbiddenName, type AdmissionPlugin } from './types';

/** missingNamespaceWait: time the plugin gives its informer to see a namespace it does not know yet. */
export const MISSING_NAMESPACE_WAIT_MS = 50;

export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  admit(a, { cluster }) {
    if (!a.namespace) return { verdict: 'skipped', note: 'The object is not namespaced.' };
    const ns = cluster.get('Namespace', undefined, a.namespace);
    if (!ns) {
      return {
        verdict: 'denied',
        note: `Namespace "${a.namespace}" is neither in the informer cache (after a ${MISSING_NAMESPACE_WAIT_MS} ms wait) nor in storage.`,
        denied: notFoundStatus(NAMESPACES, a.namespace),
        waitMs: MISSING_NAMESPACE_WAIT_MS,
      };
    }
    const phase = (ns.status as { phase?: string } | undefined)?.phase;
    if (a.operation === 'CREATE' && phase === 'Terminating') {
      const status = forbiddenStatus(
        a.resource.resource ? a.resource : PODS,
        admissionForbiddenName(a),
        `unable to create new content in namespace ${a.namespace} because it is being terminated`,
      );
      status.details!.causes = [
        {
          reason: 'NamespaceTerminating',
          message: `namespace ${a.namespace} is being terminated`,
          field: 'metadata.namespace',
        },
      ];
      return { verdict: 'denied', note: `Namespace "${a.namespace}" is being terminated.`, denied: status };
    }
    return { verdict: 'allowed', note: `Namespace "${a.namespace}" exists and is ${phase ?? 'Active'}.` };
  },
};
