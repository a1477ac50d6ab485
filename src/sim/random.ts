/**
 * Seeded randomness. Every uid, suffix, IP, container ID and tie-break in a run comes from one Rng,
 * so the same scenario always gives the same trace.
 */

/** The alphabet of k8s.io/apimachinery/pkg/util/rand.String (no vowels, no confusable digits). */
export const KUBE_RAND_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** `utilrand.String(n)`: e.g. the 5 characters of `kube-api-access-xxxxx`. */
  kubeString(n: number): string;
  /** Random (version 4) UUID, as `uuid.NewUUID()` yields for metadata.uid. */
  uuid(): string;
  /** n lowercase hex characters (container and sandbox IDs are 64). */
  hex(n: number): string;
}

/** mulberry32: small, fast, good enough for simulated ids; deterministic across platforms. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(16)];
    return s;
  };
  return {
    next,
    int,
    hex,
    kubeString(n) {
      let s = '';
      for (let i = 0; i < n; i++) s += KUBE_RAND_ALPHANUMS[int(KUBE_RAND_ALPHANUMS.length)];
      return s;
    },
    uuid() {
      const h = hex(32).split('');
      h[12] = '4';
      h[16] = '89ab'[int(4)]!;
      const s = h.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}
