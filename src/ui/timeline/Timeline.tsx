import { useAtEnd, useJourney, useSteps } from '../store/store';
import { SPEEDS } from '../store/playhead';
import { componentKind, componentLabel } from '../store/derive';
import { formatSimTime, formatStepCounter, RESULT_WORD } from '../common/format';
import { OutcomeMark } from '../common/OutcomeMark';
import { Scrubber } from './Scrubber';
import { Transport } from './Transport';
import './timeline.css';
import { FailureLink } from '../editor/FailureLink';
import { TranscriptButton } from '../transcript/Transcript';

/** Playback controls, the step scrubber and where we are: step number, title, simulated time. */
export function Timeline() {
  const steps = useSteps();
  const ready = useJourney((s) => s.trace !== undefined);
  const index = useJourney((s) => s.playhead.index);
  const playing = useJourney((s) => s.playhead.mode === 'playing');
  const speed = useJourney((s) => s.speed);
  const { seek, setSpeed } = useJourney.getState();
  const ended = useAtEnd();
  const result = useJourney((s) => s.trace?.result);
  const step = steps[index];
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
          <Transport keys={{ previous: '←', next: '→' }} playClassName="btn-play" />
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
