import { useCallback, useState } from 'react';
import { PRESETS } from '@scenarios';
import { useJourney } from '../store/store';
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
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useHelpShortcut(openHelp);
  return (
    <header className="topbar">
      <div className="brand">
        <Logo />
        <h1>Pod Journey</h1>
      </div>
      <label className="scenario-picker">
        <span className="visually-hidden">Scenario</span>
        <select
          value={presetId}
          disabled={!ready}
          onChange={(e) => selectPreset(e.target.value)}
          title={PRESETS.find((p) => p.id === presetId)?.blurb}
        >
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
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
    </header>
  );
}
