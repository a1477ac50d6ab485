import { useEffect } from 'react';
import { PRESETS } from '@scenarios';
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
    case 'preset': {
      const preset = PRESETS[action.index];
      if (preset) journey.selectPreset(preset.id);
      return;
    }
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
      if (usePresentMode.getState().blank) {
        if (isModifierKey(e.key)) return;
        e.preventDefault();
        setBlank(false);
        return;
      }
      if (ownsKey(e.target, e.key)) return;
      const action = presentAction(e.key);
      if (!action) return;
      e.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
