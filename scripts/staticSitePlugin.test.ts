import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iconDataUrl, serviceWorker } from './staticSitePlugin';

describe('the icon written into each page', () => {
  const svg = readFileSync('public/favicon.svg', 'utf8');
  const url = iconDataUrl(svg);

  it('is the icon file itself, as an SVG data: URL', () => {
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    const decoded = decodeURIComponent(url.slice('data:image/svg+xml,'.length));
    expect(decoded).toBe(svg.trim().replace(/\n\s*/g, '').replace(/"/g, "'"));
    expect(decoded).toContain('<svg');
    expect(decoded).toContain("fill='#326ce5'");
  });

  it('fits in a double-quoted attribute and cannot end it', () => {
    expect(url).not.toMatch(/["<>#]/);
  });
});

describe('the service worker', () => {
  const ORIGIN = 'https://pods.example.com';
  /** Runs sw.js's source against a fake worker scope; returns what a fetch of `url` is answered with and what is kept. */
  async function fetchThrough(url: string, mode: RequestMode = 'no-cors', cached: string[] = []) {
    const listeners = new Map<string, (e: unknown) => void>();
    const kept: string[] = [];
    const cache = {
      match: async (key: string | { url: string }) => {
        const wanted = new URL(typeof key === 'string' ? key : key.url);
        wanted.search = '';
        return cached.includes(wanted.href) ? `cached ${wanted.pathname}` : undefined;
      },
      put: async (request: { url: string }) => void kept.push(new URL(request.url).pathname),
    };
    const scope = {
      location: { origin: ORIGIN },
      addEventListener: (type: string, f: (e: unknown) => void) => listeners.set(type, f),
      skipWaiting: () => undefined,
      clients: { claim: () => undefined },
    };
    const network = async (request: { url: string }) => ({
      ok: true,
      body: `network ${new URL(request.url).pathname}`,
      clone() {
        return this;
      },
    });
    new Function('self', 'caches', 'fetch', serviceWorker('pod-journey-test', ['./index.html']))(
      scope,
      { open: async () => cache, keys: async () => [] },
      network,
    );
    let answer: Promise<unknown> | undefined;
    listeners.get('fetch')!({
      request: { url, method: 'GET', mode },
      respondWith: (p: Promise<unknown>) => (answer = p),
    });
    const response = (await answer) as string | { body: string } | undefined;
    await Promise.resolve();
    return { answer: typeof response === 'string' ? response : response?.body, kept };
  }

  it('answers from the cache when it has the file', async () => {
    const r = await fetchThrough(`${ORIGIN}/?autoplay=0`, 'navigate', [`${ORIGIN}/index.html`]);
    expect(r).toEqual({ answer: 'cached /index.html', kept: [] });
  });

  it("keeps the recorded runs and the presets' player pages the first time they are fetched", async () => {
    expect(await fetchThrough(`${ORIGIN}/runs/forbidden-0123456789.json`, 'cors')).toEqual({
      answer: 'network /runs/forbidden-0123456789.json',
      kept: ['/runs/forbidden-0123456789.json'],
    });
    expect(await fetchThrough(`${ORIGIN}/embed-forbidden.html?theme=dark`, 'navigate')).toEqual({
      answer: 'network /embed-forbidden.html',
      kept: ['/embed-forbidden.html'],
    });
  });

  it('keeps nothing else it was not given to precache', async () => {
    expect(await fetchThrough(`${ORIGIN}/assets/other-abc.js`)).toEqual({
      answer: 'network /assets/other-abc.js',
      kept: [],
    });
    expect(await fetchThrough(`${ORIGIN}/embed.html.bak`)).toEqual({ answer: 'network /embed.html.bak', kept: [] });
  });
});
