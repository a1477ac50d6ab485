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

/**
 * The most steps a trace holds. A single pod's journey takes tens to a few hundred steps; a file of a
 * hundred pods on twenty nodes (the stress scenario) about six thousand. Past this bound a runaway loop
 * stops being recorded, so it cannot exhaust memory.
 */
export const MAX_STEPS = 20_000;

export function createRecorder(now: () => number, maxSteps = MAX_STEPS): Recorder {
  const steps: Step[] = [];
  // What a step shows is a snapshot and never changes afterwards. The recorder copies the store, the
  // events and the terminal only when the current version has been shown by a step; until then it
  // changes its own copy in place. Copying on every write made a busy run quadratic.
  let stored: Record<string, unknown> = {};
  let events: KubeEvent[] = [];
  let terminal: TerminalLine[] = [];
  let pod: PodCard = { at: 'kubectl' as ComponentId, status: 'manifest' };
  /** Which of them the last step shows as they are now. */
  const shown = { stored: false, events: false, terminal: false };

  return {
    get steps() {
      return steps;
    },
    get stored() {
      return stored;
    },
    step(draft) {
      if (steps.length >= maxSteps) return;
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
      shown.stored = shown.events = shown.terminal = true;
    },
    store(key, value) {
      if (shown.stored) [stored, shown.stored] = [{ ...stored }, false];
      if (value === undefined) delete stored[key];
      else stored[key] = value;
    },
    event(e) {
      const t = now();
      if (shown.events) [events, shown.events] = [[...events], false];
      const i = events.findIndex((x) => x.object === e.object && x.reason === e.reason && x.message === e.message);
      const prev = events[i];
      if (prev) events[i] = { ...prev, lastT: t, count: prev.count + 1 };
      else events.push({ ...e, firstT: t, lastT: t, count: 1 });
    },
    terminal(line) {
      if (shown.terminal) [terminal, shown.terminal] = [[...terminal], false];
      terminal.push(line);
    },
    podCard(card) {
      pod = { ...pod, ...card };
    },
  };
}
