import { useEffect } from 'react';
import { ownsKey } from '../common/keyboard';
import { useJourney } from '../store/store';

/** Space, ←/→, Home/End drive the playhead whenever the focused control does not own the key. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || ownsKey(e.target, e.key)) return;
      const s = useJourney.getState();
      const action = { ' ': s.togglePlay, ArrowLeft: s.previous, ArrowRight: s.next, Home: s.toStart, End: s.toEnd }[
        e.key
      ];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
