/**
 * The UI store: how the person looks at the journey (playhead, speed, tab, theme, editor draft) and
 * the journey they are looking at (the applied input and its trace, immutable plain data replaced as
 * a whole on Apply). Components read it through narrow selectors; the playhead's progress changes
 * every frame while playing, so only the packets and the scrubber fill subscribe to it.
 */
import { createStore, useStore, type StoreApi, type UseBoundStore } from 'zustand';
import type { ScenarioPreset } from '@scenarios';
import recordedFiles from 'virtual:recorded-runs';
import { hashOfPreset, parseRoute, type Route } from './route';
import type { ScenarioFile, ScenarioSource, Step, Trace } from '@sim';
import { loadEngine, type Engine } from '../engine/load';
import {
  fetchRecordedRun,
  type Failure,
  type RecordedChecks,
  type NodeFacts,
  type RunIdentity,
  type ShownRun,
} from './recorded';
import { openPayload, shareHash } from './link';
import { catalogNow, isShipped, loadCatalog, presetNamed, sameSource, type Catalog } from './catalog';
import * as ph from './playhead';
import { browserStorage, loadThemePref, saveThemePref, type ThemePref } from './theme';
import type * as Persist from './persist';
import type { Drafts, Notice, SavedDrafts } from './persist';

/**
 * What the full app adds to the player: the saved drafts (persist.ts). The embed plays recorded runs
 * without them, so they are not in its first load.
 */
export interface WorkspaceParts {
  drafts: Pick<typeof Persist, 'loadDrafts' | 'rememberDrafts' | 'createDraftSaver' | 'hasSavedDrafts'>;
}

export const INSPECTOR_TABS = ['Narration', 'Object', 'Request', 'Scheduler', 'Terminal'] as const;
export type InspectorTab = (typeof INSPECTOR_TABS)[number];

/** On a phone the editor and the journey share the screen behind two buttons. */
export type MobileView = 'journey' | 'manifest';

/** Why Apply did not start a journey: a file other than the manifest has errors to fix first. */
export interface ApplyBlock {
  file: ScenarioFile;
  message: string;
}

export interface JourneyState {
  /** The simulation engine chunk, once loaded (see engine/engine.ts). */
  engine?: Engine;
  presetId: string;
  /** The texts of the journey on screen (the last applied manifest, cluster and kubeconfig). */
  source: ScenarioSource;
  /** The journey on screen; undefined until the first one is recorded or simulated. */
  trace?: Trace;
  /** Who applied the journey on screen (from the kubeconfig). */
  identity?: RunIdentity;
  /** Whether `source` is a preset's texts as shipped (its link is the short one, its run recorded). */
  shipped: boolean;
  /** Where the journey on screen failed in the manifest, if it did there. */
  failure?: Failure;
  /** What the node cards show about the cluster the journey starts from. */
  nodeFacts?: Record<string, NodeFacts>;
  /** The editor's checks of `source`'s own texts, when the journey came from a recording (no engine yet). */
  checks?: RecordedChecks;
  /** What was wrong with the address that was opened (a share link cut off, altered or hostile). */
  linkNotice?: Notice;
  /** Set when the simulator itself failed (or could not load); the previous trace stays. */
  runError?: string;
  /** Set when Apply was refused because the cluster or kubeconfig text has errors. */
  applyBlock?: ApplyBlock;
  /** The editor's current texts (may differ from `source` until Apply). */
  drafts: Record<ScenarioFile, string>;
  /** The file shown in the editor. */
  activeFile: ScenarioFile;
  playhead: ph.Playhead;
  speed: ph.Speed;
  /** Play automatically after Apply (`?autoplay=0` turns it off for tests). */
  autoplay: boolean;
  inspectorTab: InspectorTab;
  mobileView: MobileView;
  themePref: ThemePref;
  /** The edited texts of every scenario, by preset id (saved in localStorage; see persist.ts). */
  saved: SavedDrafts;
  /** A short message above the editor's problems line (saved drafts restored or unreadable, …). */
  notice?: Notice;
  /**
   * Every preset's texts and the example manifests, once loaded (ensureCatalog). A preset's journey
   * does not need them: its recorded run carries its own texts, so the first screen shows without them.
   */
  catalog?: Catalog;
  /** Why the catalog could not be loaded (its chunk did not arrive); the page says so where it is needed. */
  catalogError?: string;

