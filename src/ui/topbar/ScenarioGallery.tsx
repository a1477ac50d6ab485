import { useEffect, useRef } from 'react';
import type { Gate } from '@scenarios';
import { ModalDialog } from '../common/ModalDialog';
import { useJourney } from '../store/store';

/** The gallery's groups, in the order shown: the pod runs, then each gate where a journey stops, in the order a pod meets them. */
const GATE_TITLES: Record<Gate, string> = {
  running: 'The pod runs',
  kubectl: 'kubectl reads the file',
  authentication: 'Authentication: who are you?',
  authorization: 'Authorization: may you?',
  admission: 'Admission: the cluster’s rules',
  validation: 'Validation: is the object well formed?',
  scheduler: 'Scheduling: which node?',
  kubelet: 'On the node: the kubelet',
};
const ORDER = Object.keys(GATE_TITLES) as Gate[];

/** The scenario gallery: every preset one click away, grouped by the gate where its journey turns. */
export function ScenarioGallery({
  open,
  current,
  onPick,
  onClose,
}: {
  open: boolean;
  current: string;
  onPick: (id: string) => void;
  onClose: () => void;
}) {
  // The presets come with the scenario catalog, which loads after the first paint. Opened before it is
  // in, the gallery says so, and focus goes to the current scenario's card once the cards are there.
  const presets = useJourney((s) => s.catalog?.presets);
  const catalogError = useJourney((s) => s.catalogError);
  const ensureCatalog = useJourney((s) => s.ensureCatalog);
  const waiting = useRef(false);
  useEffect(() => {
    if (!open) return;
    if (!presets) {
      waiting.current = true;
      void ensureCatalog().catch(() => undefined);
    } else if (waiting.current) {
      waiting.current = false;
      document.querySelector<HTMLElement>('.gallery-dialog [aria-current="true"]')?.focus();
    }
  }, [open, presets, ensureCatalog]);
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      onOpen={(d) => d.querySelector<HTMLElement>('[aria-current="true"]')?.focus()}
      labelledBy="gallery-title"
      className="gallery-dialog"
    >
      <div className="gallery-head">
        <h2 id="gallery-title">Scenarios</h2>
        <p className="gallery-note">
          Each one is a manifest, a cluster and a kubeconfig. Pick one to see where a real v1.33 cluster says no — and
          with which words.
        </p>
        <form method="dialog">
          <button className="btn" type="submit" aria-label="Close scenarios">
            Close
          </button>
        </form>
      </div>
      <div className="gallery-body">
        {!presets &&
          (catalogError ? (
            <p className="gallery-note" role="alert">
              The scenarios could not be loaded ({catalogError}). Reload the page to try again; the journey on screen
              stays as it is.
            </p>
          ) : (
            <p className="gallery-note">Loading the scenarios…</p>
          ))}
        {ORDER.map((gate) => {
          const group = presets?.filter((p) => p.gate === gate) ?? [];
          if (group.length === 0) return null;
          return (
            <section key={gate} className="gallery-group" aria-labelledby={`gate-${gate}`}>
              <h3 id={`gate-${gate}`} className={`gate-title gate-${gate}`}>
                {GATE_TITLES[gate]}
              </h3>
              <ul>
                {group.map((p) => (
                  <li key={p.id}>
                    <a
                      className="gallery-card"
                      href={`#/scenario/${p.id}`}
                      aria-current={p.id === current ? 'true' : undefined}
                      onClick={(e) => {
                        e.preventDefault();
                        onPick(p.id);
                      }}
                    >
                      <span className="gallery-card-title">{p.title}</span>
                      <span className="gallery-card-blurb">{p.blurb}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </ModalDialog>
  );
}
