/**
 * ServiceAccount (k/k plugin/pkg/admission/serviceaccount/admission.go): on pod create it defaults
 * `serviceAccountName` to `default`, checks that the account exists, mounts a projected API token
 * volume `kube-api-access-<5 random>` into every container (unless the pod or the account opts out),
 * and copies the account's imagePullSecrets when the pod has none.
 */
import { cloneJson } from '../diff';
import { forbiddenStatus } from '../status';
import type { KubeObject } from '../scenario';
import { admissionForbiddenName, isPodRequest, type AdmissionPlugin } from './types';

/** DefaultAPITokenMountPath */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** ServiceAccountVolumeName, completed by names.SimpleNameGenerator with 5 random characters. */
const VOLUME_PREFIX = 'kube-api-access-';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds = 1h + 7s. */
export const TOKEN_EXPIRATION_SECONDS = 3607;

/** TokenVolumeSource(): token, the cluster CA and the namespace, with defaultMode 0644 set explicitly. */
export function tokenVolume(name: string): Record<string, unknown> {
  return {
    name,
    projected: {
      sources: [
        { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
          },
        },
      ],
      defaultMode: 420,
    },
  };
}

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** shouldAutomount: the pod's setting wins, then the account's, then true. */
function shouldAutomount(sa: KubeObject, spec: Obj): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  if (typeof sa.automountServiceAccountToken === 'boolean') return sa.automountServiceAccountToken;
  return true;
}

export const serviceAccount: AdmissionPlugin = {
  name: 'ServiceAccount',
  admit(a, { cluster, rng }) {
    if (!isPodRequest(a) || a.subresource !== '' || a.operation !== 'CREATE') {
      return { verdict: 'skipped', note: 'Only pod creation is mutated.' };
    }
    const pod = cloneJson(a.object);
    const spec = (pod.spec ??= {}) as Obj;
    if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) {
      return { verdict: 'skipped', note: 'Mirror pods are not mutated.' };
    }
    if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
    const saName = String(spec.serviceAccountName);
    const sa = cluster.get('ServiceAccount', a.namespace, saName);
    if (!sa) {
      return {
        verdict: 'denied',
        note: `ServiceAccount ${a.namespace}/${saName} does not exist.`,
        denied: forbiddenStatus(
          a.resource,
          admissionForbiddenName(a),
          `error looking up service account ${a.namespace}/${saName}: serviceaccount "${saName}" not found`,
        ),
      };
    }
    const notes = [`serviceAccountName is ${saName}.`];
    if (shouldAutomount(sa, spec)) {
      const volumes = list(spec.volumes);
      const existing = volumes.find((v) => typeof v.name === 'string' && v.name.startsWith(VOLUME_PREFIX));
      const volumeName = typeof existing?.name === 'string' ? existing.name : `${VOLUME_PREFIX}${rng.kubeString(5)}`;
      const mount = { name: volumeName, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH };
      let mounted = false;
      for (const c of [...list(spec.initContainers), ...list(spec.containers)]) {
        const mounts = list(c.volumeMounts);
        if (mounts.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue;
        c.volumeMounts = [...mounts, mount];
        mounted = true;
      }
      if (!existing && mounted) {
        spec.volumes = [...volumes, tokenVolume(volumeName)];
        notes.push(
          `Added the projected volume ${volumeName} (token, kube-root-ca.crt, namespace) and mounted it at ${SERVICE_ACCOUNT_MOUNT_PATH}.`,
        );
      }
    } else {
      notes.push('automountServiceAccountToken is false: no token volume.');
    }
    const pullSecrets = list(sa.imagePullSecrets);
    if (list(spec.imagePullSecrets).length === 0 && pullSecrets.length > 0) {
      spec.imagePullSecrets = pullSecrets.map((s) => ({ name: s.name }));
      notes.push(`Copied imagePullSecrets from ServiceAccount ${saName}.`);
    }
    return { verdict: 'allowed', note: notes.join(' '), object: pod };
  },
};
