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

const HEX_DIGITS = '0123456789abcdef';

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
  const hexDigits = (n: number): string[] => {
    const digits = new Array<string>(n);
    for (let i = 0; i < n; i++) digits[i] = HEX_DIGITS[int(16)]!;
    return digits;
  };
  const hex = (n: number): string => hexDigits(n).join('');
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
      // 32 digits drawn, then the variant: the version and variant digits replace two of them
      const h = hexDigits(32);
      h[12] = '4';
      h[16] = '89ab'[int(4)]!;
      let s = '';
      for (let i = 0; i < 32; i++) s += i === 8 || i === 12 || i === 16 || i === 20 ? `-${h[i]}` : h[i];
      return s;
    },
  };
}
