import { useEffect } from 'react';
import { formatStepCounter } from '../common/format';
import { SpeakerNotes } from './SpeakerNotes';
import { useNotesReceiver } from './useNotesChannel';
import './present.css';

/**
 * The speaker notes window (`?notes`), beside the presenting window: the step on the projector, its
 * "Deeper" text and docs, and the next step, kept in step over a BroadcastChannel.
 */
export function NotesView() {
  const { connected, message } = useNotesReceiver();
  const notes = message?.notes;
  useEffect(() => {
    document.title = 'Speaker notes · Pod Journey';
  }, []);
  return (
    <main className="notes-window" aria-labelledby="notes-window-heading">
      <h1 id="notes-window-heading">Speaker notes</h1>
      {!connected ? (
        <p>This browser cannot link two windows: the notes are below the picture in present mode (scroll down).</p>
      ) : !message ? (
        <p role="status">Waiting for the presenting window…</p>
      ) : (
        <>
          <p className="notes-window-where">
            <span>{message.scenarioTitle}</span>
            {notes && <span data-testid="notes-counter">{formatStepCounter(notes.index, notes.count)}</span>}
          </p>
          {notes ? (
            <>
              <h2 className="notes-window-title">{notes.title}</h2>
              <p className="notes-window-summary">{notes.narration.summary}</p>
              <SpeakerNotes notes={notes} />
            </>
          ) : (
            <p>No step to tell about yet.</p>
          )}
        </>
      )}
    </main>
  );
}
