import { useCallback, useEffect, useState } from 'react';
import { PRESETS } from '@scenarios';
import { useJourney } from '../store/store';
import { presetIdFromHash } from '../store/route';
import { ScenarioGallery } from './ScenarioGallery';
import { HelpIcon } from '../common/icons';
import { Logo } from './Logo';
import { ThemeToggle } from './ThemeToggle';
import { HelpDialog } from './HelpDialog';
import { useHelpShortcut } from './useHelpShortcut';
import './topbar.css';

export function TopBar() {
  const presetId = useJourney((s) => s.presetId);
  const selectPreset = useJourney((s) => s.selectPreset);
  const version = useJourney((s) => s.engine?.KUBERNETES_VERSION);
  const ready = useJourney((s) => s.trace !== undefined);
  const [helpOpen, setHelpOpen] = useState(false);
  const [galleryOpen, setGalleryOpen] = useState(false);
  const preset = PRESETS.find((p) => p.id === presetId);
  // Back/forward and pasted addresses: follow the scenario route.
  useEffect(() => {
    const follow = () => {
      const id = presetIdFromHash(location.hash);
      if (id && id !== useJourney.getState().presetId && PRESETS.some((p) => p.id === id)) selectPreset(id);
    };
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('popstate', follow);
    };
  }, [selectPreset]);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useHelpShortcut(openHelp);
  return (
    <header className="topbar">
      <div className="brand">
        <Logo />
        <h1>Pod Journey</h1>
      </div>
      <button
        type="button"
        className="scenario-picker"
        disabled={!ready}
        aria-haspopup="dialog"
        title={preset?.blurb}
        onClick={() => setGalleryOpen(true)}
      >
        <span className="scenario-picker-label">Scenario</span>
        <span className="scenario-picker-title">{preset?.title ?? presetId}</span>
        <span aria-hidden="true" className="scenario-picker-caret">
          ▾
        </span>
      </button>
      <span className="version-badge" aria-busy={!version}>
        Kubernetes {version ?? '…'}
      </span>
      <div className="topbar-end">
        <ThemeToggle />
        <button
          type="button"
          className="btn btn-icon"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={openHelp}
        >
          <HelpIcon />
        </button>
      </div>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <ScenarioGallery
        open={galleryOpen}
        current={presetId}
        onPick={(id) => {
          setGalleryOpen(false);
          selectPreset(id);
        }}
        onClose={() => setGalleryOpen(false)}
      />
    </header>
  );
}