  /**
   * Shows the address's scenario at the address's step (once, at startup; it stays paused): a preset's
   * recorded run, or — for an edited scenario or when there is no recording — the engine's run.
   */
  boot(workspace?: WorkspaceParts): Promise<void>;
  /** Loads the simulator chunk (once); the editor's checks and Apply need it, a preset's journey does not. */
  ensureEngine(): Promise<Engine | undefined>;
  /** Loads the scenario catalog (once): the gallery, the examples and opening another preset need it. */
  ensureCatalog(): Promise<Catalog>;
  /** Follows an address (back/forward, a pasted link): its scenario and step. */
  openRoute(hash: string): Promise<void>;
  /** Replaces the text of one file (the active one unless named). */
  setDraft(text: string, file?: ScenarioFile): void;
  setActiveFile(file: ScenarioFile): void;
  /** Simulates the drafts: the manifest against the cluster, applied as the kubeconfig's user. */
  apply(): void;
  selectPreset(id: string): void;
  setAutoplay(on: boolean): void;
  tick(dtMs: number): void;
  togglePlay(): void;
  play(): void;
  pause(): void;
  next(): void;
  previous(): void;
  seek(index: number): void;
  toStart(): void;
  toEnd(): void;
  setSpeed(speed: ph.Speed): void;
  setInspectorTab(tab: InspectorTab): void;
  setMobileView(view: MobileView): void;
  setThemePref(pref: ThemePref): void;
  /** Puts the scenario's three files back to the preset's texts and forgets its saved drafts. */
  resetDrafts(): void;
  /** Puts an example manifest into pod.yaml; the cluster and kubeconfig stay. */
  loadExample(id: string): void;
  dismissNotice(): void;
  dismissLinkNotice(): void;
}

const storage = browserStorage();

/** The preset named `id` (id or alias), or the first one; the catalog is there whenever texts are needed. */
function presetById(id: string, catalog = catalogNow()): ScenarioPreset {
  if (!catalog) throw new Error('the scenario catalog is not loaded');
  return presetNamed(catalog, id) ?? (catalog.presets[0] as ScenarioPreset);
}

/** Each preset's texts as shipped, from its recorded run, for a preset opened before the catalog loaded. */
const recordedSources = new Map<string, ScenarioSource>();
/** Until the catalog is in, the texts of a preset opened from its recording are its recording's. */
const recordedOriginal = (id: string): ScenarioSource | undefined =>
  catalogNow() ? undefined : recordedSources.get(id);
/** The preset's original texts (what Reset restores and an edit is compared with). */
const originalSource = (id: string): ScenarioSource => recordedOriginal(id) ?? presetById(id).source;

// The address picks the first scenario (`#/scenario/<id>[/step/<n>]`); an edited scenario's link
// (`#/s/…`) is decoded at boot, over the first preset; an unknown id falls back to the first preset.
const firstRoute: Route = typeof location === 'undefined' ? { kind: 'none' } : parseRoute(location.hash);
/**
 * Before boot (and, in the embed, until a recorded run brings its texts) the store has no scenario;
 * nothing renders before boot, and the stage waits for a trace.
 */
const NO_SOURCE: ScenarioSource = {
  id: '',
  title: '',
  manifest: '',
  fileName: 'pod.yaml',
  command: 'apply',
  cluster: '',
  kubeconfig: '',
  seed: 0,
  startTime: '',
  horizonMs: 0,
};
const draftsOf = (s: ScenarioSource): Record<ScenarioFile, string> => ({
  manifest: s.manifest,
  cluster: s.cluster,
  kubeconfig: s.kubeconfig,
});
const stepCount = (s: JourneyState) => s.trace?.steps.length ?? 0;
/** Whether the editor's texts differ from the journey on screen (Apply would run something else). */
export const isEdited = (s: Pick<JourneyState, 'drafts' | 'source'>): boolean =>
  s.drafts.manifest !== s.source.manifest ||
  s.drafts.cluster !== s.source.cluster ||
  s.drafts.kubeconfig !== s.source.kubeconfig;
const linkProblem = (why: string, shown: string): Notice => ({
  tone: 'warning',
  text: `This link could not be opened: ${why} Showing ${shown} instead.`,
});
/** Where a route asks the playhead to be (0-based), if it names a step. */
const stepIndexOf = (route: Route): number | undefined =>
  (route.kind === 'preset' || route.kind === 'shared') && route.step !== undefined ? route.step - 1 : undefined;

