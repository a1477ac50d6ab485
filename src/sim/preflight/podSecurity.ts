/**
 * The fields behind a PodSecurity verdict. The admission plugin words the violation for the whole
 * pod; here each failing check (the plugin's own, policy/check_*.go) is run again on one container,
 * one volume or the pod alone to find which fields it objects to, so each gets its marker.
 */
import { checksFor, type Check } from '../admission/podSecurityChecks';
import type { ManifestDocument, QuickFix } from '../manifest';
import { securityContextFix, setValueFix } from './fixes';

type Obj = Record<string, unknown>;

/** The field each check reads in a container and in the pod's own securityContext. */
const CHECK_FIELDS: Record<string, { container?: string; pod?: string[] }> = {
  capabilities_baseline: { container: 'securityContext.capabilities.add' },
  capabilities_restricted: { container: 'securityContext.capabilities' },
  hostNamespaces: { pod: ['spec.hostNetwork', 'spec.hostPID', 'spec.hostIPC'] },
  hostPorts: { container: 'ports' },
  privileged: { container: 'securityContext.privileged' },
  allowPrivilegeEscalation: { container: 'securityContext.allowPrivilegeEscalation' },
  runAsNonRoot: { container: 'securityContext.runAsNonRoot', pod: ['spec.securityContext.runAsNonRoot'] },
  runAsUser: { container: 'securityContext.runAsUser', pod: ['spec.securityContext.runAsUser'] },
  seccompProfile_restricted: {
    container: 'securityContext.seccompProfile',
    pod: ['spec.securityContext.seccompProfile'],
  },
};

/** What a container lacks for a restricted check, as securityContext lines, when it is missing outright. */
const MISSING_SETTING: Record<string, string[]> = {
  allowPrivilegeEscalation: ['allowPrivilegeEscalation: false'],
  runAsNonRoot: ['runAsNonRoot: true'],
  capabilities_restricted: ['capabilities:', '  drop: ["ALL"]'],
  seccompProfile_restricted: ['seccompProfile:', '  type: RuntimeDefault'],
};

/** A wrong value a fix sets right. */
const RIGHT_VALUE: Record<string, string> = {
  privileged: 'false',
  allowPrivilegeEscalation: 'false',
  runAsNonRoot: 'true',
};

export interface Offence {
  path: string;
  /** The field is not written: the marker goes to the container's `name:`. */
  absent: boolean;
  fixes: QuickFix[];
}

const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** The level named in the plugin's text: `violates PodSecurity "restricted:latest"` → restricted. */
export const levelOf = (text: string): 'baseline' | 'restricted' | undefined =>
  /PodSecurity "(baseline|restricted):/.exec(text)?.[1] as 'baseline' | 'restricted' | undefined;

function containerOffences(check: Check, spec: Obj, doc: ManifestDocument, lines: readonly string[]): Offence[] {
  const field = CHECK_FIELDS[check.id]?.container;
  if (!field) return [];
  const out: Offence[] = [];
  for (const key of ['initContainers', 'containers'] as const) {
    list(spec[key]).forEach((c, i) => {
      const alone = { ...spec, initContainers: [], containers: [], ephemeralContainers: [], volumes: [], [key]: [c] };
      if (!check.run(alone)) return;
      const container = `spec.${key}[${i}]`;
      const path = `${container}.${field}`;
      const absent = doc.ranges[path] === undefined;
      const right = RIGHT_VALUE[check.id];
      const missing = MISSING_SETTING[check.id];
      const fixes = absent
        ? missing && doc.ranges[`${container}.securityContext.${field.split('.')[1]}`] === undefined
          ? securityContextFix(doc, container, missing, lines)
          : []
        : right
          ? setValueFix(doc, path, lines, right)
          : [];
      out.push({ path, absent, fixes });
    });
  }
  return out;
}

function podOffences(check: Check, spec: Obj, doc: ManifestDocument): Offence[] {
  if (check.id === 'hostPathVolumes' || check.id === 'restrictedVolumes') {
    return list(spec.volumes).flatMap((v, i) =>
      check.run({ volumes: [v] }) ? [{ path: `spec.volumes[${i}]`, absent: false, fixes: [] }] : [],
    );
  }
  const paths = CHECK_FIELDS[check.id]?.pod ?? [];
  // the pod's own settings, without containers: does the check still fail?
  const podAlone = { ...spec, initContainers: [], containers: [], ephemeralContainers: [] };
  const written = paths.filter((p) => doc.ranges[p] !== undefined);
  if (check.id !== 'hostNamespaces' && !check.run(podAlone)) return [];
  return written
    .filter((p) => check.id !== 'hostNamespaces' || spec[p.slice('spec.'.length)] === true)
    .map((path) => ({ path, absent: false, fixes: [] }));
}

/** Every field of the pod's spec that a check of `level` objects to. */
export function podSecurityOffences(
  spec: Obj,
  level: 'baseline' | 'restricted',
  doc: ManifestDocument,
  lines: readonly string[],
): Offence[] {
  return checksFor(level)
    .filter((c) => c.run(spec))
    .flatMap((c) => [...podOffences(c, spec, doc), ...containerOffences(c, spec, doc, lines)]);
}
