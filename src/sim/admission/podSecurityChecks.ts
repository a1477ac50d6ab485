/**
 * Pod Security Standards checks (pod-security-admission@v0.33.0 policy/check_*.go), for the fields a
 * learner's pod is likely to set. Each returns the ForbiddenReason and ForbiddenDetail of a failing
 * check; the detail wording (pluralised, names quoted and joined with ", ") is upstream's.
 */

type Obj = Record<string, unknown>;
export interface CheckFailure {
  reason: string;
  detail: string;
}
export interface Check {
  id: string;
  level: 'baseline' | 'restricted';
  /** Restricted checks that replace a baseline check of the same subject. */
  overrides?: string[];
  run(spec: Obj): CheckFailure | undefined;
}

const pluralize = (one: string, many: string, n: number) => (n === 1 ? one : many);
const joinQuote = (items: readonly string[]) => items.map((i) => JSON.stringify(i)).join(', ');
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const rec = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
const sorted = (s: Set<string>) => [...s].sort();

/** visitContainers: init containers, containers, ephemeral containers. */
function containers(spec: Obj): Obj[] {
  return [...list(spec.initContainers), ...list(spec.containers), ...list(spec.ephemeralContainers)];
}
const sc = (c: Obj) => rec(c.securityContext);
const name = (c: Obj) => String(c.name ?? '');

/** check_capabilities_baseline.go: capabilities_allowed_1_0 */
const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);
/** check_restrictedVolumes.go: the volume types restricted pods may use. */
const RESTRICTED_VOLUME_TYPES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);
const validSeccomp = (t: unknown) => t === 'RuntimeDefault' || t === 'Localhost';

