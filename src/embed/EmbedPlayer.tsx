import { useLayoutEffect, useSyncExternalStore } from 'react';
import {
  resolveTheme,
  Stage,
  StepSlider,
  Transport,
  useJourney,
  useMediaQuery,
  usePlaybackLoop,
  type ThemePref,
} from '@ui';
import './embed.css';

/**
 * The light player for other people's pages: the stage, play/pause and previous/next, a step slider,
 * the step's narration, and a link that opens the same journey in the full app (with the editor).
 */
export function EmbedPlayer({ theme }: { theme: ThemePref }) {
  usePlaybackLoop();
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = resolveTheme(theme, systemDark);
  }, [theme, systemDark]);

  const count = useJourney((s) => s.trace?.steps.length ?? 0);
  const index = useJourney((s) => s.playhead.index);
  const step = useJourney((s) => s.trace?.steps[s.playhead.index]);
  const runError = useJourney((s) => s.runError);
  const { seek } = useJourney.getState();
  // The address's hash; none in the first screen the build prerenders (src/embed/prerender.tsx).
  const hash = useSyncExternalStore(
    onHashChange,
    () => location.hash,
    () => '',
  );
  const empty = count === 0;
  const counter = empty ? 'Loading the journey…' : `Step ${index + 1} of ${count}`;

  return (
    <main className="embed">
      <Stage />
      <div className="embed-controls" role="group" aria-label="Playback">
        <Transport ends={false} playClassName="embed-play" />
        <StepSlider className="embed-scrub" count={count} index={index} title={step?.title} onSeek={seek} />
        <span className="embed-counter" data-testid="step-counter">
          {counter}
        </span>
      </div>
      <section className="embed-narration" aria-label="Narration">
        {step ? (
          <>
            <h1 className="embed-title">{step.title}</h1>
            <p className="embed-summary">{step.narration.summary}</p>
          </>
        ) : (
          <p className="embed-summary">{runError ? `The journey could not be shown: ${runError}` : ''}</p>
        )}
        {/* The same address in the full app, where the texts can be read and edited. The address follows
            the step a moment after it is shown, so the link is brought up to date as it is followed. */}
        <a
          className="embed-edit"
          href={`./index.html${hash}`}
          target="_blank"
          rel="noopener"
          onPointerDown={followAddress}
          onKeyDown={followAddress}
        >
          Edit in Pod Journey<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </section>
    </main>
  );
}

function onHashChange(notify: () => void) {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
}

function followAddress(e: { currentTarget: HTMLAnchorElement }) {
  e.currentTarget.href = `./index.html${location.hash}`;
}
