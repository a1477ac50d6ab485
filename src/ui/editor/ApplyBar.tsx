import type { Ref } from 'react';
import { isEdited, useJourney } from '../store/store';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The Apply button with the command it stands for and the identity it runs as. */
export function ApplyBar({ ref }: { ref: Ref<HTMLButtonElement> }) {
  const apply = useJourney((s) => s.apply);
  const command = useJourney((s) => `kubectl ${s.source.command} -f ${s.source.fileName}`);
  const user = useJourney((s) => s.identity?.user);
  const edited = useJourney(isEdited);
  const ready = useJourney((s) => s.trace !== undefined);
  return (
    <div className="apply-bar">
      <div className="apply-main">
        <button
          ref={ref}
          type="button"
          className="btn-apply"
          aria-label="Apply"
          aria-describedby="apply-command"
          onClick={apply}
          disabled={!ready}
        >
          <span className="apply-word">Apply</span>
          <code id="apply-command">{command}</code>
        </button>
      </div>
      <div className="apply-meta">
        {user && (
          <span className="identity">
            as <b>{user}</b>
          </span>
        )}
        {edited ? (
          <span className="edited-badge">edited · not applied yet</span>
        ) : (
          <span className="apply-hint" aria-hidden="true">
            <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd> + <kbd>Enter</kbd>
          </span>
        )}
      </div>
    </div>
  );
}
