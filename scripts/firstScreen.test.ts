// public/first-screen.js, the classic script in the <head> of index.html and embed.html: it runs before the
// first paint, so it cannot import the pages' modules. These tests hold it to them: the storage keys, the
// theme's resolution (the app's and the player's), and which addresses open the first screen the build
// prerendered (the store's route).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../src/ui/store/route';
import { THEME_STORAGE_KEY, resolveTheme, parseThemePref } from '../src/ui/store/theme';
import { DRAFTS_STORAGE_KEY } from '../src/ui/store/persist';
import { embedOptions } from '../src/embed/options';

const SCRIPT = readFileSync(new URL('../public/first-screen.js', import.meta.url), 'utf8');
const FIRST = 'happy-path';

interface Page {
  /** The embeddable player's page (embed.html) instead of the app's. */
  embed?: boolean;
  /** A preset's own player page (embed-<id>.html): its id. */
  scenario?: string;
  hash?: string;
  search?: string;
  stored?: Record<string, string>;
  storageThrows?: boolean;
  systemDark?: boolean;
  firstScreen?: string | null;
  /** The build's list of the app's scripts (<meta name="pod-journey-after-paint">). */
  plan?: { fetch: string[]; runs?: Record<string, string>; modules: string[]; script: string };
  /** Whether the browser has Paint Timing. */
  paintTiming?: boolean;
}

/** An element of the fake page: a control (button, tab, radio) or something else, in #root or not. */
class FakeElement {
  constructor(
    readonly control: boolean,
    readonly inRoot = true,
    readonly disabled = false,
  ) {}
  closest() {
    return this.control ? this : null;
  }
}
const root = { contains: (el: FakeElement) => el.inRoot };

/**
 * Runs the script against a fake page whose document is still being parsed. The returned page can be
 * driven: the document finishes parsing, frames are drawn, the first contentful paint is presented,
 * time passes. `added` lists the elements the script put into <head>, as `tag attr=value…`.
 */
function run({
  embed = false,
  scenario,
  hash = '',
  search = '',
  stored = {},
  storageThrows,
  systemDark = false,
  firstScreen = FIRST,
  plan,
  paintTiming = true,
}: Page) {
  const attrs = new Map<string, string>(firstScreen === null ? [] : [['data-first-screen', firstScreen]]);
  if (embed || scenario) attrs.set('data-page', 'embed');
  if (scenario) attrs.set('data-scenario', scenario);
  const location = { hash, search };
  const history = {
    state: null,
    replaceState(_state: unknown, _title: string, url: string) {
      if (!url.startsWith('#')) throw new Error(`replaceState with ${url}: only a hash is expected`);
      location.hash = url;
    },
  };
  const html = {
    getAttribute: (k: string) => attrs.get(k) ?? null,
    setAttribute: (k: string, v: string) => void attrs.set(k, v),
    removeAttribute: (k: string) => void attrs.delete(k),
    hasAttribute: (k: string) => attrs.has(k),
  };
  const localStorage = {
    getItem(key: string) {
      if (storageThrows) throw new Error('SecurityError');
      return stored[key] ?? null;
    },
  };
  const added: string[] = [];
  const listeners: (() => void)[] = [];
  const clickListeners: ((e: { target: unknown }) => void)[] = [];
  const win: Record<string, unknown> = { PerformanceObserver: undefined };
  const frames: (() => void)[] = [];
  const observers: ((list: { getEntriesByName(n: string): unknown[] }) => void)[] = [];
  let timers: { at: number; f: () => void }[] = [];
  let now = 0;
  const document = {
    documentElement: html,
    readyState: 'loading',
    addEventListener: (type: string, f: () => void) =>
      type === 'DOMContentLoaded' ? listeners.push(f) : type === 'click' && clickListeners.push(f),
    removeEventListener: (type: string, f: () => void) =>
      type === 'click' && clickListeners.splice(clickListeners.indexOf(f), 1),
    getElementById: (id: string) => (id === 'root' ? root : null),
    querySelector: (q: string) =>
      q === 'meta[name="pod-journey-after-paint"]' && plan ? { getAttribute: () => JSON.stringify(plan) } : null,
    createElement: (tag: string) => ({ tag }) as Record<string, string>,
    head: {
      appendChild: ({ tag, ...props }: Record<string, string>) =>
        void added.push([tag, ...Object.entries(props).map(([k, v]) => `${k}=${v}`)].join(' ')),
    },
  };
  class PerformanceObserver {
    static supportedEntryTypes = paintTiming ? ['paint', 'largest-contentful-paint'] : ['largest-contentful-paint'];
    constructor(readonly callback: (list: { getEntriesByName(n: string): unknown[] }) => void) {}
    observe() {
      observers.push(this.callback);
    }
    disconnect() {
      observers.splice(observers.indexOf(this.callback), 1);
    }
  }
  win.PerformanceObserver = PerformanceObserver;
  const setTimeout = (f: () => void, ms: number) => void timers.push({ at: now + ms, f });
  const matchMedia = (q: string) => ({ matches: q === '(prefers-color-scheme: dark)' && systemDark });
  new Function(
    'document',
    'location',
    'history',
    'localStorage',
    'matchMedia',
    'URLSearchParams',
    'window',
    'PerformanceObserver',
    'requestAnimationFrame',
    'setTimeout',
    'Element',
    SCRIPT,
  )(
    document,
    location,
    history,
    localStorage,
    matchMedia,
    URLSearchParams,
    win,
    PerformanceObserver,
    (f: () => void) => frames.push(f),
    setTimeout,
    FakeElement,
  );
  const page = {
    hash: location.hash,
    theme: attrs.get('data-theme'),
    firstScreen: attrs.get('data-first-screen'),
    added,
    parsed() {
      document.readyState = 'interactive';
      listeners.splice(0).forEach((f) => f());
      return page;
    },
    frame() {
      frames.splice(0).forEach((f) => f());
      return page;
    },
    painted(name = 'first-contentful-paint') {
      const list = { getEntriesByName: (n: string) => (n === name ? [{ name }] : []) };
      [...observers].forEach((f) => f(list));
      return page;
    },
    /** A click on `target`, as the page's capturing listeners see it. */
    click(target: unknown) {
      [...clickListeners].forEach((f) => f({ target }));
      return page;
    },
    /** What the page kept for the app to replay (null once the app has taken it). */
    get earlyClicks() {
      return win.podJourneyEarlyClicks as unknown[] | null | undefined;
    },
    /** The app takes the list as React starts listening (src/app/main.tsx). */
    appListens() {
      win.podJourneyEarlyClicks = null;
      return page;
    },
    wait(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at);
      timers = timers.filter((t) => t.at > now);
      due.forEach((t) => t.f());
      return page;
    },
  };
  return page;
}

