/**
 * The UI store: how the person looks at the journey (playhead, speed, tab, theme, editor draft) and
 * the journey they are looking at (the applied input and its trace, immutable plain data replaced as
 * a whole on Apply). Components read it through narrow selectors; the playhead's progress changes
 * every frame while playing, so only the packets and the scrubber fill subscribe to it.
 */
import { create } from 'zustand';
import { EXAMPLES, PRESETS, type ScenarioPreset } from '@scenarios';
import { hashOfPreset, presetIdFromHash } from './route';
import type { ScenarioFile, ScenarioInput, ScenarioSource, Step, Trace } from '@sim';
import { loadEngine, type Engine } from '../engine/load';
import * as ph from './playhead';
import { loadThemePref, saveThemePref, type ThemePref } from './theme';
import {
  browserStorage,
  createDraftSaver,
  loadDrafts,
  rememberDrafts,
  type Drafts,
  type Notice,
  type SavedDrafts,
} from './persist';

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
  /** What the engine built from `source`; undefined until the engine has run it. */
  input?: ScenarioInput;
  /** The journey on screen; undefined until the engine has run the first scenario. */
  trace?: Trace;
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

  /** Loads the engine and simulates the first scenario (once, at startup; it stays paused). */
  boot(): Promise<void>;
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
}

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;

function presetById(id: string): ScenarioPreset {
  const preset = PRESETS.find((p) => p.id === id) ?? PRESETS[0];
  if (!preset) throw new Error('no scenario presets are defined');
  return preset;
}

// The address picks the first scenario (`#/scenario/<id>`); an unknown id falls back to the first preset.
const firstPreset = presetById(typeof location === 'undefined' ? '' : (presetIdFromHash(location.hash) ?? ''));
const firstSource = firstPreset.source;
const draftsOf = (s: ScenarioSource): Record<ScenarioFile, string> => ({
  manifest: s.manifest,
  cluster: s.cluster,
  kubeconfig: s.kubeconfig,
});
const stepCount = (s: JourneyState) => s.trace?.steps.length ?? 0;

// Saved drafts: restored on load (the first scenario's at once), written back as the person types.
const draftStorage = browserStorage();
const loaded = loadDrafts(draftStorage, new Map(PRESETS.map((p) => [p.id, p.title])));
const restoredNotice = (preset: ScenarioPreset): Notice => ({
  tone: 'info',
  text: `Restored your edits to ${preset.title}. Reset brings back the original.`,
});
/** What opening `preset` shows: its saved drafts (with a notice) or its original texts. */
const openDrafts = (saved: SavedDrafts, preset: ScenarioPreset): { drafts: Drafts; notice?: Notice } => {
  const drafts = saved[preset.id];
  return drafts ? { drafts, notice: restoredNotice(preset) } : { drafts: draftsOf(preset.source) };
};
const firstOpen = openDrafts(loaded.saved, firstPreset);
// A problem with the saved data outranks the restore, and both are said.
const firstNotice: Notice | undefined =
  loaded.notice && firstOpen.notice
    ? { tone: 'warning', text: `${loaded.notice.text} ${firstOpen.notice.text}` }
    : (loaded.notice ?? firstOpen.notice);

export const useJourney = create<JourneyState>()((set, get) => {
  const move = (f: (p: ph.Playhead, n: number) => ph.Playhead) =>
    set((s) => ({ playhead: f(s.playhead, stepCount(s)) }));
  /**
   * Simulates `source`. Errors in the cluster or kubeconfig text block the run (there is no cluster to
   * run against) and point at the file; a simulator failure keeps the previous journey and says so.
   */
  const load = (source: ScenarioSource, presetId: string, autoplay: boolean) => {
    const { engine } = get();
    if (!engine) return;
    const run = engine.runSource(source);
    if (!run.ok) {
      if (run.file) set({ applyBlock: { file: run.file, message: run.error }, activeFile: run.file });
      else set({ runError: run.error, applyBlock: undefined });
      return;
    }
    const start = autoplay ? ph.play(ph.START, run.trace.steps.length) : ph.START;
    set({
      presetId,
      source,
      input: run.input,
      trace: run.trace,
      runError: undefined,
      applyBlock: undefined,
      playhead: start,
    });
  };

  return {
    presetId: firstPreset.id,
    source: firstSource,
    drafts: firstOpen.drafts,
    saved: loaded.saved,
    notice: firstNotice,
    activeFile: 'manifest',
    playhead: ph.START,
    speed: 1,
    autoplay: true,
    inspectorTab: 'Narration',
    mobileView: 'journey',
    themePref: loadThemePref(storage),

    boot: async () => {
      if (get().engine) return;
      try {
        set({ engine: await loadEngine() });
      } catch (e) {
        set({ runError: `the simulator could not be loaded (${e instanceof Error ? e.message : String(e)})` });
        return;
      }
      load(get().source, get().presetId, false);
    },
    setDraft: (text, file) =>
      set((s) => {
        const drafts = { ...s.drafts, [file ?? s.activeFile]: text };
        return { drafts, saved: rememberDrafts(s.saved, s.presetId, drafts, draftsOf(presetById(s.presetId).source)) };
      }),
    setActiveFile: (activeFile) => set({ activeFile }),
    apply: () => {
      const { source, drafts, presetId, autoplay } = get();
      load({ ...source, ...drafts }, presetId, autoplay);
      // On a phone, show the journey that was just started (unless Apply was refused).
      if (!get().applyBlock) set({ mobileView: 'journey' });
    },
    selectPreset: (id) => {
      const preset = presetById(id);
      if (typeof location !== 'undefined' && location.hash !== hashOfPreset(preset.id))
        history.pushState(null, '', hashOfPreset(preset.id));
      const { drafts, notice } = openDrafts(get().saved, preset);
      set({ presetId: preset.id, drafts, notice, applyBlock: undefined });
      load(preset.source, preset.id, get().autoplay);
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
        const original = draftsOf(presetById(s.presetId).source);
        return { drafts: original, saved: rememberDrafts(s.saved, s.presetId, original, original), notice: undefined };
      }),
    loadExample: (id) => {
      const example = EXAMPLES.find((e) => e.id === id);
      if (!example) return;
      get().setDraft(example.manifest, 'manifest');
      set({ activeFile: 'manifest', notice: undefined });
    },
    dismissNotice: () => set({ notice: undefined }),
  };
});

const saver = createDraftSaver(
  draftStorage,
  (notice) => useJourney.setState({ notice }),
  () => new Date().toISOString(),
);
useJourney.subscribe((s, prev) => {
  if (s.saved !== prev.saved) saver.schedule(s.saved);
});
if (typeof window !== 'undefined') window.addEventListener('pagehide', saver.flush);

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
