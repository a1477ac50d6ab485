import { useEffect, useRef } from 'react';

const SHORTCUTS: [keys: string[], what: string][] = [
  [['Space'], 'Play / pause'],
  [['←', '→'], 'Previous / next step'],
  [['Home', 'End'], 'Jump to start / end'],
  [['Ctrl', 'Enter'], 'Apply the manifest (in the editor; ⌘ Enter on a Mac)'],
  [['Esc'], 'Leave the editor'],
  [['?'], 'This help'],
];

/** The keyboard shortcuts, in a native modal <dialog> (focus trap and Escape come with it). */
export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="help-dialog"
      aria-labelledby="help-title"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose(); // a click on the backdrop
      }}
    >
      <h2 id="help-title">Keyboard shortcuts</h2>
      <p className="help-note">The playback keys work anywhere outside the editor.</p>
      <table>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && (keys.length === 2 && k === 'Enter' ? ' + ' : ' ')}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button className="btn" type="submit" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
