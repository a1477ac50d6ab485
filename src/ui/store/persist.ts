/**
 * Saved drafts: the three texts of every scenario the person edited, kept in localStorage so nothing
 * typed is lost on reload. One versioned JSON document under one key; only scenarios whose texts
 * differ from the preset's originals are stored. Reading validates everything and never throws:
 * whatever cannot be used is left out and said in a notice, and the originals load instead.
 */
import type { ScenarioFile } from '@sim';

export const DRAFTS_STORAGE_KEY = 'pod-journey.drafts';
export const DRAFTS_FORMAT = 'pod-journey/drafts';
export const DRAFTS_VERSION = 1;
/**
 * The largest text kept per file: the manifest reader's bound (src/sim/manifest.ts
 * MANIFEST_LIMITS.maxBytes, 1 MiB), restated here because UI modules do not import simulator values.
 */
export const MAX_DRAFT_BYTES = 1024 * 1024;

export type Drafts = Record<ScenarioFile, string>;
/** Preset id → the edited texts of that scenario. */
export type SavedDrafts = Readonly<Record<string, Drafts>>;

export interface Notice {
  tone: 'info' | 'warning';
  text: string;
}

export interface DraftsDocument {
  format: typeof DRAFTS_FORMAT;
  version: typeof DRAFTS_VERSION;
  /** When the drafts were written (ISO 8601). */
  savedAt: string;
  scenarios: SavedDrafts;
}

/** Converts a document of version `n` to version `n + 1`; keyed by `n`. Version 1 is the first. */
export type Migrations = Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>>;
export const MIGRATIONS: Migrations = {};

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const FILE_NAMES: Record<ScenarioFile, string> = {
  manifest: 'pod.yaml',
  cluster: 'cluster.yaml',
  kubeconfig: 'kubeconfig',
};
const FILES = Object.keys(FILE_NAMES) as ScenarioFile[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const bytes = (s: string): number => new TextEncoder().encode(s).length;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Whether `text` is the beginning of JSON that was cut off: it ends inside a string or with a
 * bracket still open (a write interrupted, or storage edited by hand).
 */
function isCutOff(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}

/** Brings a document up to the current version, or says why it cannot. */
function migrate(
  doc: Record<string, unknown>,
  migrations: Migrations,
): { doc: Record<string, unknown> } | { error: string } {
  let current = doc;
  for (;;) {
    const version = current.version;
    if (typeof version !== 'number' || !Number.isInteger(version))
      return { error: 'the saved drafts have no version number' };
    if (version === DRAFTS_VERSION) return { doc: current };
    if (version > DRAFTS_VERSION)
      return {
        error: `the saved drafts are version ${version}, newer than this page understands (version ${DRAFTS_VERSION})`,
      };
    const step = migrations[version];
    if (!step) return { error: `the saved drafts are version ${version}, which this page cannot convert` };
    current = step(current);
  }
}

/** Why one saved scenario cannot be used, or its drafts. */
function readScenario(value: unknown): { drafts: Drafts } | { error: string } {
  if (!isRecord(value)) return { error: 'not a set of files' };
  const drafts: Partial<Drafts> = {};
  for (const file of FILES) {
    const text = value[file];
    if (typeof text !== 'string') return { error: `${FILE_NAMES[file]} is not text` };
    if (bytes(text) > MAX_DRAFT_BYTES) return { error: `${FILE_NAMES[file]} is larger than 1 MiB` };
    drafts[file] = text;
  }
  return { drafts: drafts as Drafts };
}

const unreadable = (why: string): Notice => ({
  tone: 'warning',
  text: `Your saved drafts could not be read (${why}), so the scenarios' original texts are loaded. The unreadable data is kept under "${DRAFTS_STORAGE_KEY}" until the next save.`,
});

export interface LoadedDrafts {
  saved: SavedDrafts;
  notice?: Notice;
}

/**
 * Reads the stored text (null: nothing saved). `titles` names the scenarios this page has (id →
 * title); drafts of any other id are dropped.
 */
export function parseDrafts(
  raw: string | null,
  titles: ReadonlyMap<string, string>,
  migrations: Migrations = MIGRATIONS,
): LoadedDrafts {
  if (raw === null) return { saved: {} };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {
      saved: {},
      notice: unreadable(isCutOff(raw) ? 'the saved data is cut off' : 'the saved data is not valid JSON'),
    };
  }
  if (!isRecord(data) || data.format !== DRAFTS_FORMAT)
    return { saved: {}, notice: unreadable('the saved data is not Pod Journey drafts') };
  const migrated = migrate(data, migrations);
  if ('error' in migrated) return { saved: {}, notice: unreadable(migrated.error) };
  const { scenarios } = migrated.doc;
  if (!isRecord(scenarios)) return { saved: {}, notice: unreadable('the list of scenarios is missing') };

  const saved: Record<string, Drafts> = {};
  const dropped: string[] = [];
  for (const [id, value] of Object.entries(scenarios)) {
    const title = titles.get(id);
    if (title === undefined) {
      dropped.push(`"${id}" (no such scenario)`);
      continue;
    }
    const read = readScenario(value);
    if ('error' in read) dropped.push(`${title} (${read.error})`);
    else saved[id] = read.drafts;
  }
  if (dropped.length === 0) return { saved };
  const kept = Object.keys(saved).length;
  const rest =
    kept === 0
      ? 'Those scenarios open with their original texts.'
      : `Your edits to ${plural(kept, 'other scenario', 'other scenarios')} loaded.`;
  return {
    saved,
    notice: { tone: 'warning', text: `Some saved drafts were left out: ${dropped.join('; ')}. ${rest}` },
  };
}

