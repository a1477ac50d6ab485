/**
 * An edited scenario in a link: the fields that differ from the preset it started from, as JSON,
 * deflated (fflate, raw DEFLATE at level 9: a manifest edit takes a few hundred characters, a whole
 * edited cluster.yaml about ten thousand) and written in base64url, the alphabet a URL carries as is.
 *
 * Opening a link is opening untrusted input: the payload is bounded before it is decoded, the
 * inflated size is bounded while inflating (a small link must not expand into gigabytes), and the
 * JSON is checked field by field; whatever is wrong comes back as a sentence, never as an exception.
 * The texts themselves are then read by the simulator like anything typed, with its own bounds.
 */
import { Inflate, deflateSync, strToU8, strFromU8 } from 'fflate';
import type { ScenarioSource } from '@sim';
import { MAX_PAYLOAD_CHARS } from './route';

/** What a link carries: the base preset, and only what differs from it. */
interface Payload {
  v: 1;
  /** The preset the scenario was edited from. */
  base: string;
  manifest?: string;
  cluster?: string;
  kubeconfig?: string;
  fileName?: string;
  command?: 'apply' | 'create';
  seed?: number;
  startTime?: string;
  horizonMs?: number;
  interventions?: { atMs: number; title: string; yaml: string }[];
}

/** The largest text a link may carry per file: the simulator's own bound on a manifest (1 MiB). */
const MAX_TEXT_BYTES = 1024 * 1024;
/** Three files at their bound, plus the rest of the JSON. */
const MAX_INFLATED_BYTES = 3 * MAX_TEXT_BYTES + 64 * 1024;
const MAX_INTERVENTIONS = 20;
const MAX_HORIZON_MS = 600_000;

export type Decoded = { ok: true; source: ScenarioSource } | { ok: false; why: string };

const FIELDS = ['manifest', 'cluster', 'kubeconfig', 'fileName', 'command', 'seed', 'startTime', 'horizonMs'] as const;

/** The payload of `source`, edited from `base` (only the fields that differ are carried). */
export function encodeScenario(source: ScenarioSource, base: ScenarioSource): string {
  const payload: Record<string, unknown> = { v: 1, base: base.id };
  for (const f of FIELDS) if (source[f] !== base[f]) payload[f] = source[f];
  if (JSON.stringify(source.interventions ?? []) !== JSON.stringify(base.interventions ?? []))
    payload.interventions = source.interventions ?? [];
  return toBase64Url(deflateSync(strToU8(JSON.stringify(payload)), { level: 9 }));
}

/** The scenario in a payload, against the presets it may have been edited from. */
export function decodeScenario(payload: string, presets: readonly { id: string; source: ScenarioSource }[]): Decoded {
  if (payload.length > MAX_PAYLOAD_CHARS) return { ok: false, why: 'it is longer than links this page makes.' };
  const bytes = fromBase64Url(payload);
  if (!bytes) return { ok: false, why: 'it is not in the form this page writes (it may have been cut or altered).' };
  const inflated = inflateBounded(bytes);
  if (!inflated.ok) return inflated;
  let data: unknown;
  try {
    data = JSON.parse(strFromU8(inflated.bytes));
  } catch {
    return { ok: false, why: 'its content is not readable (it may have been cut or altered).' };
  }
  const checked = checkPayload(data);
  if (typeof checked === 'string') return { ok: false, why: checked };
  const base = presets.find((p) => p.id === checked.base);
  if (!base) return { ok: false, why: `it was edited from a scenario this page does not have ("${checked.base}").` };
  const { v: _v, base: _b, ...fields } = checked;
  return { ok: true, source: { ...base.source, ...fields } };
}

function inflateBounded(bytes: Uint8Array): { ok: true; bytes: Uint8Array } | { ok: false; why: string } {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  let tooBig = false;
  const inflate = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > MAX_INFLATED_BYTES) tooBig = true;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    // Fed in slices so an expanding payload is stopped soon after it crosses the bound.
    for (let i = 0; i < bytes.length && !tooBig; i += 1024)
      inflate.push(bytes.subarray(i, i + 1024), i + 1024 >= bytes.length);
  } catch (e) {
    // fflate's error code 0 is "unexpected EOF": the data stops in the middle of a block.
    if ((e as { code?: number }).code === 0)
      return { ok: false, why: 'its compressed data ends early (the link was probably cut off).' };
    return { ok: false, why: 'its compressed data is damaged (it may have been cut or altered).' };
  }
  if (tooBig)
    return {
      ok: false,
      why: `it expands to more than ${MAX_INFLATED_BYTES / (1024 * 1024)} MiB, more than any scenario.`,
    };
  if (!ended) return { ok: false, why: 'its compressed data ends early (the link was probably cut off).' };
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { ok: true, bytes: out };
}

const isText = (v: unknown, max = MAX_TEXT_BYTES): v is string => typeof v === 'string' && v.length <= max;
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** The payload's fields checked one by one: the checked payload, or what is wrong with it. */
function checkPayload(data: unknown): Payload | string {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'its content is not a scenario.';
  const d = data as Record<string, unknown>;
  if (d.v !== 1) return 'it was made by another version of this page.';
  const known = new Set<string>(['v', 'base', ...FIELDS, 'interventions']);
  const unknown = Object.keys(d).find((k) => !known.has(k));
  if (unknown !== undefined) return `it carries a field this page does not know ("${unknown.slice(0, 40)}").`;
  if (!isText(d.base, 64)) return 'it does not say which scenario it was edited from.';
  for (const f of ['manifest', 'cluster', 'kubeconfig'] as const)
    if (f in d && !isText(d[f])) return `its ${f} is not a text of at most 1 MiB.`;
  if ('fileName' in d && !(isText(d.fileName, 255) && /^[^/\\\0]+$/.test(d.fileName)))
    return 'its file name is not a file name.';
  if ('command' in d && d.command !== 'apply' && d.command !== 'create') return 'its command is not apply or create.';
  if ('seed' in d && !isInt(d.seed, 0, 2 ** 32 - 1)) return 'its seed is not a whole number.';
  if ('startTime' in d && !(isText(d.startTime, 40) && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(d.startTime)))
    return 'its start time is not a time like 2025-04-23T10:00:00Z.';
  if ('horizonMs' in d && !isInt(d.horizonMs, 1000, MAX_HORIZON_MS))
    return 'its length is not between 1 second and 10 minutes.';
  if ('interventions' in d) {
    const list = d.interventions;
    if (!Array.isArray(list) || list.length > MAX_INTERVENTIONS)
      return `its cluster changes are not a list of at most ${MAX_INTERVENTIONS}.`;
    for (const i of list as unknown[]) {
      const c = i as Record<string, unknown> | null;
      if (!c || typeof c !== 'object' || !isInt(c.atMs, 0, MAX_HORIZON_MS) || !isText(c.title, 200) || !isText(c.yaml))
        return 'one of its cluster changes is not a time, a title and a text.';
    }
  }
  return d as unknown as Payload;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
