import type { Failure } from '../store/recorded';
import { useJourney } from '../store/store';

/**
 * Where the journey on screen failed in the manifest (the lines the pre-flight checks find at the
 * place where the run failed); undefined for a run that succeeded or whose cause is not in the manifest.
 */
export function useFailure(): Failure | undefined {
  return useJourney((s) => s.failure);
}

/** The failure, only while the manifest draft is still the text that ran (otherwise its lines have moved). */
export function useFailureInDraft(): Failure | undefined {
  const failure = useFailure();
  const unchanged = useJourney((s) => s.drafts.manifest === s.source.manifest);
  return unchanged ? failure : undefined;
}
