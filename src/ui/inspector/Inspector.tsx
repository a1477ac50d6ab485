import { lazy, Suspense, useRef, type ComponentType, type KeyboardEvent } from 'react';
import { useJourney, INSPECTOR_TABS, type InspectorTab } from '../store/store';
import { NarrationTab } from './NarrationTab';
import { RequestTab } from './RequestTab';
import { SchedulerTab } from './SchedulerTab';
import { TerminalTab } from './TerminalTab';
import './inspector.css';

// The Object tab prints YAML with the `yaml` package, which otherwise only the engine chunk needs.
const ObjectTab = lazy(() => import('./ObjectTab').then((m) => ({ default: m.ObjectTab })));

const PANELS: Record<InspectorTab, ComponentType> = {
  Narration: NarrationTab,
  Object: ObjectTab,
  Request: RequestTab,
  Scheduler: SchedulerTab,
  Terminal: TerminalTab,
};

const tabId = (t: InspectorTab) => `inspector-tab-${t.toLowerCase()}`;
const panelId = (t: InspectorTab) => `inspector-panel-${t.toLowerCase()}`;

/** Tabs over the current step (WAI-ARIA tabs pattern: arrows move, automatic activation). */
export function Inspector() {
  const active = useJourney((s) => s.inspectorTab);
  const setTab = useJourney((s) => s.setInspectorTab);
  const hints = useJourney((s) => {
    const step = s.trace?.steps[s.playhead.index];
    return `${step?.http ? 'R' : ''}${step?.scheduling ? 'S' : ''}${step?.changes.length ? 'O' : ''}`;
  });
  const ready = useJourney((s) => s.trace !== undefined);
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: KeyboardEvent) => {
    const i = INSPECTOR_TABS.indexOf(active);
    const n = INSPECTOR_TABS.length;
    const target = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 }[e.key];
    if (target === undefined) return;
    e.preventDefault();
    const tab = INSPECTOR_TABS[target]!;
    setTab(tab);
    list.current?.querySelector<HTMLElement>(`#${tabId(tab)}`)?.focus();
  };

  const Panel = PANELS[active];
  const hint: Partial<Record<InspectorTab, boolean>> = {
    Request: hints.includes('R'),
    Scheduler: hints.includes('S'),
    Object: hints.includes('O'),
  };
  return (
    <section className="panel inspector" aria-label="Inspector">
      <div className="tablist" role="tablist" aria-label="Inspector" ref={list} onKeyDown={onKeyDown}>
        {INSPECTOR_TABS.map((t) => (
          <button
            key={t}
            id={tabId(t)}
            type="button"
            role="tab"
            className="tab"
            aria-selected={t === active}
            aria-controls={panelId(t)}
            tabIndex={t === active ? 0 : -1}
            onClick={() => setTab(t)}
          >
            {t}
            {hint[t] && (
              <span className="tab-dot" title="This step has one">
                <span className="visually-hidden"> (this step has one)</span>
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="tabpanel" role="tabpanel" id={panelId(active)} aria-labelledby={tabId(active)} tabIndex={0}>
        {ready ? (
          <Suspense fallback={<p className="empty">Loading…</p>}>
            <Panel />
          </Suspense>
        ) : (
          <p className="empty">Preparing the simulation…</p>
        )}
      </div>
    </section>
  );
}