/** Reads the saved drafts; storage that cannot be read means none, with a notice. */
/**
 * Whether `storage` holds anything under the drafts' key, or cannot be read: then opening the workspace
 * has drafts to restore or something to say about them (loadDrafts).
 */
export function hasSavedDrafts(storage: Store | undefined): boolean {
  try {
    return storage?.getItem(DRAFTS_STORAGE_KEY) != null;
  } catch {
    return true;
  }
}

export function loadDrafts(storage: Store | undefined, titles: ReadonlyMap<string, string>): LoadedDrafts {
  if (!storage) return { saved: {} };
  try {
    return parseDrafts(storage.getItem(DRAFTS_STORAGE_KEY), titles);
  } catch {
    return { saved: {}, notice: NOT_SAVED('this browser does not allow this page to read its storage') };
  }
}

const NOT_SAVED = (why: string): Notice => ({
  tone: 'warning',
  text: `Your edits cannot be saved (${why}). They stay on this page until it is closed or reloaded.`,
});

/** Writes the drafts; undefined when they were saved, else the notice that says why not. */
export function saveDrafts(storage: Store | undefined, saved: SavedDrafts, savedAt: string): Notice | undefined {
  if (!storage) return NOT_SAVED('this browser gives this page no storage');
  const doc: DraftsDocument = { format: DRAFTS_FORMAT, version: DRAFTS_VERSION, savedAt, scenarios: saved };
  try {
    storage.setItem(DRAFTS_STORAGE_KEY, JSON.stringify(doc));
    return undefined;
  } catch (e) {
    const full = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
    return NOT_SAVED(full ? "the browser's storage for this page is full" : 'this browser refused to store them');
  }
}

/**
 * The saved drafts with one scenario's texts: stored when they differ from the originals, forgotten
 * when they are the originals again.
 */
export function rememberDrafts(saved: SavedDrafts, id: string, drafts: Drafts, original: Drafts): SavedDrafts {
  const edited = FILES.some((f) => drafts[f] !== original[f]);
  if (edited) return { ...saved, [id]: drafts };
  if (!(id in saved)) return saved;
  const { [id]: _forgotten, ...rest } = saved;
  return rest;
}

/** The browser's localStorage, or undefined where there is none or touching it throws. */
export { browserStorage } from './theme';

/**
 * Saves at most every `delayMs` while the person types, and at once on `flush` (the page is being
 * hidden). `report` receives the notice of a failed save, once per run of failures.
 */
export function createDraftSaver(
  storage: Store | undefined,
  report: (notice: Notice) => void,
  now: () => string,
  delayMs = 300,
) {
  let pending: SavedDrafts | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failing = false;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending === undefined) return;
    const notice = saveDrafts(storage, pending, now());
    pending = undefined;
    if (notice && !failing) report(notice);
    failing = notice !== undefined;
  };
  return {
    schedule(saved: SavedDrafts) {
      pending = saved;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}
