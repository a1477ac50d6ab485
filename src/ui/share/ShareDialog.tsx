import { useEffect, useId, useRef, useState } from 'react';
import { playerPages, useJourney, usePresetTitle } from '../store/store';
import { shareHash } from '../store/link';
import { resolveTheme } from '../store/theme';
import { useMediaQuery } from '../common/useMediaQuery';
import { ModalDialog } from '../common/ModalDialog';
import { shareSnippets, type Snippets } from './snippets';
import { download, svgToPng } from './download';
import './share.css';

type Status = { text: string; tone: 'info' | 'problem' };

/** A read-only text to copy, with its label and a Copy button. */
function CopyField({
  label,
  value,
  multiline,
  onStatus,
}: {
  label: string;
  value: string;
  multiline?: boolean;
  onStatus: (s: Status) => void;
}) {
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const copy = () => {
    // Without clipboard access (an insecure page, a refusal) the text is selected for the keyboard.
    const fallback = () => {
      field.current?.focus();
      field.current?.select();
      onStatus({ text: `Press Ctrl+C (⌘C on a Mac) to copy: ${label.toLowerCase()} is selected.`, tone: 'info' });
    };
    if (!navigator.clipboard) return fallback();
    navigator.clipboard
      .writeText(value)
      .then(() => onStatus({ text: `Copied: ${label.toLowerCase()}.`, tone: 'info' }), fallback);
  };
  const props = {
    id,
    ref: field,
    readOnly: true,
    value,
    spellCheck: false,
    className: 'share-field mono',
    onFocus: () => field.current?.select(),
  };
  return (
    <div className="share-row">
      <label htmlFor={id}>{label}</label>
      <div className="share-copy">
        {multiline ? <textarea {...props} rows={4} /> : <input {...props} type="text" />}
        <button
          type="button"
          className="btn"
          onClick={copy}
          aria-label={`Copy ${label.toLowerCase()}`}
          disabled={!value}
        >
          Copy
        </button>
      </div>
    </div>
  );
}

/** The links and snippets of the step on screen; they follow the playhead while the dialog is open. */
function useSnippets(open: boolean, title: string): { snippets?: Snippets; error?: string } {
  const presetId = useJourney((s) => s.presetId);
  const source = useJourney((s) => s.source);
  const shipped = useJourney((s) => s.shipped);
  const index = useJourney((s) => s.playhead.index);
  const [result, setResult] = useState<{ snippets?: Snippets; error?: string }>({});
  useEffect(() => {
    if (!open) return;
    let current = true;
    Promise.all([
      shareHash({ presetId, source, shipped, playhead: { index } }),
      shareHash({ presetId, source, shipped, playhead: { index: 0 } }),
    ]).then(
      ([stepHash, startHash]) => {
        if (current)
          setResult({
            snippets: shareSnippets({ href: location.href, stepHash, startHash, title, index, playerPages }),
          });
      },
      (e: unknown) => {
        if (current)
          setResult({
            error: `No link could be made for this scenario (${e instanceof Error ? e.message : String(e)}).`,
          });
      },
    );
    return () => {
      current = false;
    };
  }, [open, presetId, source, shipped, index, title]);
  return result;
}

/**
 * Share and embed: a link to the step on screen and to its scenario, copy-ready snippets for a page
 * (an iframe, or the <pod-journey> element), and a picture of the step for places that run no scripts.
 */
export function ShareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trace = useJourney((s) => s.trace);
  const index = useJourney((s) => s.playhead.index);
  const title = usePresetTitle();
  const themePref = useJourney((s) => s.themePref);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const [status, setStatus] = useState<Status>();
  const { snippets, error } = useSnippets(open, title);
  const edited = snippets?.fileBase.startsWith('pod-journey-edited-') ?? false;
  // The picture's code loads only when a picture is asked for: it is not needed to open the app.
  const save = async (kind: 'svg' | 'png') => {
    if (!snippets || !trace) return;
    const { stepPicture } = await import('../picture/stepPicture');
    const svg = stepPicture(trace, index, resolveTheme(themePref, systemDark), edited ? `${title} (edited)` : title);
    const file = `${snippets.fileBase}.${kind}`;
    try {
      download(kind === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg), file);
      setStatus({ text: `Saved ${file}.`, tone: 'info' });
    } catch (e) {
      setStatus({ text: `${file} could not be made: ${e instanceof Error ? e.message : String(e)}.`, tone: 'problem' });
    }
  };

  return (
    <ModalDialog
      open={open}
      onClose={() => {
        setStatus(undefined);
        onClose();
      }}
      labelledBy="share-title"
      className="share-dialog"
    >
      <div className="share-head">
        <h2 id="share-title">Share and embed</h2>
        <form method="dialog">
          <button className="btn" type="submit" aria-label="Close share and embed">
            Close
          </button>
        </form>
      </div>
      <p className="share-note">
        {trace ? `${title}, step ${index + 1} of ${trace.steps.length}.` : 'Preparing the simulation…'}
        {edited && ' Your edits travel inside the link.'}
      </p>
      {error && (
        <p className="share-status tone-problem" role="alert">
          {error}
        </p>
      )}
      <section className="share-section" aria-label="Links">
        <CopyField label="Link to this step" value={snippets?.stepLink ?? ''} onStatus={setStatus} />
        <CopyField
          label="Link to the scenario (from the start)"
          value={snippets?.scenarioLink ?? ''}
          onStatus={setStatus}
        />
      </section>
      <section className="share-section" aria-label="Embed">
        <CopyField label="Embed in a page (iframe)" value={snippets?.iframe ?? ''} multiline onStatus={setStatus} />
        <CopyField
          label="Embed with a script (custom element)"
          value={snippets?.element ?? ''}
          multiline
          onStatus={setStatus}
        />
        <p className="share-hint">
          Add <code>autoplay</code> to play on load, and <code>theme="dark"</code> or <code>theme="light"</code> to fix
          the colours (otherwise the reader’s system setting applies).
        </p>
      </section>
      <section className="share-section" aria-labelledby="share-picture">
        <h3 id="share-picture">Picture of this step</h3>
        <p className="share-hint">
          For pages that run no scripts: the stage and the narration of this step, as an image.
        </p>
        <div className="share-buttons">
          <button type="button" className="btn" onClick={() => void save('svg')} disabled={!snippets || !trace}>
            Download SVG
          </button>
          <button type="button" className="btn" onClick={() => void save('png')} disabled={!snippets || !trace}>
            Download PNG
          </button>
        </div>
      </section>
      <p className={`share-status${status?.tone === 'problem' ? ' tone-problem' : ''}`} role="status">
        {status?.text}
      </p>
    </ModalDialog>
  );
}
