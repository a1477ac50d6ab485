import { useLayoutEffect } from 'react';
import { resolveTheme, Stage, useJourney, useMediaQuery, usePlaybackLoop, type ThemePref } from '@ui';
import './embed.css';

/** Icons of the three controls (decorative: each button carries its name). */
const Icon = ({ d }: { d: string }) => (
  <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d={d} fill="currentColor" />
  </svg>
);
const PREVIOUS = 'M12 3.5 6 8l6 4.5zM3.2 3h1.6v10H3.2z';
const PLAY = 'M4.5 2.8v10.4L13 8z';
const PAUSE = 'M3.8 3h2.4v10H3.8zM9.8 3h2.4v10H9.8z';
const NEXT = 'M4 3.5 10 8l-6 4.5zM11.2 3h1.6v10h-1.6z';

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
  const playing = useJourney((s) => s.playhead.mode === 'playing');
  const step = useJourney((s) => s.trace?.steps[s.playhead.index]);
  const runError = useJourney((s) => s.runError);
  const { togglePlay, previous, next, seek } = useJourney.getState();
  const empty = count === 0;
  const counter = empty ? 'Loading the journey…' : `Step ${index + 1} of ${count}`;

  return (
    <main className="embed">
      <Stage />
      <div className="embed-controls" role="group" aria-label="Playback">
        <button type="button" className="btn btn-icon" aria-label="Previous step" onClick={previous} disabled={empty}>
          <Icon d={PREVIOUS} />
        </button>
        <button
          type="button"
          className="btn btn-icon embed-play"
          aria-label={playing ? 'Pause' : 'Play'}
          onClick={togglePlay}
          disabled={empty}
        >
          <Icon d={playing ? PAUSE : PLAY} />
        </button>
        <button type="button" className="btn btn-icon" aria-label="Next step" onClick={next} disabled={empty}>
          <Icon d={NEXT} />
        </button>
        <input
          type="range"
          className="embed-scrub"
          min={0}
          max={Math.max(count - 1, 0)}
          step={1}
          value={index}
          disabled={empty}
          aria-label="Step"
          aria-valuetext={step ? `Step ${index + 1} of ${count}: ${step.title}` : 'No steps'}
          onChange={(e) => seek(Number(e.target.value))}
        />
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
          href={`./index.html${location.hash}`}
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

function followAddress(e: { currentTarget: HTMLAnchorElement }) {
  e.currentTarget.href = `./index.html${location.hash}`;
}
