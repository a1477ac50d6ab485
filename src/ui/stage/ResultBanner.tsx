import type { Trace } from '@sim';
import { CheckIcon, CrossIcon, HourglassIcon, WarnIcon } from '../common/icons';
import { FailureLink } from '../editor/FailureLink';
import { RESULT_WORD } from '../common/format';

const PRESENTATION: Record<Trace['result']['outcome'], { Icon: () => React.JSX.Element; tone: string }> = {
  running: { Icon: CheckIcon, tone: 'ok' },
  rejected: { Icon: CrossIcon, tone: 'fail' },
  failed: { Icon: CrossIcon, tone: 'fail' },
  pending: { Icon: HourglassIcon, tone: 'warn' },
  waiting: { Icon: WarnIcon, tone: 'warn' },
};

/**
 * How the journey ended, once the playhead reaches the end: icon, word and the trace's summary. Not a
 * live region itself: the timeline's announcer says the result, once.
 */
export function ResultBanner({
  result,
  atTop,
  onReplay,
}: {
  result: Trace['result'];
  atTop: boolean;
  onReplay(): void;
}) {
  const { Icon, tone } = PRESENTATION[result.outcome];
  const word = RESULT_WORD[result.outcome];
  return (
    <div className={`result-banner tone-${tone}${atTop ? ' at-top' : ''}`} data-testid="result-banner">
      <span className="result-icon">
        <Icon />
      </span>
      <div className="result-text">
        <span className="result-word">{word}</span>
        {/* Long rejections scroll; focusable so the keyboard can scroll them. */}
        <span className="result-summary" tabIndex={0}>
          {result.summary}
        </span>
        {result.horizonReached && result.outcome !== 'running' && (
          <span className="result-note">
            {`${result.next ?? 'The simulation stopped at its time horizon; a real cluster keeps retrying.'} (${Math.round(result.duration / 1000)} s after Apply.)`}
          </span>
        )}
        <FailureLink />
      </div>
      <button type="button" className="btn" onClick={onReplay}>
        Replay
      </button>
    </div>
  );
}
