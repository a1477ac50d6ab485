import { useEffect, useState } from 'react';
import {
  afterFirstContentfulPaint,
  createDraftSaver,
  hasSavedDrafts,
  loadDrafts,
  rememberDrafts,
  EditorPanel,
  Inspector,
  MobileViewSwitch,
  NotesView,
  PresentView,
  Stage,
  Timeline,
  TopBar,
  useJourney,
  useKeyboardShortcuts,
  useMediaQuery,
  usePlaybackLoop,
  usePresentMode,
  type WorkspaceParts,
} from '@ui';
import { ErrorBoundary } from './ErrorBoundary';
import { whenIdle } from './idle';
import { ThemeProvider } from './ThemeProvider';
import './app.css';

/** What the full app hands the store at boot, in the browser and in the build's prerender: saved drafts. */
export const WORKSPACE: WorkspaceParts = {
  drafts: { loadDrafts, rememberDrafts, createDraftSaver, hasSavedDrafts },
};

/**
 * The composition root: the workspace, or present mode (`?present`), or the speaker notes window
 * (`?notes`). The playhead's clock lives above them all, so a fault in one region does not stop it.
 */
export function App() {
  const mode = usePresentMode((s) => s.mode);
  usePlaybackLoop();
  useCatalogWhenIdle();
  return (
    <ThemeProvider>
      {mode === 'notes' ? (
        <NotesView />
      ) : mode === 'present' ? (
        <ErrorBoundary region="present mode">
          <PresentView />
        </ErrorBoundary>
      ) : (
        <Workspace />
      )}
    </ThemeProvider>
  );
}

/**
 * The gallery, the examples and the other presets need the scenario catalog; the first screen does
 * not. It is fetched once the first contentful paint has been presented and the browser is then idle,
 * so it is there before anyone asks for it and never competes with the page's own files.
 */
function useCatalogWhenIdle() {
  const ensureCatalog = useJourney((s) => s.ensureCatalog);
  useEffect(() => {
    let live = true;
    let cancel: (() => void) | undefined;
    void afterFirstContentfulPaint().then(() => {
      if (live) cancel = whenIdle(() => void ensureCatalog().catch(() => undefined), 3000);
    });
    return () => {
      live = false;
      cancel?.();
    };
  }, [ensureCatalog]);
}

/** Top bar, then editor | stage + timeline | inspector, each region isolated. */
function Workspace() {
  const view = useJourney((s) => s.mobileView);
  // The workspace's keys; present mode has its own set, so each key is handled once.
  useKeyboardShortcuts();
  return (
    <div className="app">
      <TopBar />
      <MobileViewSwitch />
      <main className="workspace" data-view={view}>
        <div className="region region-editor">
          <ErrorBoundary region="editor">
            <EditorRegion shown={view === 'manifest'} />
          </ErrorBoundary>
        </div>
        <div className="region region-stage">
          <ErrorBoundary region="stage">
            <Stage />
          </ErrorBoundary>
        </div>
        <div className="region region-timeline">
          <ErrorBoundary region="timeline">
            <Timeline />
          </ErrorBoundary>
        </div>
        <div className="region region-inspector">
          <ErrorBoundary region="inspector">
            <Inspector />
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}

/**
 * On a phone the editor shares the screen with the journey behind two buttons: it is first rendered
 * when it is first shown (the journey paints sooner), then kept, so its state survives switching. The
 * width is read here, below the regions, so that when it differs from the prerendered first screen's
 * (which is laid out for every width by the stylesheet) only this region renders again.
 */
function EditorRegion({ shown }: { shown: boolean }) {
  const phone = useMediaQuery('(max-width: 760px)');
  const editorShown = !phone || shown;
  const [editorMounted, setEditorMounted] = useState(editorShown);
  if (editorShown && !editorMounted) setEditorMounted(true);
  return editorMounted ? <EditorPanel /> : null;
}
