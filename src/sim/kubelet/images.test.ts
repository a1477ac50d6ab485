import { describe, expect, it } from 'vitest';
import { defaultImages } from '@scenarios';
import {
  effectivePullPolicy,
  formatGoDuration,
  imageID,
  imageNameError,
  normalizeImageRef,
  pullDecision,
} from './images';

describe('image references (containerd normalisation)', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['sonasingh46/node-web-app:latest', 'docker.io/sonasingh46/node-web-app:latest'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['index.docker.io/library/busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['nginx@sha256:abc', 'docker.io/library/nginx@sha256:abc'],
  ])('%s → %s', (image, name) => {
    expect(normalizeImageRef(image).name).toBe(name);
  });

  it('imageID is the repository with the manifest digest', () => {
    expect(imageID('nginx:1.27', 'sha256:6784')).toBe('docker.io/library/nginx@sha256:6784');
  });
});

describe('pull policy and decision', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['nginx@sha256:abc', 'IfNotPresent'],
  ])('default policy for %s is %s', (image, policy) => {
    expect(effectivePullPolicy({ image })).toBe(policy);
  });

  const images = defaultImages();
  images.presentOnNode['worker-1'] = [...images.presentOnNode['worker-1']!, 'docker.io/library/nginx:1.27'];
  it.each([
    ['Always pulls even when present', { image: 'nginx:1.27', imagePullPolicy: 'Always' }, 'pull'],
    [
      'IfNotPresent uses the local copy (short and full names are the same image)',
      { image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' },
      'present',
    ],
    ['IfNotPresent pulls when absent', { image: 'nginx:latest', imagePullPolicy: 'IfNotPresent' }, 'pull'],
    ['Never and absent', { image: 'busybox:1.36', imagePullPolicy: 'Never' }, 'never-absent'],
    ['a tag the registry does not have', { image: 'nginx:doesnotexist', imagePullPolicy: 'IfNotPresent' }, 'not-found'],
  ])('%s', (_, container, kind) => {
    expect(pullDecision(images, 'worker-1', container).kind).toBe(kind);
  });
});

describe('Go time.Duration formatting (pull durations, truncated to ms)', () => {
  it.each([
    [1256, '1.256s'],
    [797, '797ms'],
    [24713, '24.713s'],
    [62500, '1m2.5s'],
    [3217, '3.217s'],
    [3200, '3.2s'],
    [1000, '1s'],
    [60000, '1m0s'],
    [3_600_000, '1h0m0s'],
    [0, '0s'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
  });
});

describe('image names the kubelet cannot parse (InvalidImageName)', () => {
  it.each([
    ['nginx:1.27', undefined],
    ['registry.k8s.io/pause:3.10', undefined],
    ['localhost:5000/app', undefined],
    [
      'Sona/Bad:latest',
      'couldn\'t parse image name "Sona/Bad:latest": invalid reference format: repository name (Bad) must be lowercase',
    ],
    [
      'Nginx',
      'couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase',
    ],
    ['nginx:bad tag', 'couldn\'t parse image name "nginx:bad tag": invalid reference format'],
    ['-nginx', 'couldn\'t parse image name "-nginx": invalid reference format'],
  ])('%s', (image, error) => {
    expect(imageNameError(image)).toBe(error);
  });
});
