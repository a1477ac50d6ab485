import { useCallback, useState } from 'react';
import { useJourney, usePreset, usePresetTitle } from '../store/store';
import { ScenarioGallery } from './ScenarioGallery';
import { ShareDialog } from '../share/ShareDialog';
import { enterPresent } from '../present';
import { HelpIcon } from '../common/icons';
import { Logo } from './Logo';
import { ThemeToggle } from './ThemeToggle';
import { HelpDialog } from './HelpDialog';
import { useHelpShortcut } from './useHelpShortcut';
import './topbar.css';

export function TopBar() {
  const presetId = useJourney((s) => s.presetId);
  const selectPreset = useJourney((s) => s.selectPreset);
  const version = useJourney((s) => s.trace?.version);
  const ready = useJourney((s) => s.trace !== undefined);
  const [helpOpen, setHelpOpen] = useState(false);
  const [galleryOpen, setGalleryOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const preset = usePreset();
  const title = usePresetTitle();
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
        <span className="scenario-picker-title">{title}</span>
        <span aria-hidden="true" className="scenario-picker-caret">
          ▾
        </span>
      </button>
      <span className="version-badge" aria-busy={!version}>
        Kubernetes {version ?? '…'}
      </span>
      <div className="topbar-end">
        <button
          type="button"
          className="btn btn-small topbar-action"
          aria-haspopup="dialog"
          disabled={!ready}
          title="A link to this step, and snippets to embed the journey in a page"
          onClick={() => setShareOpen(true)}
        >
          Share
        </button>
        <button
          type="button"
          className="btn btn-small topbar-action topbar-present"
          title="Present mode for a projector: large type, keys and clickers (Escape leaves)"
          onClick={enterPresent}
        >
          Present
        </button>
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
      <ShareDialog open={shareOpen} onClose={() => setShareOpen(false)} />
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
