import type { Trace } from '@sim';
import { CheckIcon, CrossIcon, HourglassIcon, WarnIcon } from '../common/icons';
import { FailureLink } from '../editor/FailureLink';

const PRESENTATION: Record<Trace['result']['outcome'], { word: string; Icon: () => React.JSX.Element; tone: string }> =
  {
    running: { word: 'Running', Icon: CheckIcon, tone: 'ok' },
    rejected: { word: 'Rejected', Icon: CrossIcon, tone: 'fail' },
    failed: { word: 'Failed', Icon: CrossIcon, tone: 'fail' },
    pending: { word: 'Pending', Icon: HourglassIcon, tone: 'warn' },
    waiting: { word: 'Waiting', Icon: WarnIcon, tone: 'warn' },
  };

/** How the journey ended, once the playhead reaches the end: icon, word and the trace's summary. */
export function ResultBanner({
  result,
  atTop,
  onReplay,
}: {
  result: Trace['result'];
  atTop: boolean;
  onReplay(): void;
}) {
  const { word, Icon, tone } = PRESENTATION[result.outcome];
  return (
    <div className={`result-banner tone-${tone}${atTop ? ' at-top' : ''}`} data-testid="result-banner" role="status">
      <span className="result-icon">
        <Icon />
      </span>
      <div className="result-text">
        <span className="result-word">{word}</span>
        <span className="result-summary">{result.summary}</span>
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
