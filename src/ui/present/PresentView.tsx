import { useEffect, useId, useMemo, useRef } from 'react';
import { useAtEnd, useCurrentStep, useJourney } from '../store/store';
import { Stage } from '../stage/Stage';
import { ThemeToggle } from '../topbar/ThemeToggle';
import { stepAnnouncement } from './announcement';
import { KeyHints } from './KeyHints';
import { notesAt } from './notes';
import { openNotesWindow, useNotesBroadcast } from './useNotesChannel';
import { PresentControls } from './PresentControls';
import { leavePresent, setBlank, toggleFullscreen, usePresentMode } from './presentMode';
import { SpeakerNotes } from './SpeakerNotes';
import { usePresentKeys } from './usePresentKeys';
import './present.css';

/** The narration's one sentence for the step under the playhead, in type the back row can read. */
function PresentSummary() {
  const step = useCurrentStep();
  const ready = useJourney((s) => s.trace !== undefined);
  return (
    <p className="present-summary" data-testid="present-summary">
      {step?.narration.summary ?? (ready ? 'No steps: the simulation did not run.' : 'Preparing the simulation…')}
    </p>
  );
}

/** One polite announcement per step moved to (the timeline's announcer is not on screen here). */
function Announcer() {
  const trace = useJourney((s) => s.trace);
  const index = useJourney((s) => s.playhead.index);
  const playing = useJourney((s) => s.playhead.mode === 'playing');
  const ended = useAtEnd();
  const text = stepAnnouncement(trace, index, playing, ended);
  return (
    <div className="visually-hidden" aria-live="polite" data-testid="announcer">
      {text}
    </div>
  );
}

/** Below the fold: what the teacher reads, not the class. */
function NotesBelow() {
  const trace = useJourney((s) => s.trace);
  const index = useJourney((s) => s.playhead.index);
  const notes = useMemo(() => notesAt(trace, index), [trace, index]);
  return (
    <aside className="present-notes" aria-labelledby="present-notes-heading">
      <h2 id="present-notes-heading">Speaker notes</h2>
      {notes ? <SpeakerNotes notes={notes} /> : <p>No step to tell about yet.</p>}
    </aside>
  );
}

/**
 * Present mode: the journey for a projector at 1280×720. The stage and the narration fill the screen,
 * a thin bar drives the playhead, the speaker notes wait below the fold; no editor, no inspector.
 */
export function PresentView() {
  usePresentKeys();
  useNotesBroadcast();
  const title = useJourney((s) => s.source.title);
  const blank = usePresentMode((s) => s.blank);
  const hints = usePresentMode((s) => s.hints);
  const hintsId = useId();
  const screen = useRef<HTMLElement>(null);
  // Entering from the top bar's button removes that button: the focus moves here, not to the page's end.
  useEffect(() => screen.current?.focus(), []);

  return (
    <div className="present">
      <main className="present-screen" ref={screen} tabIndex={-1} aria-label="Present mode">
        <header className="present-header">
          <h1 className="present-title">{title}</h1>
          <div className="present-header-end">
            <ThemeToggle />
            <button type="button" className="btn" title="Full screen (F)" onClick={toggleFullscreen}>
              Full screen
            </button>
            <button type="button" className="btn" onClick={openNotesWindow}>
              Speaker notes
              <span className="visually-hidden"> (opens a window)</span>
            </button>
            <button type="button" className="btn" title="Leave present mode (Esc)" onClick={leavePresent}>
              Exit
            </button>
          </div>
        </header>
        <div className="present-stage">
          <Stage />
        </div>
        <section className="present-narration" aria-label="Narration">
          <PresentSummary />
        </section>
        <PresentControls hintsId={hintsId} />
        <KeyHints id={hintsId} open={hints} />
      </main>
      <NotesBelow />
      <Announcer />
      {blank && (
        // The blank screen is for the room; any key (see usePresentKeys) or a click brings the picture back.
        <div className="present-blank" data-testid="present-blank" aria-hidden="true" onClick={() => setBlank(false)} />
      )}
    </div>
  );
}
