import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createDraftSaver,
  DRAFTS_STORAGE_KEY,
  hasSavedDrafts,
  loadDrafts,
  MAX_DRAFT_BYTES,
  parseDrafts,
  rememberDrafts,
  saveDrafts,
  type Drafts,
} from './persist';

const memory = (initial: Record<string, string> = {}) => {
  const data = { ...initial };
  return { data, getItem: (k: string) => data[k] ?? null, setItem: (k: string, v: string) => void (data[k] = v) };
};
const TITLES = new Map([
  ['happy-path', 'Happy path'],
  ['forbidden', 'Forbidden (403)'],
]);
const EDITED: Drafts = { manifest: 'kind: Pod\n', cluster: 'kind: Node\n', kubeconfig: 'kind: Config\n' };
const ORIGINAL: Drafts = { manifest: 'apiVersion: v1\n', cluster: 'kind: Node\n', kubeconfig: 'kind: Config\n' };
const doc = (scenarios: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'pod-journey/drafts',
    version: 1,
    savedAt: '2026-11-26T08:30:00.000Z',
    scenarios,
    ...extra,
  });

const unreadable = (why: string) =>
  `Your saved drafts could not be read (${why}), so the scenarios' original texts are loaded. The unreadable data is kept under "pod-journey.drafts" until the next save.`;

describe('saved drafts: whether the workspace has any to restore', () => {
  it('is false for no storage and for storage without the key', () => {
    expect(hasSavedDrafts(undefined)).toBe(false);
    expect(hasSavedDrafts(memory({ 'pod-journey.theme.v1': 'dark' }))).toBe(false);
  });
  it('is true for saved drafts, and for unreadable data under the key (loadDrafts then says so)', () => {
    expect(hasSavedDrafts(memory({ [DRAFTS_STORAGE_KEY]: doc({ 'happy-path': EDITED }) }))).toBe(true);
    const garbage = memory({ [DRAFTS_STORAGE_KEY]: '{"format":' });
    expect(hasSavedDrafts(garbage)).toBe(true);
    expect(loadDrafts(garbage, TITLES).notice).toBeDefined();
  });
  it('is true when reading the storage throws, so the workspace says why nothing is saved', () => {
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => undefined,
    };
    expect(hasSavedDrafts(refusing)).toBe(true);
    expect(loadDrafts(refusing, TITLES).notice?.text).toContain('does not allow this page to read its storage');
  });
});

describe('saved drafts: round trip', () => {
  it('writes the versioned document and reads it back', () => {
    const s = memory();
    expect(saveDrafts(s, { 'happy-path': EDITED }, '2026-11-26T08:30:00.000Z')).toBeUndefined();
    expect(JSON.parse(s.data[DRAFTS_STORAGE_KEY]!)).toEqual({
      format: 'pod-journey/drafts',
      version: 1,
      savedAt: '2026-11-26T08:30:00.000Z',
      scenarios: { 'happy-path': EDITED },
    });
    expect(loadDrafts(s, TITLES)).toEqual({ saved: { 'happy-path': EDITED } });
  });

  it('reads nothing saved as no drafts and no notice', () => {
    expect(loadDrafts(memory(), TITLES)).toEqual({ saved: {} });
    expect(loadDrafts(undefined, TITLES)).toEqual({ saved: {} });
  });

  it('remembers a scenario only while it differs from the original', () => {
    const saved = rememberDrafts({}, 'happy-path', EDITED, ORIGINAL);
    expect(saved).toEqual({ 'happy-path': EDITED });
    expect(rememberDrafts(saved, 'happy-path', ORIGINAL, ORIGINAL)).toEqual({});
    const none = {};
    expect(rememberDrafts(none, 'forbidden', ORIGINAL, ORIGINAL)).toBe(none);
  });
});

