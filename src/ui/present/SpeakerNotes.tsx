import { ExternalIcon } from '../common/icons';
import type { StepNotes } from './notes';

/**
 * The speaker's notes of a step: the narration's "Deeper" text, the Kubernetes docs, and what comes
 * next. Below the fold of present mode and in the speaker notes window alike.
 */
export function SpeakerNotes({ notes }: { notes: StepNotes }) {
  const { narration, next } = notes;
  return (
    <div className="speaker-notes">
      <h3>Deeper</h3>
      <p className="speaker-notes-detail" data-testid="speaker-notes-detail">
        {narration.detail}
      </p>
      {narration.docs.length > 0 && (
        <>
          <h3>Kubernetes docs</h3>
          <ul className="speaker-notes-docs">
            {narration.docs.map((d) => (
              <li key={d.href}>
                <a href={d.href} target="_blank" rel="noopener noreferrer">
                  {d.label}
                  <ExternalIcon />
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Next</h3>
      {next ? (
        <p className="speaker-notes-next">
          <b>{next.title}.</b> {next.summary}
        </p>
      ) : (
        <p className="speaker-notes-next">This is the last step of the journey.</p>
      )}
    </div>
  );
}
