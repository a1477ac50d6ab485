import {
  EditorPanel,
  Inspector,
  MobileViewSwitch,
  Stage,
  Timeline,
  TopBar,
  useJourney,
  useKeyboardShortcuts,
  usePlaybackLoop,
} from '@ui';
import { ErrorBoundary } from './ErrorBoundary';
import { ThemeProvider } from './ThemeProvider';
import './app.css';

/** The composition root: top bar, then editor | stage + timeline | inspector, each region isolated. */
export function App() {
  const view = useJourney((s) => s.mobileView);
  // The playhead's clock and keys live above the regions, so a fault in one region does not stop them.
  usePlaybackLoop();
  useKeyboardShortcuts();
  return (
    <ThemeProvider>
      <div className="app">
        <TopBar />
        <MobileViewSwitch />
        <main className="workspace" data-view={view}>
          <div className="region region-editor">
            <ErrorBoundary region="editor">
              <EditorPanel />
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
    </ThemeProvider>
  );
}