describe('saved drafts: what cannot be read is said, and the originals load', () => {
  it.each([
    ['not JSON', 'pod.yaml: edited', 'the saved data is not valid JSON'],
    ['truncated', doc({ 'happy-path': EDITED }).slice(0, 60), 'the saved data is cut off'],
    ['truncated inside a string', '{"format":"pod-jour', 'the saved data is cut off'],
    ['another format', JSON.stringify({ format: 'other-app', version: 1 }), 'the saved data is not Pod Journey drafts'],
    ['not an object', '[1,2,3]', 'the saved data is not Pod Journey drafts'],
    ['null', 'null', 'the saved data is not Pod Journey drafts'],
    [
      'a future version',
      doc({}, { version: 2 }),
      'the saved drafts are version 2, newer than this page understands (version 1)',
    ],
    ['no version', doc({}, { version: '1' }), 'the saved drafts have no version number'],
    [
      'an old version without migration',
      doc({}, { version: 0 }),
      'the saved drafts are version 0, which this page cannot convert',
    ],
    ['scenarios of the wrong type', doc('happy-path'), 'the list of scenarios is missing'],
  ])('%s', (_, raw, why) => {
    expect(parseDrafts(raw, TITLES)).toEqual({ saved: {}, notice: { tone: 'warning', text: unreadable(why) } });
  });

  it('keeps the unreadable data in storage (only a save replaces it)', () => {
    const s = memory({ [DRAFTS_STORAGE_KEY]: '{"format":' });
    loadDrafts(s, TITLES);
    expect(s.data[DRAFTS_STORAGE_KEY]).toBe('{"format":');
  });

  it('drops unknown scenarios, wrong types and oversized texts, and loads the rest', () => {
    const big = 'x'.repeat(MAX_DRAFT_BYTES + 1);
    const raw = doc({
      'happy-path': EDITED,
      'gone-preset': EDITED,
      forbidden: { ...EDITED, cluster: big },
    });
    expect(parseDrafts(raw, TITLES)).toEqual({
      saved: { 'happy-path': EDITED },
      notice: {
        tone: 'warning',
        text: 'Some saved drafts were left out: "gone-preset" (no such scenario); Forbidden (403) (cluster.yaml is larger than 1 MiB). Your edits to 1 other scenario loaded.',
      },
    });
  });

  it('names the file of the wrong type; with nothing kept, the originals open', () => {
    expect(parseDrafts(doc({ 'happy-path': { ...EDITED, kubeconfig: 42 }, forbidden: 'text' }), TITLES)).toEqual({
      saved: {},
      notice: {
        tone: 'warning',
        text: 'Some saved drafts were left out: Happy path (kubeconfig is not text); Forbidden (403) (not a set of files). Those scenarios open with their original texts.',
      },
    });
  });

  it('measures the bound in UTF-8 bytes', () => {
    const multibyte = 'é'.repeat(MAX_DRAFT_BYTES / 2 + 1); // 2 bytes each
    expect(parseDrafts(doc({ 'happy-path': { ...EDITED, manifest: multibyte } }), TITLES).notice?.text).toBe(
      'Some saved drafts were left out: Happy path (pod.yaml is larger than 1 MiB). Those scenarios open with their original texts.',
    );
  });

  it('storage that throws on read loads nothing, with a notice', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      setItem: () => undefined,
    };
    expect(loadDrafts(blocked, TITLES)).toEqual({
      saved: {},
      notice: {
        tone: 'warning',
        text: 'Your edits cannot be saved (this browser does not allow this page to read its storage). They stay on this page until it is closed or reloaded.',
      },
    });
  });
});

describe('saved drafts: migration', () => {
  it('runs each step from an older version up to the current one', () => {
    const raw = JSON.stringify({ format: 'pod-journey/drafts', version: 0, drafts: { 'happy-path': EDITED } });
    const migrations = {
      0: ({ drafts, ...rest }: Record<string, unknown>) => ({ ...rest, version: 1, scenarios: drafts }),
    };
    expect(parseDrafts(raw, TITLES, migrations)).toEqual({ saved: { 'happy-path': EDITED } });
  });
});

describe('saved drafts: writing', () => {
  const quota = {
    getItem: () => null,
    setItem: () => {
      throw new DOMException('Setting the value exceeded the quota.', 'QuotaExceededError');
    },
  };
  const FULL =
    "Your edits cannot be saved (the browser's storage for this page is full). They stay on this page until it is closed or reloaded.";

  it('says when the storage is full', () => {
    expect(saveDrafts(quota, {}, '2026-11-26T08:30:00.000Z')).toEqual({ tone: 'warning', text: FULL });
  });

  it('says when there is no storage', () => {
    expect(saveDrafts(undefined, {}, '2026-11-26T08:30:00.000Z')?.text).toBe(
      'Your edits cannot be saved (this browser gives this page no storage). They stay on this page until it is closed or reloaded.',
    );
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves 300 ms after the last change, or at once on flush', () => {
    vi.useFakeTimers();
    const s = memory();
    const saver = createDraftSaver(
      s,
      () => undefined,
      () => '2026-11-26T08:30:00.000Z',
    );
    saver.schedule({ 'happy-path': ORIGINAL });
    vi.advanceTimersByTime(200);
    saver.schedule({ 'happy-path': EDITED });
    vi.advanceTimersByTime(299);
    expect(s.data[DRAFTS_STORAGE_KEY]).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(loadDrafts(s, TITLES).saved).toEqual({ 'happy-path': EDITED });

    saver.schedule({});
    saver.flush();
    expect(loadDrafts(s, TITLES).saved).toEqual({});
  });

  it('reports a failing save once until a save succeeds again', () => {
    const reports: string[] = [];
    let full = true;
    const store = {
      getItem: () => null,
      setItem: (k: string, v: string) => (full ? quota.setItem() : void [k, v]),
    };
    const saver = createDraftSaver(
      store,
      (n) => reports.push(n.text),
      () => '2026-11-26T08:30:00.000Z',
    );
    for (const saved of [{}, {}, {}]) {
      saver.schedule(saved);
      saver.flush();
    }
    expect(reports).toEqual([FULL]);
    full = false;
    saver.schedule({});
    saver.flush();
    full = true;
    saver.schedule({});
    saver.flush();
    expect(reports).toEqual([FULL, FULL]);
  });
});
