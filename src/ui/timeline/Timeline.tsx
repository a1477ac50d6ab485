import type { ReactNode } from 'react';
import { useAtEnd, useJourney, useSteps } from '../store/store';
import { SPEEDS } from '../store/playhead';
import { componentKind, componentLabel } from '../store/derive';
import { formatSimTime, formatStepCounter, RESULT_WORD } from '../common/format';
import { EndIcon, NextIcon, PauseIcon, PlayIcon, PrevIcon, StartIcon } from '../common/icons';
import { OutcomeMark } from '../common/OutcomeMark';
import { Scrubber } from './Scrubber';
import './timeline.css';
import { FailureLink } from '../editor/FailureLink';
import { TranscriptButton } from '../transcript/Transcript';

/** An icon button of the transport: its name for screen readers, its key in the tooltip. */
function TransportButton({
  label,
  keyHint,
  onClick,
  disabled,
  className,
  children,
}: {
  label: string;
  keyHint: string;
  onClick: () => void;
  disabled: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`btn btn-icon${className ? ` ${className}` : ''}`}
      aria-label={label}
      title={`${label} (${keyHint})`}
      onClick={onClick}
      disabled={disabled}
    >
      {children}
    </button>
  );
}

/** Playback controls, the step scrubber and where we are: step number, title, simulated time. */
export function Timeline() {
  const steps = useSteps();
  const ready = useJourney((s) => s.trace !== undefined);
  const index = useJourney((s) => s.playhead.index);
  const playing = useJourney((s) => s.playhead.mode === 'playing');
  const speed = useJourney((s) => s.speed);
  const { togglePlay, previous, next, toStart, toEnd, seek, setSpeed } = useJourney.getState();
  const ended = useAtEnd();
  const result = useJourney((s) => s.trace?.result);
  const step = steps[index];
  const empty = steps.length === 0;
  // One polite announcement per step the person moves to; silent while playing (a step every second
  // would drown the reader), then the last step and the result once the journey has ended.
  const announcement =
    playing || !step
      ? ''
      : `${formatStepCounter(index, steps.length)}: ${step.title}${ended && result ? `. Result: ${RESULT_WORD[result.outcome]}. ${result.summary}` : ''}`;

  return (
    <section className="panel timeline" aria-label="Timeline">
      <div className="timeline-row">
        <div className="transport" role="group" aria-label="Playback">
          <TransportButton label="Jump to start" keyHint="Home" onClick={toStart} disabled={empty}>
            <StartIcon />
          </TransportButton>
          <TransportButton label="Previous step" keyHint="←" onClick={previous} disabled={empty}>
            <PrevIcon />
          </TransportButton>
          <TransportButton
            label={playing ? 'Pause' : 'Play'}
            keyHint="Space"
            onClick={togglePlay}
            disabled={empty}
            className="btn-play"
          >
            {playing ? <PauseIcon /> : <PlayIcon />}
          </TransportButton>
          <TransportButton label="Next step" keyHint="→" onClick={next} disabled={empty}>
            <NextIcon />
          </TransportButton>
          <TransportButton label="Jump to end" keyHint="End" onClick={toEnd} disabled={empty}>
            <EndIcon />
          </TransportButton>
        </div>
        <div className="segmented speed" role="group" aria-label="Speed">
          {SPEEDS.map((v) => (
            <button
              key={v}
              type="button"
              className="segmented-item"
              aria-pressed={speed === v}
              onClick={() => setSpeed(v)}
            >
              {v}×
            </button>
          ))}
        </div>
        <TranscriptButton />
        <div className="where">
          {ready ? (
            <span className="step-counter" data-testid="step-counter">
              {formatStepCounter(index, steps.length)}
            </span>
          ) : (
            <span className="step-counter preparing">Preparing the simulation…</span>
          )}
          {step && (
            <span className="sim-time" title="Simulated time since Apply">
              t = {formatSimTime(step.t)}
            </span>
          )}
        </div>
      </div>
      <Scrubber steps={steps} index={index} onSeek={seek} />
      <div className="step-line">
        {step ? (
          <>
            <span className={`component-tag tag-${componentKind(step.component)}`}>
              {componentLabel(step.component)}
            </span>
            <OutcomeMark outcome={step.outcome} showWord={false} />
            <span className="step-title">{step.title}</span>
            <FailureLink step={step.index} />
          </>
        ) : (
          <span className="step-title">{ready ? 'No steps: the simulation did not run.' : ''}</span>
        )}
      </div>
      <div className="visually-hidden" aria-live="polite" data-testid="announcer">
        {announcement}
      </div>
    </section>
  );
}