describe('first-screen.js: the theme before the first paint', () => {
  const prefs = [undefined, 'light', 'dark', 'system', 'sepia', ''];
  for (const saved of prefs)
    for (const systemDark of [false, true])
      it(`saved ${JSON.stringify(saved)}, system ${systemDark ? 'dark' : 'light'}: as the app resolves it`, () => {
        const stored: Record<string, string> = saved === undefined ? {} : { [THEME_STORAGE_KEY]: saved };
        expect(run({ stored, systemDark }).theme).toBe(resolveTheme(parseThemePref(saved), systemDark));
      });

  it('storage that throws: the system theme, and the script still finishes', () => {
    expect(run({ storageThrows: true, systemDark: true })).toMatchObject({ theme: 'dark', firstScreen: FIRST });
  });

  it('a page without a prerendered screen (the dev server) only gets its theme', () => {
    const page = run({ firstScreen: null, hash: '#/scenario/forbidden' }).parsed().wait(5000);
    expect(page).toMatchObject({ theme: 'light', firstScreen: undefined, added: [] });
  });
});

describe('first-screen.js: whether the prerendered first screen is the one this address opens', () => {
  // The store opens the prerendered screen (the first preset at its start) for no route or for that
  // preset's own address without a step; a step, even 1, is sought, and anything else opens elsewhere.
  const storeOpensFirst = (hash: string) => {
    const route = parseRoute(hash);
    return route.kind === 'none' || (route.kind === 'preset' && route.presetId === FIRST && route.step === undefined);
  };
  const hashes = [
    '',
    '#',
    '#top',
    '#/scenario/happy-path',
    '#/scenario/happy-path/',
    '#/scenario/happy-path/step/1',
    '#/scenario/happy-path/step/7',
    '#/scenario/forbidden',
    '#/scenario/happy-path-2',
    '#/scenario/',
    '#/scenario/HAPPY-PATH',
    '#/scenario/happy-path/extra',
    '#/s/eJwLSS0u0c1NzUsFAA',
    '#/s/eJwLSS0u0c1NzUsFAA/step/3',
  ];
  for (const hash of hashes)
    it(`${JSON.stringify(hash)}: as the store routes it`, () => {
      expect(run({ hash }).firstScreen === FIRST).toBe(storeOpensFirst(hash));
    });

  it('other query parameters keep it; present mode and the speaker notes do not', () => {
    expect(run({ search: '?autoplay=0' }).firstScreen).toBe(FIRST);
    expect(run({ search: '?present' }).firstScreen).toBeUndefined();
    expect(run({ search: '?autoplay=0&notes' }).firstScreen).toBeUndefined();
    expect(run({ search: '?present=1' }).firstScreen).toBeUndefined();
  });

  it('saved drafts, even unreadable ones, open from the catalog instead', () => {
    expect(run({ stored: { [DRAFTS_STORAGE_KEY]: '{"version":1}' } }).firstScreen).toBeUndefined();
    expect(run({ stored: { [DRAFTS_STORAGE_KEY]: 'not json' } }).firstScreen).toBeUndefined();
    expect(run({ stored: { [THEME_STORAGE_KEY]: 'dark' } }).firstScreen).toBe(FIRST);
  });
});

