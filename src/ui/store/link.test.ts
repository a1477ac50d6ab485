import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { PRESETS } from '@scenarios';
import type { ScenarioSource } from '@sim';
import { openPayload, shareHash } from './link';
import { isShipped, provideCatalog } from './catalog';
import { decodeScenario, encodeScenario } from './linkCodec';
import { parseRoute } from './route';

const happy = PRESETS[0]!;
provideCatalog({ presets: PRESETS, examples: [] });
const encode = (data: unknown) => Buffer.from(deflateSync(strToU8(JSON.stringify(data)))).toString('base64url');

/** What opening `hash` shows: the scenario's source and the playhead's index (as the store opens it). */
async function open(hash: string): Promise<{ source: ScenarioSource; index: number }> {
  const route = parseRoute(hash);
  const index = route.kind === 'preset' || route.kind === 'shared' ? (route.step ?? 1) - 1 : -1;
  if (route.kind === 'preset') return { source: PRESETS.find((p) => p.id === route.presetId)!.source, index };
  if (route.kind !== 'shared') throw new Error(`not a journey route: ${hash}`);
  const decoded = await openPayload(route.payload);
  if (!decoded.ok) throw new Error(decoded.why);
  return { source: decoded.source, index };
}

// Step counts of the presets' journeys, pinned elsewhere (presets.test.ts); a few points along each.
const STEPS_AT = [0, 1, 11, 59];

describe('share links', () => {
  it('reproduce every preset at several steps, in a short readable link', async () => {
    let longest = 0;
    for (const p of PRESETS)
      for (const index of STEPS_AT) {
        const hash = await shareHash({
          presetId: p.id,
          source: p.source,
          shipped: isShipped(p.source),
          playhead: { index },
        });
        expect(hash).toBe(index === 0 ? `#/scenario/${p.id}` : `#/scenario/${p.id}/step/${index + 1}`);
        expect(await open(hash)).toEqual({ source: p.source, index });
        longest = Math.max(longest, `https://example.github.io/pod-journey/${hash}`.length);
      }
    expect(longest).toBeLessThanOrEqual(2000);
  });

  it('carry an edited scenario of every preset: the texts, settings and changes during the run', async () => {
    for (const p of PRESETS) {
      const edited: ScenarioSource = {
        ...p.source,
        manifest: `${p.source.manifest}# edited in class: <script>alert(1)</script> ‮RTL\n`,
        seed: p.source.seed + 1,
      };
      for (const index of [0, 7]) {
        const hash = await shareHash({
          presetId: p.id,
          source: edited,
          shipped: isShipped(edited),
          playhead: { index },
        });
        expect(hash).toMatch(/^#\/s\/[A-Za-z0-9_-]+(\/step\/8)?$/);
        expect(await open(hash)).toEqual({ source: edited, index });
      }
    }
    const withChanges: ScenarioSource = {
      ...happy.source,
      cluster: happy.source.cluster.replace('worker-1', 'worker-one'),
      kubeconfig: `${happy.source.kubeconfig}\n# mine\n`,
      horizonMs: 30_000,
      command: 'create',
      fileName: 'web.yaml',
      interventions: [{ atMs: 5000, title: 'label a node', yaml: 'kind: Node\n' }],
    };
    expect(
      await open(await shareHash({ presetId: happy.id, source: withChanges, shipped: false, playhead: { index: 3 } })),
    ).toEqual({
      source: withChanges,
      index: 3,
    });
  });

  it('keep an edited manifest short: only what differs from the preset travels', () => {
    const payload = encodeScenario(
      { ...happy.source, manifest: happy.source.manifest.replace('nginx', 'httpd') },
      happy.source,
    );
    expect(payload.length).toBeLessThan(800);
    const cluster = encodeScenario(
      { ...happy.source, cluster: `${happy.source.cluster}\n# one more line\n` },
      happy.source,
    );
    expect(cluster.length).toBeLessThan(16_000);
  });

  it('recognise a preset as shipped, and not once edited', () => {
    expect(isShipped(happy.source)).toBe(true);
    expect(isShipped({ ...happy.source })).toBe(true);
    expect(isShipped({ ...happy.source, seed: 1 })).toBe(false);
    expect(isShipped({ ...happy.source, id: 'nope' })).toBe(false);
  });
});

describe('hostile and broken links', () => {
  const why = (payload: string) => {
    const d = decodeScenario(payload, PRESETS);
    return d.ok ? 'opened' : d.why;
  };
  const good = encodeScenario({ ...happy.source, manifest: 'kind: Pod\n' }, happy.source);

  it('a link cut off in the middle', () => {
    expect(why(good.slice(0, Math.floor(good.length / 2)))).toBe(
      'its compressed data ends early (the link was probably cut off).',
    );
  });

  it('data that is not compressed by this page', () => {
    // 0x07: a final block of the reserved type 3, which no compressor writes.
    expect(why(Buffer.from([0x07, 0, 0, 0]).toString('base64url'))).toBe(
      'its compressed data is damaged (it may have been cut or altered).',
    );
    expect(why('A')).toBe('it is not in the form this page writes (it may have been cut or altered).');
  });

  it('a small link that would expand into gigabytes is stopped while it expands', () => {
    const bomb = encode({ v: 1, base: 'happy-path', manifest: 'a'.repeat(8 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(65_536);
    expect(why(bomb)).toBe('it expands to more than 3.0625 MiB, more than any scenario.');
  });

  it('content that is not a scenario, field by field', () => {
    expect(why(Buffer.from(deflateSync(strToU8('{"v":1,'))).toString('base64url'))).toBe(
      'its content is not readable (it may have been cut or altered).',
    );
    expect(why(encode([1, 2]))).toBe('its content is not a scenario.');
    expect(why(encode({ v: 2, base: 'happy-path' }))).toBe('it was made by another version of this page.');
    expect(why(encode({ v: 1, base: 'nope' }))).toBe('it was edited from a scenario this page does not have ("nope").');
    expect(why(encode({ v: 1, base: 'happy-path', manifest: 42 }))).toBe(
      'its manifest is not a text of at most 1 MiB.',
    );
    expect(why(encode({ v: 1, base: 'happy-path', seed: 1.5 }))).toBe('its seed is not a whole number.');
    expect(why(encode({ v: 1, base: 'happy-path', horizonMs: 1e12 }))).toBe(
      'its length is not between 1 second and 10 minutes.',
    );
    expect(why(encode({ v: 1, base: 'happy-path', fileName: '../../etc/passwd' }))).toBe(
      'its file name is not a file name.',
    );
    expect(why(encode({ v: 1, base: 'happy-path', interventions: [{ atMs: 'soon' }] }))).toBe(
      'one of its cluster changes is not a time, a title and a text.',
    );
    // JSON.parse makes "__proto__" an own key; it is refused as unknown, so nothing reaches a prototype.
    expect(
      why(Buffer.from(deflateSync(strToU8('{"v":1,"base":"happy-path","__proto__":{"x":1}}'))).toString('base64url')),
    ).toBe('it carries a field this page does not know ("__proto__").');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('markup in the texts stays text: it is carried, not interpreted', () => {
    const name = '<img src=x onerror="window.pwned=1">';
    const d = decodeScenario(
      encodeScenario({ ...happy.source, manifest: `metadata:\n  name: ${name}\n` }, happy.source),
      PRESETS,
    );
    expect(d.ok && d.source.manifest).toBe(`metadata:\n  name: ${name}\n`);
  });
});
