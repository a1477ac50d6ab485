import { ModalDialog } from '../common/ModalDialog';

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
  return (
    <ModalDialog open={open} onClose={onClose} labelledBy="help-title" className="help-dialog">
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
        <button className="btn" type="submit">
          Close
        </button>
      </form>
    </ModalDialog>
  );
}