// Saved drafts: restored at boot (the first scenario's at once), written back as the person types.
const draftStorage = storage;
/** The saved drafts' functions, once the full app has handed them over (boot). */
let persist: WorkspaceParts['drafts'] | undefined;
const restoredNotice = (preset: ScenarioPreset): Notice => ({
  tone: 'info',
  text: `Restored your edits to ${preset.title}. Reset brings back the original.`,
});
/** What opening `preset` shows: its saved drafts (with a notice) or its original texts. */
const openDrafts = (saved: SavedDrafts, preset: ScenarioPreset): { drafts: Drafts; notice?: Notice } => {
  const drafts = saved[preset.id];
  return drafts ? { drafts, notice: restoredNotice(preset) } : { drafts: draftsOf(preset.source) };
};
/** The workspace as it opens: the address's preset with the saved drafts of every scenario. */
function openWorkspace(catalog: Catalog) {
  const loaded = persist
    ? persist.loadDrafts(draftStorage, new Map(catalog.presets.map((p) => [p.id, p.title])))
    : { saved: {} };
  const preset = presetById(firstRoute.kind === 'preset' ? firstRoute.presetId : '', catalog);
  const opened = openDrafts(loaded.saved, preset);
  // A problem with the saved data outranks the restore, and both are said.
  const notice: Notice | undefined =
    loaded.notice && opened.notice
      ? { tone: 'warning', text: `${loaded.notice.text} ${opened.notice.text}` }
      : (loaded.notice ?? opened.notice);
  return {
    presetId: preset.id,
    source: preset.source,
    shipped: true,
    drafts: opened.drafts,
    saved: loaded.saved,
    notice,
  };
}

