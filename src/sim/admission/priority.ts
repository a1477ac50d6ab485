/**
 * Priority (k/k plugin/pkg/admission/priority/admission.go, admitPod): resolves
 * `priorityClassName` to `spec.priority` and `spec.preemptionPolicy`; without a class it uses the
 * globalDefault PriorityClass or, when there is none, priority 0 and PreemptLowerPriority.
 */
import { cloneJson } from '../diff';
import { forbiddenStatus } from '../status';
import type { KubeObject } from '../scenario';
import { admissionForbiddenName, isPodRequest, type AdmissionPlugin } from './types';

type Obj = Record<string, unknown>;

export const priority: AdmissionPlugin = {
  name: 'Priority',
  admit(a, { cluster }) {
    if (!isPodRequest(a) || a.subresource !== '')
      return { verdict: 'skipped', note: 'Only pods are given a priority.' };
    const pod = cloneJson(a.object);
    const spec = (pod.spec ??= {}) as Obj;
    if (a.operation === 'UPDATE') {
      // the priority set at creation is preserved on update
      const old = (a.oldObject?.spec ?? {}) as Obj;
      if (spec.priority === undefined && old.priority !== undefined) spec.priority = old.priority;
      if (spec.preemptionPolicy === undefined && old.preemptionPolicy !== undefined)
        spec.preemptionPolicy = old.preemptionPolicy;
      return { verdict: 'allowed', note: 'The priority set at creation is kept.', object: pod };
    }
    const name = a.name || admissionForbiddenName(a);
    let value: number;
    let policy: string | undefined;
    let note: string;
    const className = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
    if (!className) {
      const globalDefault = cluster
        .list('PriorityClass')
        .find((pc) => (pc as KubeObject & { globalDefault?: boolean }).globalDefault === true);
      if (globalDefault) {
        spec.priorityClassName = globalDefault.metadata.name;
        value = Number(globalDefault.value ?? 0);
        policy = globalDefault.preemptionPolicy as string | undefined;
        note = `No priorityClassName: the global default PriorityClass ${globalDefault.metadata.name} gives priority ${value}.`;
      } else {
        // scheduling.DefaultPriorityWhenNoDefaultClassExists
        value = 0;
        policy = 'PreemptLowerPriority';
        note = 'No priorityClassName and no global default PriorityClass: priority 0, PreemptLowerPriority.';
      }
    } else {
      const pc = cluster.get('PriorityClass', undefined, className);
      if (!pc) {
        return {
          verdict: 'denied',
          note: `PriorityClass ${className} does not exist.`,
          denied: forbiddenStatus(a.resource, name, `no PriorityClass with name ${className} was found`),
        };
      }
      value = Number(pc.value ?? 0);
      policy = pc.preemptionPolicy as string | undefined;
      note = `PriorityClass ${className} gives priority ${value}.`;
    }
    if (typeof spec.priority === 'number' && spec.priority !== value) {
      return {
        verdict: 'denied',
        note: 'The pod sets a priority that differs from its class.',
        denied: forbiddenStatus(
          a.resource,
          name,
          `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`,
        ),
      };
    }
    spec.priority = value;
    if (policy !== undefined) {
      if (typeof spec.preemptionPolicy === 'string' && spec.preemptionPolicy !== policy) {
        return {
          verdict: 'denied',
          note: 'The pod sets a preemptionPolicy that differs from its class.',
          denied: forbiddenStatus(
            a.resource,
            name,
            `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`,
          ),
        };
      }
      spec.preemptionPolicy = policy;
    }
    return { verdict: 'allowed', note, object: pod };
  },
};
