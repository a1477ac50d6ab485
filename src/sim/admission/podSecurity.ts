/**
 * PodSecurity (pod-security-admission@v0.33.0 admission/admission.go), validating: the namespace's
 * `pod-security.kubernetes.io/enforce|warn|audit` labels pick a level; a namespace without labels
 * gets the configured default, `privileged`, which allows everything. An enforce violation is a 403
 * `violates PodSecurity "<level>:<version>": ...`; a warn violation becomes a warning on the response.
 */
import { forbiddenStatus } from '../status';
import { evaluateLevel } from './podSecurityChecks';
import { admissionForbiddenName, isPodRequest, type AdmissionPlugin } from './types';

const LABEL = 'pod-security.kubernetes.io/';
type Level = 'privileged' | 'baseline' | 'restricted';
const LEVELS: readonly string[] = ['privileged', 'baseline', 'restricted'];

/** The level and version a mode resolves to (api.ParseLevel; unset → the default `privileged:latest`). */
function policy(
  labels: Record<string, string>,
  mode: 'enforce' | 'warn' | 'audit',
): { level: Level; version: string; fromLabel: boolean } {
  const raw = labels[`${LABEL}${mode}`];
  const version = labels[`${LABEL}${mode}-version`] ?? 'latest';
  if (raw !== undefined && LEVELS.includes(raw)) return { level: raw as Level, version, fromLabel: true };
  return { level: 'privileged', version: 'latest', fromLabel: false };
}

export const podSecurity: AdmissionPlugin = {
  name: 'PodSecurity',
  validate(a, { cluster }) {
    if (!isPodRequest(a) || a.subresource !== '' || a.operation !== 'CREATE')
      return { verdict: 'skipped', note: 'Only pod creation is evaluated here.' };
    const labels = cluster.get('Namespace', undefined, a.namespace)?.metadata.labels ?? {};
    const enforce = policy(labels, 'enforce');
    const warn = policy(labels, 'warn');
    const spec = (a.object.spec ?? {}) as Record<string, unknown>;
    const levelName = (p: { level: Level; version: string }) => `${p.level}:${p.version}`;
    if (enforce.level !== 'privileged') {
      const violation = evaluateLevel(spec, enforce.level);
      if (violation) {
        const err = `violates PodSecurity ${JSON.stringify(levelName(enforce))}: ${violation}`;
        return { verdict: 'denied', note: err, denied: forbiddenStatus(a.resource, admissionForbiddenName(a), err) };
      }
    }
    const warnings: string[] = [];
    if (warn.level !== 'privileged') {
      const violation = evaluateLevel(spec, warn.level);
      if (violation) warnings.push(`would violate PodSecurity ${JSON.stringify(levelName(warn))}: ${violation}`);
    }
    const source = enforce.fromLabel ? `its ${LABEL}enforce label` : 'no pod-security labels, so the default';
    const note = `Namespace ${a.namespace} has ${source}: enforce level ${levelName(enforce)}${enforce.level === 'privileged' ? ', which allows every pod' : ', which the pod meets'}.`;
    return { verdict: 'allowed', note, ...(warnings.length ? { warnings } : {}) };
  },
};
