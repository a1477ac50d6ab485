import { useCurrentStep, useJourney } from '../store/store';
import { componentKind, componentLabel } from '../store/derive';
import { OutcomeMark } from '../common/OutcomeMark';
import { formatStepCounter } from '../common/format';
import { Transport } from '../timeline/Transport';
import { toggleHints, usePresentMode } from './presentMode';

/** The thin bar under the narration: the transport, where we are (step and its title), the key hints' switch. */
export function PresentControls({ hintsId }: { hintsId: string }) {
  const count = useJourney((s) => s.trace?.steps.length ?? 0);
  const ready = useJourney((s) => s.trace !== undefined);
  const index = useJourney((s) => s.playhead.index);
  const hints = usePresentMode((s) => s.hints);
  const notice = usePresentMode((s) => s.fullscreenNotice);
  const step = useCurrentStep();
  return (
    <div className="present-controls">
      <div className="present-transport" role="group" aria-label="Playback">
        <Transport keys={{ previous: '← or PageUp', next: '→ or PageDown' }} buttonClassName="present-btn" />
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