const journeyStore = createStore<JourneyState>()((set, get) => {
  const move = (f: (p: ph.Playhead, n: number) => ph.Playhead) =>
    set((s) => ({ playhead: f(s.playhead, stepCount(s)) }));
  /** Bumped by every load; a slower earlier load that finishes later is dropped. */
  let loads = 0;
  /**
   * Shows `source`'s journey: its recording when it is a preset as shipped (no engine needed), else
   * the engine's run. Errors in the cluster or kubeconfig text block the run (there is no cluster to
   * run against) and point at the file; a simulator failure keeps the previous journey and says so.
   */
  const load = async (
    source: ScenarioSource,
    presetId: string,
    how: { autoplay: boolean; step?: number; applied?: boolean },
  ) => {
    const token = ++loads;
    const original = recordedOriginal(source.id);
    const shipped = original ? sameSource(original, source) : isShipped(source);
    const recorded = shipped ? await fetchRecordedRun(recordedFiles[source.id], source.id, source) : undefined;
    if (token !== loads) return;
    let run: ShownRun & { checks?: RecordedChecks };
    if (recorded) run = recorded;
    else {
      const engine = await get().ensureEngine();
      if (!engine || token !== loads) return;
      const result = engine.runSource(source);
      if (!result.ok) {
        if (result.file) set({ applyBlock: { file: result.file, message: result.error }, activeFile: result.file });
        else set({ runError: result.error, applyBlock: undefined });
        return;
      }
      run = result;
    }
    const n = run.trace.steps.length;
    const playhead =
      how.step !== undefined ? ph.seek(ph.START, how.step, n) : how.autoplay ? ph.play(ph.START, n) : ph.START;
    set({
      presetId,
      source,
      shipped,
      trace: run.trace,
      identity: run.identity,
      failure: run.failure,
      checks: run.checks,
      nodeFacts: run.nodeFacts,
      runError: undefined,
      applyBlock: undefined,
      playhead,
      // On a phone, show the journey that was just started.
      ...(how.applied ? { mobileView: 'journey' as const } : {}),
    });
  };
  /** Opens a preset (its saved drafts in the editor) at `step`. */
  const openPreset = (preset: ScenarioPreset, step?: number) => {
    const { drafts, notice } = openDrafts(get().saved, preset);
    set({ presetId: preset.id, drafts, notice, applyBlock: undefined });
    return load(preset.source, preset.id, { autoplay: step === undefined && get().autoplay, step });
  };
  /**
   * Opens an edited scenario carried by a link: its texts go into the editor without replacing the
   * person's own saved edits of that preset until they edit these.
   */
  const openShared = async (payload: string, step?: number) => {
    const decoded = await openPayload(payload);
    if (!decoded.ok) {
      set({ linkNotice: linkProblem(decoded.why, presetById(get().presetId).title) });
      return false;
    }
    const preset = presetById(decoded.source.id);
    set({
      drafts: draftsOf(decoded.source),
      applyBlock: undefined,
      linkNotice: undefined,
      notice: {
        tone: 'info',
        text: `Opened a shared link: ${preset.title}, edited. Your own saved edits of it stay as they were until you change these.`,
      },
    });
    await load(decoded.source, preset.id, { autoplay: false, step });
    return true;
  };

  /**
   * The start of a page with nothing to restore: the address's preset from its recorded run, which
   * carries its own texts, so the catalog is not loaded. False when the address is not a recorded
   * preset (or its run cannot be fetched).
   */
  const openRecorded = async (autoplay: boolean): Promise<boolean> => {
    // The bare address is the first preset, whose run is recorded first.
    const id = firstRoute.kind === 'preset' ? firstRoute.presetId : Object.keys(recordedFiles)[0];
    if (id === undefined || firstRoute.kind === 'shared' || firstRoute.kind === 'invalid') return false;
    const run = await fetchRecordedRun(recordedFiles[id], id);
    if (!run || catalogNow()) return false;
    recordedSources.set(run.source.id, run.source);
    const n = run.trace.steps.length;
    const step = stepIndexOf(firstRoute);
    const playhead = step !== undefined ? ph.seek(ph.START, step, n) : autoplay ? ph.play(ph.START, n) : ph.START;
    set({
      presetId: run.source.id,
      source: run.source,
      shipped: true,
      drafts: draftsOf(run.source),
      trace: run.trace,
      identity: run.identity,
      failure: run.failure,
      checks: run.checks,
      nodeFacts: run.nodeFacts,
      playhead,
    });
    return true;
  };

  return {
    presetId: firstRoute.kind === 'preset' ? firstRoute.presetId : '',
    source: NO_SOURCE,
    shipped: false,
    drafts: draftsOf(NO_SOURCE),
    saved: {},
    activeFile: 'manifest',
    playhead: ph.START,
    speed: 1,
    autoplay: true,
    inspectorTab: 'Narration',
    mobileView: 'journey',
    themePref: loadThemePref(storage),

    boot: async (workspace) => {
      if (booted) return;
      booted = true;
      // A preset's recorded run carries its own texts, so the page starts from it alone (the embed
      // always; the full app when there are no saved drafts to restore) and loads the catalog later,
      // when something asks for it. Saved drafts, an edited scenario's link or an unknown name need the
      // catalog first.
      if (workspace) keepDrafts(workspace.drafts);
      // Saved drafts (or unreadable data under their key) open from the catalog. The embed plays at once
      // (unless told not to); the app opens paused, as it does from the catalog.
      const restore = workspace?.drafts.hasSavedDrafts(draftStorage) ?? false;
      if (!restore && (await openRecorded(!workspace && get().autoplay))) return;
      let catalog: Catalog;
      try {
        catalog = await get().ensureCatalog();
      } catch {
        // The catalog's chunk did not arrive: the address's recorded journey is shown all the same, and
        // the editor says why the saved drafts are not.
        if (restore && (await openRecorded(false)))
          set({
            notice: {
              tone: 'warning',
              text: `Your saved drafts could not be restored: the scenarios could not be loaded (${get().catalogError}). Reload the page to try again.`,
            },
          });
        return;
      }
      set(openWorkspace(catalog));
      const route = firstRoute;
      if (route.kind === 'shared' && (await openShared(route.payload, stepIndexOf(route)))) return;
      const named = route.kind === 'preset' ? presetNamed(catalog, route.presetId) : undefined;
      const shown = get().source.title;
      if (route.kind === 'invalid') set({ linkNotice: linkProblem(route.why, shown) });
      if (route.kind === 'preset' && !named)
        set({ linkNotice: linkProblem(`there is no scenario "${route.presetId}".`, shown) });
      // A step of a link that could not be opened does not apply to the scenario shown instead.
      await load(get().source, get().presetId, { autoplay: false, step: named ? stepIndexOf(route) : undefined });
      // Restored edits are checked at once, which needs the simulator.
      if (isEdited(get())) void get().ensureEngine();
    },
    ensureCatalog: async () => {
      try {
        const catalog = await loadCatalog();
        if (get().catalog !== catalog) set({ catalog, catalogError: undefined });
        return catalog;
      } catch (e) {
        set({ catalogError: e instanceof Error ? e.message : String(e) });
        throw e;
      }
    },
    ensureEngine: async () => {
      const loaded = get().engine;
      if (loaded) return loaded;
      try {
        const engine = await loadEngine();
        set({ engine });
        return engine;
      } catch (e) {
        set({ runError: `the simulator could not be loaded (${e instanceof Error ? e.message : String(e)})` });
        return undefined;
      }
    },
    openRoute: async (hash) => {
      const route = parseRoute(hash);
      const s = get();
      if (route.kind === 'none') return;
      if (route.kind === 'invalid') return set({ linkNotice: linkProblem(route.why, s.source.title) });
      const step = stepIndexOf(route);
      if (route.kind === 'shared') {
        await openShared(route.payload, step);
        return;
      }
      const catalog = await get().ensureCatalog();
      const preset = presetNamed(catalog, route.presetId);
      if (!preset)
        return set({
          linkNotice: linkProblem(`there is no scenario "${route.presetId}".`, s.source.title),
        });
      if (preset.id === s.presetId && s.shipped) {
        // The same scenario: only the step moves (or nothing, when the address is where the playhead is).
        if (step !== undefined && step !== s.playhead.index) s.seek(step);
        return;
      }
      await openPreset(preset, step);
    },
    setDraft: (text, file) => {
      // The first edit loads the simulator, whose checks mark the drafts as the person types.
      void get().ensureEngine();
      set((s) => {
        const drafts = { ...s.drafts, [file ?? s.activeFile]: text };
        const original = draftsOf(originalSource(s.presetId));
        return { drafts, saved: persist?.rememberDrafts(s.saved, s.presetId, drafts, original) ?? s.saved };
      });
    },
    setActiveFile: (activeFile) => set({ activeFile }),
    apply: () => {
      const { source, drafts, presetId, autoplay } = get();
      void load({ ...source, ...drafts }, presetId, { autoplay, applied: true });
    },
    selectPreset: (id) => {
      const preset = presetById(id);
      if (typeof location !== 'undefined' && location.hash !== hashOfPreset(preset.id))
        history.pushState(null, '', hashOfPreset(preset.id));
      void openPreset(preset);
    },
    setAutoplay: (autoplay) => set({ autoplay }),
    tick: (dtMs) => set((s) => ({ playhead: ph.advance(s.playhead, dtMs, s.speed, stepCount(s)) })),
    togglePlay: () => (get().playhead.mode === 'playing' ? get().pause() : get().play()),
    play: () => move(ph.play),
    pause: () => move(ph.pause),
    next: () => move(ph.next),
    previous: () => move(ph.previous),
    seek: (index) => move((p, n) => ph.seek(p, index, n)),
    toStart: () => set({ playhead: ph.toStart() }),
    toEnd: () => set((s) => ({ playhead: ph.toEnd(stepCount(s)) })),
    setSpeed: (speed) => set({ speed }),
    setInspectorTab: (inspectorTab) => set({ inspectorTab }),
    setMobileView: (mobileView) => set({ mobileView }),
    setThemePref: (themePref) => {
      saveThemePref(storage, themePref);
      set({ themePref });
    },
    resetDrafts: () =>
      set((s) => {
        const original = draftsOf(originalSource(s.presetId));
        return {
          drafts: original,
          saved: persist?.rememberDrafts(s.saved, s.presetId, original, original) ?? s.saved,
          notice: undefined,
        };
      }),
    loadExample: (id) => {
      const example = catalogNow()?.examples.find((e) => e.id === id);
      if (!example) return;
      get().setDraft(example.manifest, 'manifest');
      set({ activeFile: 'manifest', notice: undefined });
    },
    dismissNotice: () => set({ notice: undefined }),
    dismissLinkNotice: () => set({ linkNotice: undefined }),
  };
});

