import { useMemo, useState } from 'react';
import { useJourney, usePresetTitle } from '../store/store';
import { ModalDialog } from '../common/ModalDialog';
import { OutcomeMark } from '../common/OutcomeMark';
import { RESULT_WORD } from '../common/format';
import { TERMINAL_NAMES, transcriptOf, transcriptText } from './transcript';
import './transcript.css';

/**
 * The whole journey as text, in a dialog: every step numbered, with its time, component, place,
 * outcome, title, summary and what it printed in the terminals; a button copies it as plain text.
 * The step the playhead is on is marked, and "Show" moves the playhead to a step.
 */
function TranscriptDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trace = useJourney((s) => s.trace);
  const current = useJourney((s) => s.playhead.index);
  const title = usePresetTitle();
  const seek = useJourney((s) => s.seek);
  const [copied, setCopied] = useState('');
  const entries = useMemo(() => (open && trace ? transcriptOf(trace) : []), [open, trace]);
  const heading = `Pod Journey transcript: ${title}`;
  const copy = () => {
    if (!trace) return;
    navigator.clipboard.writeText(transcriptText(trace, heading)).then(
      () => setCopied('Copied the transcript.'),
      () => setCopied('Copying was refused by the browser: select the text and copy it.'),
    );
  };
  return (
    <ModalDialog
      open={open}
      onClose={() => {
        setCopied('');
        onClose();
      }}
      // Open where the playhead is: the current step in the middle of the list.
      onOpen={(d) => d.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'center' })}
      labelledBy="transcript-title"
      className="transcript-dialog"
    >
      <div className="transcript-head">
        <h2 id="transcript-title">Transcript</h2>
        <div className="transcript-actions">
          <button type="button" className="btn" onClick={copy} disabled={!trace}>
            Copy as text
          </button>
          <form method="dialog">
            <button className="btn" type="submit" aria-label="Close transcript">
              Close
            </button>
          </form>
        </div>
        <p className="transcript-copied" role="status">
          {copied}
        </p>
      </div>
      {trace ? (
        <div className="transcript-body">
          <p className="transcript-result">
            <b>Result: {RESULT_WORD[trace.result.outcome]}.</b> {trace.result.summary}
          </p>
          <ol className="transcript-steps">
            {entries.map((e) => (
              <li key={e.number} aria-current={e.number - 1 === current ? 'step' : undefined}>
                <h3>
                  {e.number}. {e.title}
                </h3>
                <p className="transcript-meta">
                  <span className="mono">t = {e.time}</span> · <span className="mono">{e.component}</span> ·{' '}
                  <span className="mono">{e.place}</span> <OutcomeMark outcome={e.outcome} />
                  {e.number - 1 === current && <span className="transcript-here"> · the current step</span>}
                  <button
                    type="button"
                    className="btn btn-link transcript-show"
                    aria-label={`Show step ${e.number} on the stage`}
                    onClick={() => {
                      seek(e.number - 1);
                      onClose();
                    }}
                  >
                    Show
                  </button>
                </p>
                <p className="transcript-summary">{e.summary}</p>
                {e.note && <p className="transcript-note">{e.note}</p>}
                {e.output.map((o) => (
                  <figure key={o.terminal} className="transcript-output">
                    <figcaption>{TERMINAL_NAMES[o.terminal]}</figcaption>
                    <pre>{o.lines.join('\n')}</pre>
                  </figure>
                ))}
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <p className="empty">Preparing the simulation…</p>
      )}
    </ModalDialog>
  );
}

/** The button that opens the transcript (in the timeline), and the dialog. */
export function TranscriptButton() {
  const [open, setOpen] = useState(false);
  const ready = useJourney((s) => s.trace !== undefined);
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        disabled={!ready}
        aria-haspopup="dialog"
        title="Every step of the journey as text"
        onClick={() => setOpen(true)}
      >
        Transcript
      </button>
      <TranscriptDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