export const CHECKS: readonly Check[] = [
  {
    id: 'capabilities_baseline',
    level: 'baseline',
    run(spec) {
      const bad: string[] = [];
      const caps = new Set<string>();
      for (const c of containers(spec)) {
        const added = list(rec(sc(c)?.capabilities)?.add)
          .map(String)
          .filter((cap) => !BASELINE_CAPABILITIES.has(cap));
        if (added.length) bad.push(name(c));
        added.forEach((cap) => caps.add(cap));
      }
      if (!bad.length) return undefined;
      return {
        reason: 'non-default capabilities',
        detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not include ${joinQuote(sorted(caps))} in securityContext.capabilities.add`,
      };
    },
  },
  {
    id: 'hostNamespaces',
    level: 'baseline',
    run(spec) {
      const set = (['hostNetwork', 'hostPID', 'hostIPC'] as const)
        .filter((f) => spec[f] === true)
        .map((f) => `${f}=true`);
      return set.length ? { reason: 'host namespaces', detail: set.join(', ') } : undefined;
    },
  },
  {
    id: 'hostPathVolumes',
    level: 'baseline',
    run(spec) {
      const bad = list(spec.volumes)
        .filter((v) => rec(v.hostPath))
        .map((v) => String(v.name));
      return bad.length
        ? { reason: 'hostPath volumes', detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)}` }
        : undefined;
    },
  },
  {
    id: 'hostPorts',
    level: 'baseline',
    run(spec) {
      const bad: string[] = [];
      const ports = new Set<string>();
      for (const c of containers(spec)) {
        const host = list(c.ports)
          .map((p) => Number(p.hostPort ?? 0))
          .filter((p) => p !== 0);
        if (host.length) bad.push(name(c));
        host.forEach((p) => ports.add(String(p)));
      }
      if (!bad.length) return undefined;
      return {
        reason: 'hostPort',
        detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', ports.size)} ${sorted(ports).join(', ')}`,
      };
    },
  },
  {
    id: 'privileged',
    level: 'baseline',
    run(spec) {
      const bad = containers(spec)
        .filter((c) => sc(c)?.privileged === true)
        .map(name);
      return bad.length
        ? {
            reason: 'privileged',
            detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not set securityContext.privileged=true`,
          }
        : undefined;
    },
  },
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    run(spec) {
      const bad = containers(spec)
        .filter((c) => sc(c)?.allowPrivilegeEscalation !== false)
        .map(name);
      return bad.length
        ? {
            reason: 'allowPrivilegeEscalation != false',
            detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must set securityContext.allowPrivilegeEscalation=false`,
          }
        : undefined;
    },
  },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    overrides: ['capabilities_baseline'],
    run(spec) {
      const missingDropAll: string[] = [];
      const adding: string[] = [];
      const forbidden = new Set<string>();
      for (const c of containers(spec)) {
        const caps = rec(sc(c)?.capabilities);
        if (!caps) {
          missingDropAll.push(name(c));
          continue;
        }
        if (!list(caps.drop).map(String).includes('ALL')) missingDropAll.push(name(c));
        const added = list(caps.add)
          .map(String)
          .filter((cap) => cap !== 'NET_BIND_SERVICE');
        if (added.length) adding.push(name(c));
        added.forEach((cap) => forbidden.add(cap));
      }
      const details: string[] = [];
      if (missingDropAll.length)
        details.push(
          `${pluralize('container', 'containers', missingDropAll.length)} ${joinQuote(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`,
        );
      if (adding.length)
        details.push(
          `${pluralize('container', 'containers', adding.length)} ${joinQuote(adding)} must not include ${joinQuote(sorted(forbidden))} in securityContext.capabilities.add`,
        );
      return details.length ? { reason: 'unrestricted capabilities', detail: details.join('; ') } : undefined;
    },
  },
  {
    id: 'restrictedVolumes',
    level: 'restricted',
    overrides: ['hostPathVolumes'],
    run(spec) {
      const bad: string[] = [];
      const types = new Set<string>();
      for (const v of list(spec.volumes)) {
        const used = Object.keys(v).filter((k) => k !== 'name' && !RESTRICTED_VOLUME_TYPES.has(k));
        if (used.length) bad.push(String(v.name));
        used.forEach((t) => types.add(t));
      }
      if (!bad.length) return undefined;
      return {
        reason: 'restricted volume types',
        detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('restricted volume type', 'restricted volume types', types.size)} ${joinQuote(sorted(types))}`,
      };
    },
  },
  {
    id: 'runAsNonRoot',
    level: 'restricted',
    run(spec) {
      const badSetters: string[] = [];
      const podValue = rec(spec.securityContext)?.runAsNonRoot;
      if (podValue === false) badSetters.push('pod');
      const explicit: string[] = [];
      const implicit: string[] = [];
      for (const c of containers(spec)) {
        const v = sc(c)?.runAsNonRoot;
        if (typeof v === 'boolean') {
          if (!v) explicit.push(name(c));
        } else if (podValue !== true) implicit.push(name(c));
      }
      if (explicit.length)
        badSetters.push(`${pluralize('container', 'containers', explicit.length)} ${joinQuote(explicit)}`);
      if (badSetters.length)
        return {
          reason: 'runAsNonRoot != true',
          detail: `${badSetters.join(' and ')} must not set securityContext.runAsNonRoot=false`,
        };
      if (implicit.length)
        return {
          reason: 'runAsNonRoot != true',
          detail: `pod or ${pluralize('container', 'containers', implicit.length)} ${joinQuote(implicit)} must set securityContext.runAsNonRoot=true`,
        };
      return undefined;
    },
  },
  {
    id: 'runAsUser',
    level: 'restricted',
    run(spec) {
      const badSetters: string[] = [];
      if (rec(spec.securityContext)?.runAsUser === 0) badSetters.push('pod');
      const bad = containers(spec)
        .filter((c) => sc(c)?.runAsUser === 0)
        .map(name);
      if (bad.length) badSetters.push(`${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)}`);
      return badSetters.length
        ? { reason: 'runAsUser=0', detail: `${badSetters.join(' and ')} must not set runAsUser=0` }
        : undefined;
    },
  },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    run(spec) {
      const badSetters: string[] = [];
      const podType = rec(rec(spec.securityContext)?.seccompProfile)?.type;
      const podSet = podType !== undefined && validSeccomp(podType);
      if (podType !== undefined && !podSet)
        badSetters.push(`pod must not set securityContext.seccompProfile.type to ${JSON.stringify(podType)}`);
      const explicit: string[] = [];
      const badTypes = new Set<string>();
      const implicit: string[] = [];
      for (const c of containers(spec)) {
        const t = rec(sc(c)?.seccompProfile)?.type;
        if (t !== undefined) {
          if (!validSeccomp(t)) {
            explicit.push(name(c));
            badTypes.add(String(t));
          }
        } else if (!podSet) implicit.push(name(c));
      }
      if (explicit.length)
        badSetters.push(
          `${pluralize('container', 'containers', explicit.length)} ${joinQuote(explicit)} must not set securityContext.seccompProfile.type to ${joinQuote(sorted(badTypes))}`,
        );
      if (implicit.length)
        badSetters.push(
          `pod or ${pluralize('container', 'containers', implicit.length)} ${joinQuote(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
        );
      return badSetters.length ? { reason: 'seccompProfile', detail: badSetters.join('; ') } : undefined;
    },
  },
];

/**
 * The checks of a level in evaluation order (policy/registry.go): baseline IDs sorted, then for
 * `restricted` the restricted IDs sorted, minus the baseline checks they override.
 */
export function checksFor(level: 'baseline' | 'restricted'): Check[] {
  const byId = (a: Check, b: Check) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const baseline = CHECKS.filter((c) => c.level === 'baseline').sort(byId);
  if (level === 'baseline') return baseline;
  const restricted = CHECKS.filter((c) => c.level === 'restricted').sort(byId);
  const overridden = new Set(restricted.flatMap((c) => c.overrides ?? []));
  return [...baseline.filter((c) => !overridden.has(c.id)), ...restricted];
}

/** AggregateCheckResult.ForbiddenDetail: `reason (detail), reason (detail)`. */
export function evaluateLevel(spec: Obj, level: 'baseline' | 'restricted'): string | undefined {
  const failures = checksFor(level)
    .map((c) => c.run(spec))
    .filter((f): f is CheckFailure => !!f);
  return failures.length
    ? failures.map((f) => (f.detail ? `${f.reason} (${f.detail})` : f.reason)).join(', ')
    : undefined;
}
