import { KEY_HINTS } from './presentKeys';

/** The keys of present mode, shown on "?" (hidden by default so the projector stays clean). */
export function KeyHints({ id, open }: { id: string; open: boolean }) {
  return (
    <section id={id} className="present-hints" aria-label="Keys" hidden={!open}>
      <h2>Keys</h2>
      <dl>
        {KEY_HINTS.map((h) => (
          <div key={h.what}>
            <dt>
              {h.keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{h.what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