describe('first-screen.js: the app is requested after the prerendered screen is drawn', () => {
  const plan = {
    fetch: ['./runs/happy-path-0123456789.json'],
    modules: ['./assets/runtime-a.js', './assets/player-b.js'],
    script: './assets/index-c.js',
  };
  const requested = [
    'link rel=preload as=fetch href=./runs/happy-path-0123456789.json crossOrigin=anonymous',
    'link rel=modulepreload href=./assets/runtime-a.js crossOrigin=anonymous',
    'link rel=modulepreload href=./assets/player-b.js crossOrigin=anonymous',
    'script type=module src=./assets/index-c.js crossOrigin=anonymous',
  ];

  it('once the first contentful paint is presented, after the document is parsed, and only once', () => {
    const page = run({ plan });
    expect(page.parsed().frame().wait(0).painted('first-paint').wait(0).added).toEqual([]);
    expect(page.painted().added).toEqual([]); // in a task of its own
    expect(page.wait(0).added).toEqual(requested);
    expect(page.wait(5000).painted().wait(0).added).toEqual(requested);
  });

  it('without paint timing: after the next frame', () => {
    const page = run({ plan, paintTiming: false }).parsed();
    expect(page.wait(0).added).toEqual([]);
    expect(page.frame().wait(0).added).toEqual(requested);
  });

  it('in a tab that paints nothing (opened in the background): after three seconds', () => {
    const page = run({ plan }).parsed();
    expect(page.wait(2999).added).toEqual([]);
    expect(page.wait(1).added).toEqual(requested);
  });

  it('when the address opens another screen: fetched at once, run once the document is parsed, without the first screen’s run', () => {
    const page = run({ plan, hash: '#/scenario/forbidden' });
    const preloads = [
      ...requested.slice(1, 3),
      'link rel=modulepreload href=./assets/index-c.js crossOrigin=anonymous',
    ];
    expect(page.added).toEqual(preloads);
    expect(page.parsed().added).toEqual([...preloads, requested[3]]);
    expect(page.wait(5000).painted().wait(0).added).toHaveLength(4);
  });
});

describe('first-screen.js: another screen fetches its own run with the scripts', () => {
  const runs = {
    'happy-path': './runs/happy-path-0123456789.json',
    forbidden: './runs/forbidden-abcdef0123.json',
    crashloop: './runs/crashloop-9876543210.json',
  };
  const plan = { fetch: [runs['happy-path']], runs, modules: ['./assets/player-b.js'], script: './assets/index-c.js' };
  const runsFetched = (page: { added: string[] }) =>
    page.added.filter((a) => a.startsWith('link rel=preload as=fetch')).map((a) => /href=(\S+)/.exec(a)![1]);
  // As the store reads the address: a preset route, at any step, of a preset the build recorded.
  const storeOpens = (hash: string) => {
    const route = parseRoute(hash);
    return route.kind === 'preset' && Object.hasOwn(runs, route.presetId) ? route.presetId : undefined;
  };
  const hashes = [
    '#/scenario/forbidden',
    '#/scenario/forbidden/',
    '#/scenario/forbidden/step/12',
    '#/scenario/crashloop/step/1',
    '#/scenario/happy-path/step/7',
    '#/scenario/forbidden/step/0',
    '#/scenario/forbidden/steps/2',
    '#/scenario/Forbidden',
    '#/scenario/no-such-preset',
    '#/scenario/__proto__',
    '#/scenario/constructor',
    '#/s/eJwLSS0u0c1NzUsFAA/step/3',
  ];
  for (const hash of hashes)
    it(`${JSON.stringify(hash)}: the run the store opens, at once`, () => {
      const id = storeOpens(hash);
      expect(runsFetched(run({ plan, hash }))).toEqual(id ? [runs[id as keyof typeof runs]] : []);
    });

  it('none with saved drafts (the app opens them from the catalog), and the first screen fetches its own later', () => {
    const stored = { [DRAFTS_STORAGE_KEY]: '{"version":1}' };
    expect(runsFetched(run({ plan, hash: '#/scenario/forbidden', stored }).parsed())).toEqual([]);
    const first = run({ plan });
    expect(runsFetched(first.parsed())).toEqual([]);
    expect(runsFetched(first.painted().wait(0))).toEqual([runs['happy-path']]);
  });

  it('the player too', () => {
    expect(runsFetched(run({ embed: true, plan, hash: '#/scenario/crashloop/step/4' }))).toEqual([runs.crashloop]);
  });
});

