/**
 * The page's address: which scenario, and which step of its journey. A hash route works on any static
 * host, from a sub-folder and from `file://`, with no server rewrite rules.
 *
 * - `#/scenario/<id>` and `#/scenario/<id>/step/<n>`: a preset as it ships (short and readable);
 * - `#/s/<payload>` and `#/s/<payload>/step/<n>`: an edited scenario, its texts compressed into the
 *   link (see linkCodec.ts, loaded only when such a link is opened or made).
 *
 * `n` is the step number people see ("Step 12 of 60"), so it starts at 1.
 */

export type Route =
  | { kind: 'preset'; presetId: string; step?: number }
  | { kind: 'shared'; payload: string; step?: number }
  /** An address that is not a journey route (empty, or another page's anchor). */
  | { kind: 'none' }
  /** A journey route that cannot be read; `why` says what is wrong with it. */
  | { kind: 'invalid'; why: string };

/** Payloads longer than this are refused before they are decoded (64 KiB of base64url ≈ 48 KiB compressed). */
export const MAX_PAYLOAD_CHARS = 65_536;
/** A journey has at most a few hundred steps; the bound only keeps absurd numbers out. */
const MAX_STEP = 100_000;

const PRESET_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const PAYLOAD = /^[A-Za-z0-9_-]+$/;

function stepOf(rest: string[]): number | undefined | { why: string } {
  if (rest.length === 0) return undefined;
  const [word, n, ...extra] = rest;
  if (word !== 'step' || n === undefined || extra.length > 0)
    return { why: `the part after the scenario ("/${rest.join('/')}") is not "/step/<number>".` };
  if (!/^[1-9][0-9]{0,5}$/.test(n) || Number(n) > MAX_STEP)
    return { why: `the step "${n.slice(0, 20)}" is not a step number (1, 2, 3, …).` };
  return Number(n);
}

/** Reads a location hash. Never throws; an unreadable journey route says why. */
export function parseRoute(hash: string): Route {
  if (!hash.startsWith('#/scenario/') && !hash.startsWith('#/s/')) return { kind: 'none' };
  const parts = hash.slice(2).replace(/\/$/, '').split('/');
  const [kind, value = '', ...rest] = parts;
  const step = stepOf(rest);
  if (typeof step === 'object') return { kind: 'invalid', why: step.why };
  const at = step === undefined ? {} : { step };
  if (kind === 'scenario') {
    if (!PRESET_ID.test(value)) return { kind: 'invalid', why: 'the scenario name is not one of this page’s.' };
    return { kind: 'preset', presetId: value, ...at };
  }
  if (value.length > MAX_PAYLOAD_CHARS)
    return {
      kind: 'invalid',
      why: `it is ${value.length.toLocaleString('en')} characters long; links of up to ${MAX_PAYLOAD_CHARS.toLocaleString('en')} are read.`,
    };
  if (!PAYLOAD.test(value))
    return { kind: 'invalid', why: 'it has characters a link made by this page never has (it may have been altered).' };
  return { kind: 'shared', payload: value, ...at };
}

/** The preset id in a location hash, if the hash is a preset route. */
export function presetIdFromHash(hash: string): string | undefined {
  const route = parseRoute(hash);
  return route.kind === 'preset' ? route.presetId : undefined;
}

/** `#/scenario/<id>`, with `/step/<n>` when `stepIndex` (0-based) is past the first step. */
export const hashOfPreset = (id: string, stepIndex = 0): string =>
  `#/scenario/${id}${stepIndex > 0 ? `/step/${stepIndex + 1}` : ''}`;

/** `#/s/<payload>`, with `/step/<n>` when `stepIndex` (0-based) is past the first step. */
export const hashOfShared = (payload: string, stepIndex = 0): string =>
  `#/s/${payload}${stepIndex > 0 ? `/step/${stepIndex + 1}` : ''}`;
