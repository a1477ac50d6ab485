import type { ReactNode } from 'react';
import { useCurrentStep, useJourney } from '../store/store';
import { componentKind, componentLabel } from '../store/derive';
import { OutcomeMark } from '../common/OutcomeMark';
import { formatStepCounter } from '../common/format';
import { EndIcon, NextIcon, PauseIcon, PlayIcon, PrevIcon, StartIcon } from '../common/icons';
import { toggleHints, usePresentMode } from './presentMode';

function ControlButton(props: {
  label: string;
  keys: string;
  onClick(): void;
  disabled: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="btn btn-icon present-btn"
      aria-label={props.label}
      title={`${props.label} (${props.keys})`}
      onClick={props.onClick}
      disabled={props.disabled}
    >
      {props.children}
    </button>
  );
}

/** The thin bar under the narration: the transport, where we are (step and its title), the key hints' switch. */
export function PresentControls({ hintsId }: { hintsId: string }) {
  const count = useJourney((s) => s.trace?.steps.length ?? 0);
  const ready = useJourney((s) => s.trace !== undefined);
  const index = useJourney((s) => s.playhead.index);
  const playing = useJourney((s) => s.playhead.mode === 'playing');
  const hints = usePresentMode((s) => s.hints);
  const notice = usePresentMode((s) => s.fullscreenNotice);
  const step = useCurrentStep();
  const { togglePlay, previous, next, toStart, toEnd } = useJourney.getState();
  const empty = count === 0;
  return (
    <div className="present-controls">
      <div className="present-transport" role="group" aria-label="Playback">
        <ControlButton label="Jump to start" keys="Home" onClick={toStart} disabled={empty}>
          <StartIcon />
        </ControlButton>
        <ControlButton label="Previous step" keys="← or PageUp" onClick={previous} disabled={empty}>
          <PrevIcon />
        </ControlButton>
        <ControlButton label={playing ? 'Pause' : 'Play'} keys="Space" onClick={togglePlay} disabled={empty}>
          {playing ? <PauseIcon /> : <PlayIcon />}
        </ControlButton>
        <ControlButton label="Next step" keys="→ or PageDown" onClick={next} disabled={empty}>
          <NextIcon />
        </ControlButton>
        <ControlButton label="Jump to end" keys="End" onClick={toEnd} disabled={empty}>
          <EndIcon />
        </ControlButton>
      </div>
      {ready ? (
        <span className="present-counter" data-testid="step-counter">
          {formatStepCounter(index, count)}
        </span>
      ) : (
        <span className="present-counter">Preparing the simulation…</span>
      )}
      {step && (
        <div className="present-step-line">
          <span className={`component-tag tag-${componentKind(step.component)}`}>{componentLabel(step.component)}</span>
          <OutcomeMark outcome={step.outcome} showWord={false} />
          <h2 className="present-step-title" data-testid="present-step-title">
            {step.title}
          </h2>
        </div>
      )}
      <span className="present-notice" role="status">
        {notice}
      </span>
      <button
        type="button"
        className="btn present-keys-btn"
        aria-expanded={hints}
        aria-controls={hintsId}
        title="Keys (?)"
        onClick={toggleHints}
      >
        Keys
      </button>
    </div>
  );
}
