/**
 * Records the trace while the actors run. Components report what they do; the recorder stamps each
 * step with the simulated time and snapshots of what is stored, the events and the terminals.
 *
 * Order matters: a component first reports state changes (store, event, terminal, podCard) and then
 * the step, so the step's snapshots include them.
 */
import type { ComponentId, FieldChange, KubeEvent, PodCard, Step, TerminalLine } from '@sim';

export type StepDraft = Omit<
  Step,
  'index' | 't' | 'stored' | 'events' | 'terminal' | 'pod' | 'changes' | 'facts' | 'packets'
> & {
  changes?: FieldChange[];
  facts?: Step['facts'];
  packets?: Step['packets'];
};

export interface Recorder {
  step(draft: StepDraft): void;
  /** etcd committed a value (undefined = deleted). */
  store(key: string, value: unknown): void;
  /** kube-apiserver stored an Event. Repeats (same object, reason and message) bump the count. */
  event(e: Omit<KubeEvent, 'firstT' | 'lastT' | 'count'>): void;
  terminal(line: TerminalLine): void;
  /** Moves or relabels the pod card; fields not given stay as they are. */
  podCard(card: Partial<PodCard>): void;
  readonly steps: readonly Step[];
  readonly stored: Readonly<Record<string, unknown>>;
}

export function createRecorder(now: () => number, maxSteps = 5_000): Recorder {
  const steps: Step[] = [];
  let stored: Readonly<Record<string, unknown>> = {};
  let events: readonly KubeEvent[] = [];
  let terminal: readonly TerminalLine[] = [];
  let pod: PodCard = { at: 'kubectl' as ComponentId, status: 'manifest' };

  return {
    get steps() {
      return steps;
    },
    get stored() {
      return stored;
    },
    step(draft) {
      if (steps.length >= maxSteps) return; // bounded: a runaway loop cannot exhaust memory
      steps.push({
        ...draft,
        changes: draft.changes ?? [],
        facts: draft.facts ?? [],
        packets: draft.packets ?? [],
        index: steps.length,
        t: now(),
        stored,
        events,
        terminal,
        pod,
      });
    },
    store(key, value) {
      const next = { ...stored };
      if (value === undefined) delete next[key];
      else next[key] = value;
      stored = next;
    },
    event(e) {
      const t = now();
      const i = events.findIndex((x) => x.object === e.object && x.reason === e.reason && x.message === e.message);
      if (i >= 0) {
        const prev = events[i]!;
        events = events.map((x, j) => (j === i ? { ...prev, lastT: t, count: prev.count + 1 } : x));
      } else {
        events = [...events, { ...e, firstT: t, lastT: t, count: 1 }];
      }
    },
    terminal(line) {
      terminal = [...terminal, line];
    },
    podCard(card) {
      pod = { ...pod, ...card };
    },
  };
}