describe('first-screen.js: clicks before the app has adopted the prerendered screen', () => {
  it('are kept, in order, until the app takes them as React starts listening', () => {
    const play = new FakeElement(true);
    const next = new FakeElement(true);
    const page = run({}).parsed().click(play).click(next).click(next);
    expect(page.earlyClicks).toEqual([play, next, next]);
    page.appListens().click(play);
    expect(page.earlyClicks).toBeNull();
  });

  it('only on enabled controls of the app, and at most 10', () => {
    const page = run({});
    page
      .click(new FakeElement(false))
      .click(new FakeElement(true, false))
      .click(new FakeElement(true, true, true));
    expect(page.earlyClicks).toEqual([]);
    for (let i = 0; i < 12; i++) page.click(new FakeElement(true));
    expect(page.earlyClicks).toHaveLength(10);
  });

  it('are not kept where the prerendered screen is not shown', () => {
    expect(run({ hash: '#/scenario/forbidden' }).click(new FakeElement(true)).earlyClicks).toBeUndefined();
    expect(run({ firstScreen: null }).click(new FakeElement(true)).earlyClicks).toBeUndefined();
  });
});

describe('first-screen.js in the embeddable player (embed.html)', () => {
  for (const search of ['', '?theme=dark', '?theme=light', '?theme=sepia', '?autoplay=1&theme=dark'])
    for (const systemDark of [false, true])
      it(`${JSON.stringify(search)}, system ${systemDark ? 'dark' : 'light'}: the theme as the player resolves it`, () => {
        const expected = resolveTheme(embedOptions(search).theme, systemDark);
        expect(run({ embed: true, search, systemDark }).theme).toBe(expected);
      });

  it('reads nothing the app saved: neither its theme nor its drafts', () => {
    const stored = { [THEME_STORAGE_KEY]: 'dark', [DRAFTS_STORAGE_KEY]: '{"version":1}' };
    expect(run({ embed: true, stored })).toMatchObject({ theme: 'light', firstScreen: FIRST });
    expect(run({ embed: true, storageThrows: true })).toMatchObject({ theme: 'light', firstScreen: FIRST });
  });

  it('shows the first screen for its own address only, autoplay included', () => {
    expect(run({ embed: true, search: '?autoplay=1' }).firstScreen).toBe(FIRST);
    expect(run({ embed: true, hash: '#/scenario/happy-path' }).firstScreen).toBe(FIRST);
    expect(run({ embed: true, hash: '#/scenario/happy-path/step/12' }).firstScreen).toBeUndefined();
    expect(run({ embed: true, hash: '#/scenario/image-pull-backoff' }).firstScreen).toBeUndefined();
  });
});

describe("first-screen.js in a preset's own player page (embed-<id>.html)", () => {
  const plan = {
    fetch: ['./runs/forbidden-abcdef0123.json'],
    runs: { 'happy-path': './runs/happy-path-0123456789.json', forbidden: './runs/forbidden-abcdef0123.json' },
    modules: [],
    script: './assets/embed-c.js',
  };
  it('an address without a route opens the page’s preset, whose prerendered screen it shows', () => {
    for (const hash of ['', '#', '#top']) {
      const page = run({ scenario: 'forbidden', firstScreen: 'forbidden', hash, plan });
      expect(page).toMatchObject({ hash: '#/scenario/forbidden', firstScreen: 'forbidden' });
      expect(parseRoute(page.hash)).toEqual({ kind: 'preset', presetId: 'forbidden' });
    }
  });

  it('an address that names a step or another journey is kept, and that screen rendered', () => {
    for (const hash of ['#/scenario/forbidden/step/3', '#/scenario/happy-path', '#/s/eJwLSS0u0c1NzUsFAA']) {
      const page = run({ scenario: 'forbidden', firstScreen: 'forbidden', hash, plan });
      expect(page).toMatchObject({ hash, firstScreen: undefined });
    }
    expect(run({ scenario: 'forbidden', firstScreen: 'forbidden', hash: '#/scenario/forbidden' }).firstScreen).toBe(
      'forbidden',
    );
  });
});
