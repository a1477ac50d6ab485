/**
 * Image references as the container runtime sees them, the kubelet's pull decision, and the pull
 * timing the `Pulled` event reports.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { ImageFacts, RegistryImage } from '../scenario';
import type { Rng } from '../random';
import { keptPerText } from '../keptPerText';

export interface ImageRef {
  /** `docker.io/library/nginx` */
  repository: string;
  tag?: string;
  digest?: string;
  /** The name containerd stores and reports: `docker.io/library/nginx:1.27` (or `…@sha256:…`). */
  name: string;
}

/**
 * Normalises a reference the way containerd does (github.com/distribution/reference
 * ParseDockerRef: ParseNormalizedNamed + TagNameOnly): a first path component without `.` or `:`
 * (and not `localhost`) means Docker Hub, single names live under `library/`, and a reference with
 * neither tag nor digest gets `:latest`.
 */
export const normalizeImageRef: (image: string) => ImageRef = keptPerText(normalize);

function normalize(image: string): ImageRef {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  let name = at >= 0 ? image.slice(0, at) : image;
  let tag: string | undefined;
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : '';
  const hasDomain = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let domain = hasDomain ? first : 'docker.io';
  let path = hasDomain ? name.slice(slash + 1) : name;
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  const repository = `${domain}/${path}`;
  if (!tag && !digest) tag = 'latest';
  return {
    repository,
    ...(tag ? { tag } : {}),
    ...(digest ? { digest } : {}),
    name: digest && !tag ? `${repository}@${digest}` : `${repository}:${tag}`,
  };
}

/** The same image, however it is written (`nginx:1.27` and `docker.io/library/nginx:1.27`). */
export function sameImage(a: string, b: string): boolean {
  return normalizeImageRef(a).name === normalizeImageRef(b).name;
}

/**
 * The default pull policy, for a container whose policy was not defaulted by the API server
 * (k/k pkg/apis/core/v1/defaults.go SetDefaults_Container): `Always` for `:latest` or an untagged,
 * undigested reference, otherwise `IfNotPresent`.
 */
export function effectivePullPolicy(c: Pick<Container, 'image' | 'imagePullPolicy'>): string {
  if (c.imagePullPolicy) return c.imagePullPolicy;
  // parsers.ParseImageName implies `latest` only when there is neither tag nor digest.
  return normalizeImageRef(c.image ?? '').tag === 'latest' ? 'Always' : 'IfNotPresent';
}

export function imagePresentOnNode(images: ImageFacts, node: string, image: string): boolean {
  return (images.presentOnNode[node] ?? []).some((i) => sameImage(i, image));
}

/** What the registry serves for an image, if it exists. */
export function registryImage(images: ImageFacts, image: string): RegistryImage | undefined {
  // own entries only: an image named `constructor` is not Object's
  const exact = Object.hasOwn(images.registry, image) ? images.registry[image] : undefined;
  if (exact) return exact;
  const key = Object.keys(images.registry).find((k) => sameImage(k, image));
  return key === undefined ? undefined : images.registry[key];
}

/**
 * The kubelet's decision (k/k pkg/kubelet/images/image_manager.go EnsureImageExists, shouldPullImage):
 * `Always` pulls every time, `IfNotPresent` pulls only when absent, `Never` never pulls.
 */
export type PullDecision =
  | { kind: 'present' }
  | { kind: 'pull'; size: number; digest: string }
  /** The registry does not have it (ErrImagePull; the back-off loop is simulated elsewhere). */
  | { kind: 'not-found' }
  /** `Never` and absent: ErrImageNeverPull. */
  | { kind: 'never-absent' };

export function pullDecision(
  images: ImageFacts,
  node: string,
  c: Pick<Container, 'image' | 'imagePullPolicy'>,
): PullDecision {
  const image = c.image ?? '';
  const present = imagePresentOnNode(images, node, image);
  const policy = effectivePullPolicy(c);
  if (policy === 'Never') return present ? { kind: 'present' } : { kind: 'never-absent' };
  if (policy === 'IfNotPresent' && present) return { kind: 'present' };
  const served = registryImage(images, image);
  return served ? { kind: 'pull', ...served } : { kind: 'not-found' };
}

/**
 * Simulated pull time: a fixed ~300 ms for resolving the manifest, the layers at ~30 MB/s (a home
 * connection to Docker Hub), and up to 250 ms of seeded jitter. Real pulls of 60–350 MB images take
 * from about one to a few tens of seconds (FIDELITY §11).
 */
export const PULL_BYTES_PER_SECOND = 30_000_000;
export function pullDurationMs(size: number, rng: Rng): number {
  return 300 + Math.round((size / PULL_BYTES_PER_SECOND) * 1000) + rng.int(250);
}

/** The image ID containerd reports for a pulled image: the repository with the manifest digest. */
export function imageID(image: string, digest: string): string {
  return `${normalizeImageRef(image).repository}@${digest}`;
}

/**
 * Go's `time.Duration.String()` for a whole number of milliseconds (the kubelet truncates pull
 * durations to milliseconds): `797ms`, `1.256s`, `24.713s`, `1m2.5s`, `1h0m0s`.
 */
export function formatGoDuration(ms: number): string {
  const total = Math.trunc(ms);
  if (total === 0) return '0s';
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  if (abs < 1000) return `${sign}${abs}ms`;
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const secMs = abs % 60_000;
  const whole = Math.floor(secMs / 1000);
  const frac = String(secMs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  const s = `${whole}${frac ? `.${frac}` : ''}s`;
  if (h > 0) return `${sign}${h}h${m}m${s}`;
  if (m > 0) return `${sign}${m}m${s}`;
  return `${sign}${s}`;
}

// github.com/distribution/reference regexp.go (v0.6.0, vendored by k/k v1.33): the reference grammar.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/**
 * Why an image reference cannot be parsed, as the kubelet reports it (k/k pkg/util/parsers
 * ParseImageName wrapping distribution/reference ParseNormalizedNamed), or undefined when it parses.
 * splitDockerDomain takes an upper-case first component for a registry host, so `Sona/Bad:latest`
 * fails on the repository `Bad`.
 */
export function imageNameError(image: string): string | undefined {
  const slash = image.indexOf('/');
  const first = slash >= 0 ? image.slice(0, slash) : '';
  const hasDomain =
    slash >= 0 &&
    (first === 'localhost' || first === 'index.docker.io' || /[.:]/.test(first) || first.toLowerCase() !== first);
  const domain = hasDomain ? (first === 'index.docker.io' ? 'docker.io' : first) : 'docker.io';
  const rest = hasDomain ? image.slice(slash + 1) : image;
  // Docker Hub names of one element live under library/.
  const remainder = domain === 'docker.io' && !rest.includes('/') ? `library/${rest}` : rest;
  const colon = remainder.indexOf(':');
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  const reason =
    remote.toLowerCase() !== remote
      ? `invalid reference format: repository name (${remote}) must be lowercase`
      : REFERENCE.test(`${domain}/${remainder}`)
        ? undefined
        : 'invalid reference format';
  return reason && `couldn't parse image name ${JSON.stringify(image)}: ${reason}`;
}
