import { useEffect, useMemo } from 'react';
import type { TerminalLine } from '@sim';
import { useCurrentStep, useJourney } from '../store/store';
import { journeyPod } from '../store/derive';

function Pane({ title, lines, wrap }: { title: string; lines: readonly TerminalLine[]; wrap?: boolean }) {
  return (
    <figure className="terminal">
      <figcaption>{title}</figcaption>
      <pre className={wrap ? 'wrap' : undefined}>
        {lines.map((l, i) => (
          <div key={i} className={`term-${l.stream}`}>
            {l.stream === 'command' ? `$ ${l.text}` : l.text}
          </div>
        ))}
      </pre>
    </figure>
  );
}

/**
 * What the learner would see in their terminals at this step, and the pod's Events as `kubectl
 * describe` prints them (only once the pod exists: before that there is nothing to describe).
 */
export function TerminalTab() {
  const step = useCurrentStep();
  const trace = useJourney((s) => s.trace);
  const pod = useMemo(() => (trace ? journeyPod(trace) : undefined), [trace]);
  const contextNamespace = useJourney((s) => s.identity?.namespace ?? 'default');
  const describeEvents = useJourney((s) => s.engine?.describeEvents);
  const ensureEngine = useJourney((s) => s.ensureEngine);
  // kubectl describe's event table is printed by the simulator's own printer, loaded on first use.
  useEffect(() => {
    if (!describeEvents) void ensureEngine();
  }, [describeEvents, ensureEngine]);
  if (!step) return <p className="empty">No output: the simulation did not run.</p>;
  const apply = step.terminal.filter((l) => l.terminal === 'apply');
  const watch = step.terminal.filter((l) => l.terminal === 'watch');
  const exists = pod !== undefined && step.stored[pod.key] !== undefined;
  return (
    <div className="terminal-tab">
      <Pane title="Terminal 1" lines={apply} wrap />
      <Pane title="Terminal 2" lines={watch} />
      {exists ? (
        <figure className="terminal">
          <figcaption>Events, as kubectl describe shows them</figcaption>
          <pre>
            <div className="term-command">
              $ kubectl describe pod {pod.name}
              {pod.namespace !== contextNamespace && ` -n ${pod.namespace}`}
            </div>
            <div className="term-elided">…</div>
            {describeEvents ? (
              describeEvents(step.events, step.t).map((line, i) => <div key={i}>{line}</div>)
            ) : (
              <div className="term-elided">Loading the event table…</div>
            )}
          </pre>
        </figure>
      ) : (
        <p className="empty">No pod is stored at this step, so there are no events to describe yet.</p>
      )}
    </div>
  );
}
