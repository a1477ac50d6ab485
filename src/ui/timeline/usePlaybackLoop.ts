import { useEffect } from 'react';
import { useJourney, type JourneyState } from '../store/store';

/**
 * Drives the playhead with requestAnimationFrame while it runs (playing or finishing a manual step)
 * and sleeps otherwise. Wall-clock time lives only here; everything else reads the playhead.
 */
export function usePlaybackLoop(): void {
  useEffect(() => {
    let frame = 0;
    let last: number | undefined;
    const loop = (now: number) => {
      // The first frame only sets the clock: rAF timestamps can precede the moment play was pressed.
      const dt = last === undefined ? 0 : Math.max(0, now - last);
      last = now;
      const store = useJourney.getState();
      store.tick(dt);
      if (useJourney.getState().playhead.mode === 'paused') {
        frame = 0;
        last = undefined;
      } else {
        frame = requestAnimationFrame(loop);
      }
    };
    const wake = (s: JourneyState) => {
      if (s.playhead.mode !== 'paused' && frame === 0) frame = requestAnimationFrame(loop);
    };
    wake(useJourney.getState());
    const unsubscribe = useJourney.subscribe(wake);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      frame = 0;
    };
  }, []);
}
