import { useJourney, type MobileView } from '../store/store';

const VIEWS: [MobileView, string][] = [
  ['journey', 'Journey'],
  ['manifest', 'Manifest'],
];

/** On a phone the manifest and the journey take turns on screen. Hidden on wider screens. */
export function MobileViewSwitch() {
  const view = useJourney((s) => s.mobileView);
  const setView = useJourney((s) => s.setMobileView);
  return (
    <div className="mobile-switch segmented" role="group" aria-label="Show">
      {VIEWS.map(([v, label]) => (
        <button key={v} type="button" className="segmented-item" aria-pressed={view === v} onClick={() => setView(v)}>
          {label}
        </button>
      ))}
    </div>
  );
}
