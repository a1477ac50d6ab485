import { useJourney } from '../store/store';
import { useEditorRequests } from './requests';
import { useFailure } from './useFailure';

/**
 * "Cause: pod.yaml line 12": shown beside a failure (the failing step in the timeline and the
 * inspector, the result banner); pressing it opens the editor at that line.
 */
export function FailureLink({ step }: { step?: number }) {
  const failure = useFailure();
  const fileName = useJourney((s) => s.source.fileName);
  const revealLine = useEditorRequests((s) => s.revealLine);
  const first = failure?.ranges[0];
  if (!failure || !first || (step !== undefined && step !== failure.step)) return null;
  return (
    <button
      type="button"
      className="btn btn-link failure-link"
      title={`Show the line ${failure.who} objects to`}
      onClick={() => revealLine({ file: failure.file, line: first.startLine, column: first.startColumn })}
    >
      Cause: {fileName} line {first.startLine}
    </button>
  );
}
