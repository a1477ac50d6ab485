import { describe, expect, it } from 'vitest';
import type { Container } from 'kubernetes-types/core/v1';
import { defaultImages } from '@scenarios';
import type { ImageBehavior, KubeObject } from '../scenario';
import { boundPod, storedPod, TEST_UID } from '../scheduler/testPod';
import {
  changedContainers,
  containerConfigError,
  containerDefinitionChanged,
  containerExit,
  formatPod,
  volumeSetUpError,
} from './containers';

const images = (behavior: ImageBehavior) => {
  const i = defaultImages();
  i.registry['nginx:1.27'] = { ...i.registry['nginx:1.27']!, behavior };
  return i;
};
const nginx = (extra: Partial<Container> = {}): Container => ({ name: 'web', image: 'nginx:1.27', ...extra });

describe('what a started container does (the image behaviour)', () => {
  it.each<[string, ImageBehavior, Partial<Container>, ReturnType<typeof containerExit>]>([
    ['no behaviour: runs forever', {}, {}, undefined],
    [
      'exit 0',
      { exit: { code: 0, afterMs: 4000 } },
      {},
      {
        afterMs: 4000,
        exitCode: 0,
        reason: 'Completed',
        why: "the image's behaviour in the cluster's ImageRegistry says it exits with code 0 after 4 s",
      },
    ],
    [
      'exit 1',
      { exit: { code: 1, afterMs: 2000 } },
      {},
      {
        afterMs: 2000,
        exitCode: 1,
        reason: 'Error',
        why: "the image's behaviour in the cluster's ImageRegistry says it exits with code 1 after 2 s",
      },
    ],
    [
      'memory above the limit',
      { memoryBytes: 200_000_000 },
      { resources: { limits: { memory: '128Mi' } } },
      {
        afterMs: 1500,
        exitCode: 137,
        reason: 'OOMKilled',
        why: "the image's behaviour in the cluster's ImageRegistry says it grows to 200000000 bytes, above the container's memory limit 128Mi (134217728 bytes)",
      },
    ],
    ['memory without a limit', { memoryBytes: 200_000_000 }, {}, undefined],
  ])('%s', (_, behavior, extra, exit) => {
    expect(containerExit(images(behavior), nginx(extra))).toEqual(exit);
  });
});

describe('container config from ConfigMaps and Secrets (makeEnvironmentVariables)', () => {
  const pod = boundPod('worker-1', storedPod());
  const cm: KubeObject = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'app', namespace: 'default' },
    data: { mode: 'x' },
  };
  const secret: KubeObject = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'default' },
    data: { password: 'cA==' },
  };
  it.each<[string, Partial<Container>, string | undefined]>([
    ['key present', { env: [{ name: 'M', valueFrom: { configMapKeyRef: { name: 'app', key: 'mode' } } }] }, undefined],
    [
      'ConfigMap missing',
      { env: [{ name: 'M', valueFrom: { configMapKeyRef: { name: 'nope', key: 'mode' } } }] },
      'configmap "nope" not found',
    ],
    [
      'ConfigMap key missing',
      { env: [{ name: 'M', valueFrom: { configMapKeyRef: { name: 'app', key: 'other' } } }] },
      "couldn't find key other in ConfigMap default/app",
    ],
    [
      'Secret missing',
      { env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'nope', key: 'password' } } }] },
      'secret "nope" not found',
    ],
    [
      'Secret key missing',
      { env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'user' } } }] },
      "couldn't find key user in Secret default/db",
    ],
    [
      'optional reference',
      { env: [{ name: 'M', valueFrom: { configMapKeyRef: { name: 'nope', key: 'mode', optional: true } } }] },
      undefined,
    ],
    ['envFrom a missing ConfigMap', { envFrom: [{ configMapRef: { name: 'nope' } }] }, 'configmap "nope" not found'],
  ])('%s', (_, extra, error) => {
    expect(containerConfigError(pod, nginx(extra), [cm, secret])).toBe(error);
  });
});

describe('volume set-up', () => {
  it('a configMap or secret volume needs its object; optional ones do not', () => {
    const pod = boundPod(
      'worker-1',
      storedPod({
        spec: {
          volumes: [
            { name: 'config', configMap: { name: 'app' } },
            { name: 'creds', secret: { secretName: 'db' } },
            { name: 'maybe', configMap: { name: 'x', optional: true } },
          ],
        },
      }),
    );
    expect(volumeSetUpError(pod, 'config', [])).toBe('configmap "app" not found');
    expect(volumeSetUpError(pod, 'creds', [])).toBe('secret "db" not found');
    expect(volumeSetUpError(pod, 'maybe', [])).toBeUndefined();
  });

  it('format.Pod names a pod name_namespace(uid)', () => {
    expect(formatPod(boundPod('worker-1'))).toBe(`example-pod_default(${TEST_UID})`);
  });
});

describe('a container definition that changed (the hash covers name and image)', () => {
  it.each<[string, Partial<Container>, boolean]>([
    ['same spec', {}, false],
    ['a new image', { image: 'nginx:1.28' }, true],
    [
      'the same image written differently still differs (the spec string is hashed)',
      { image: 'docker.io/library/nginx:1.27' },
      true,
    ],
    ['env is not part of the hash', { env: [{ name: 'A', value: 'b' }] }, false],
    ['resources are not part of the hash', { resources: { limits: { cpu: '1' } } }, false],
  ])('%s', (_, change, changed) => {
    expect(containerDefinitionChanged(nginx(), nginx(change))).toBe(changed);
  });

  it('names the init and regular containers whose image an update changed', () => {
    const before = storedPod({ containers: [{ name: 'web' }, { name: 'side', image: 'busybox:1.36' }] });
    before.spec!.initContainers = [{ name: 'init', image: 'busybox:1.36' }];
    const after = structuredClone(before);
    after.spec!.initContainers![0]!.image = 'busybox:1.37';
    after.spec!.containers[1]!.image = 'busybox:1.37';
    expect(changedContainers(before, after)).toEqual(['init', 'side']);
    expect(changedContainers(before, structuredClone(before))).toEqual([]);
  });
});
