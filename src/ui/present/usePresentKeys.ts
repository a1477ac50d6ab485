import { useEffect } from 'react';
import { ownsKey } from '../common/keyboard';
import { useJourney } from '../store/store';
import { isModifierKey, presentAction, type PresentAction } from './presentKeys';
import { leavePresent, setBlank, toggleFullscreen, toggleHints, usePresentMode } from './presentMode';

function run(action: PresentAction): void {
  const journey = useJourney.getState();
  switch (action.type) {
    case 'playhead':
      journey[action.move]();
      return;
    case 'preset':
      // The catalog is loaded after the first paint; a key pressed before it is in waits for it.
      void journey.ensureCatalog().then(({ presets }) => {
        const preset = presets[action.index];
        if (preset) useJourney.getState().selectPreset(preset.id);
      });
      return;
    case 'fullscreen':
      toggleFullscreen();
      return;
    case 'blank':
      setBlank(true);
      return;
    case 'hints':
      toggleHints();
      return;
    case 'escape':
      // Browsers keep Escape for leaving full screen; where one passes it on, it leaves full screen first.
      if (usePresentMode.getState().hints) toggleHints();
      else if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      else leavePresent();
      return;
  }
}

/**
 * The keys of present mode (see presentKeys.ts). Mounted instead of the normal app's shortcuts, so each
 * key is handled once. A blank screen takes any key back to the picture, and that key does nothing else.
 */
export function usePresentKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (!usePresentMode.getState().blank && ownsKey(e.target, e.key)) return;
      if (pressKey(e.key)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * A key of present mode, pressed here or forwarded by the speaker notes window: a blank screen takes
 * any key back to the picture (and the key does nothing else). True when the key did something.
 */
export function pressKey(key: string): boolean {
  if (usePresentMode.getState().blank) {
    if (isModifierKey(key)) return false;
    setBlank(false);
    return true;
  }
  const action = presentAction(key);
  if (!action) return false;
  run(action);
  return true;
}

/**
 * The keys the notes window forwards: the playhead, the scenarios and the blank screen. Full screen
 * and leaving belong to the window they are pressed in (a browser allows full screen only from a key
 * pressed in that window).
 */
export const forwardsKey = (key: string): boolean => {
  const action = presentAction(key);
  return action !== undefined && (action.type === 'playhead' || action.type === 'preset' || action.type === 'blank');
};