/**
 * The store as a hook. React renders a component from the store's "server snapshot" when it renders
 * HTML at build time (src/app/prerender.tsx) and when it adopts that HTML in the browser; zustand's is
 * the state the store was created with. Here it is the state as it is: both happen once boot has put the
 * first journey on the store, so both see that journey, and the adopted HTML matches.
 */
const adoptable: StoreApi<JourneyState> = { ...journeyStore, getInitialState: journeyStore.getState };
export const useJourney = Object.assign(
  (selector?: (s: JourneyState) => unknown) => useStore(adoptable, selector ?? ((s) => s)),
  journeyStore,
) as UseBoundStore<StoreApi<JourneyState>>;

let booted = false;

// Back/forward and pasted addresses: follow the route (scenario and step), in every page mode. A hash
// navigation fires both events; openRoute does nothing when the address is already what is on screen.
if (typeof window !== 'undefined') {
  const follow = () => void useJourney.getState().openRoute(location.hash);
  window.addEventListener('hashchange', follow);
  window.addEventListener('popstate', follow);
}

/**
 * The address follows what is on screen, so it is always a link to it: the scenario, and the step
 * whenever the playhead rests (not while it plays, which would rewrite the address several times a
 * second). replaceState adds no history entry; picking a scenario pushes one (selectPreset).
 */
