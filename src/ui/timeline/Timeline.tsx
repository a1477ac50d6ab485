import { useJourney, useSteps } from '../store/store';
import { SPEEDS } from '../store/playhead';
import { componentKind, componentLabel } from '../store/derive';
import { formatSimTime, formatStepCounter } from '../common/format';
import { EndIcon, NextIcon, PauseIcon, PlayIcon, PrevIcon, StartIcon } from '../common/icons';
import { OutcomeMark } from '../common/OutcomeMark';
import { Scrubber } from './Scrubber';
import './timeline.css';

/** Playback controls, the step scrubber and where we are: step number, title, simulated time. */
export function Timeline() {
  const steps = useSteps();
  const ready = useJourney((s) => s.trace !== undefined);
  const index = useJourney((s) => s.playhead.index);
  const playing = useJourney((s) => s.playhead.mode === 'playing');
  const speed = useJourney((s) => s.speed);
  const { togglePlay, previous, next, toStart, toEnd, seek, setSpeed } = useJourney.getState();
  const step = steps[index];
  const empty = steps.length === 0;

  return (
    <section className="panel timeline" aria-label="Timeline">
      <div className="timeline-row">
        <div className="transport" role="group" aria-label="Playback">
          <button
            type="button"
            className="btn btn-icon"
            aria-label="Jump to start"
            title="Jump to start (Home)"
            onClick={toStart}
            disabled={empty}
          >
            <StartIcon />
          </button>
          <button
            type="button"
            className="btn btn-icon"
            aria-label="Previous step"
            title="Previous step (←)"
            onClick={previous}
            disabled={empty}
          >
            <PrevIcon />
          </button>
          <button
            type="button"
            className="btn btn-icon btn-play"
            aria-label={playing ? 'Pause' : 'Play'}
            title={`${playing ? 'Pause' : 'Play'} (Space)`}
            onClick={togglePlay}
            disabled={empty}
          >
            {playing ? <PauseIcon /> : <PlayIcon />}
          </button>
          <button
            type="button"
            className="btn btn-icon"
            aria-label="Next step"
            title="Next step (→)"
            onClick={next}
            disabled={empty}
          >
            <NextIcon />
          </button>
          <button
            type="button"
            className="btn btn-icon"
            aria-label="Jump to end"
            title="Jump to end (End)"
            onClick={toEnd}
            disabled={empty}
          >
            <EndIcon />
          </button>
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
          </>
        ) : (
          <span className="step-title">{ready ? 'No steps: the simulation did not run.' : ''}</span>
        )}
      </div>
      <div className="visually-hidden" aria-live="polite">
        {!playing && step ? `${formatStepCounter(index, steps.length)}: ${step.title}` : ''}
      </div>
    </section>
  );
}