if (typeof window !== 'undefined')
  useJourney.subscribe((s, prev) => {
    if (!s.trace || s.playhead.mode === 'playing') return;
    if (s.trace === prev.trace && s.playhead.index === prev.playhead.index && prev.playhead.mode !== 'playing') return;
    void shareHash(s).then((hash) => {
      const now = useJourney.getState();
      if (now.source === s.source && now.playhead.index === s.playhead.index && location.hash !== hash)
        history.replaceState(history.state, '', hash);
    });
  });

/** Saved drafts are written back as the person types (at most every 300 ms) and when the page hides. */
function keepDrafts(parts: WorkspaceParts['drafts']) {
  persist = parts;
  const saver = parts.createDraftSaver(
    draftStorage,
    (notice) => useJourney.setState({ notice }),
    () => new Date().toISOString(),
  );
  useJourney.subscribe((s, prev) => {
    if (s.saved !== prev.saved) saver.schedule(s.saved);
  });
  if (typeof window !== 'undefined') window.addEventListener('pagehide', saver.flush);
}

/** The presets recorded at build time; each has a player page of its own, embed-<id>.html. */
export const playerPages: readonly string[] = Object.keys(recordedFiles);

/**
 * The preset whose first screen `s` is, or undefined: a preset as shipped, at its first step, paused,
 * with nothing to say about it (no notice, no link problem, nothing edited). The build prerenders that
 * screen into the pages (index.html, embed.html, embed-<id>.html), and a page adopts the HTML only when its
 * store, once booted, shows exactly that (src/ui/common/mountPage.tsx); anything else is rendered afresh.
 */
export function firstScreenOf(s: JourneyState): string | undefined {
  const { playhead } = s;
  const still = playhead.index === 0 && playhead.progress === 0 && playhead.mode === 'paused';
  const quiet = !s.notice && !s.linkNotice && !s.runError && !s.applyBlock;
  return s.trace && s.shipped && s.presetId === s.source.id && still && quiet && !isEdited(s) ? s.presetId : undefined;
}

/**
 * Resolves once `booting` has put the first journey on the store, or after `maxWaitMs`. A page renders
 * after it: its first render then has the journey, in slices, once; a journey arriving while React
 * renders would make it start over in one blocking task. A link to an edited scenario needs the
 * simulator first, so the page does not wait for it longer than `maxWaitMs`.
 */
export function firstJourney(booting: Promise<void>, maxWaitMs = 1000): Promise<void> {
  return Promise.race([booting, new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs))]);
}

/** The preset on screen, once the catalog is loaded. */
export const usePreset = () => useJourney((s) => (s.catalog ? presetNamed(s.catalog, s.presetId) : undefined));

/** The title of the scenario on screen: its preset's, also before the catalog is loaded (the run's texts carry it). */
export const usePresetTitle = () =>
  useJourney(
    (s) =>
      (s.catalog ? presetNamed(s.catalog, s.presetId)?.title : undefined) ??
      (s.source.id === s.presetId && s.source.title ? s.source.title : s.presetId),
  );

/** Whether the scenario's files differ from the preset's original texts (what Reset undoes). */
export const useEdited = () => useJourney((s) => s.presetId in s.saved);

const NO_STEPS: readonly Step[] = [];

/** The steps of the journey on screen (none while the engine loads). */
export const useSteps = () => useJourney((s) => s.trace?.steps ?? NO_STEPS);

/** The step under the playhead (undefined while the engine loads or for an empty trace). */
export const useCurrentStep = () => useJourney((s) => s.trace?.steps[s.playhead.index]);

/** Whether the playhead has reached the end of the journey (its last step completed). */
export const useAtEnd = () =>
  useJourney((s) => s.trace !== undefined && s.trace.steps.length > 0 && ph.atEnd(s.playhead, s.trace.steps.length));
